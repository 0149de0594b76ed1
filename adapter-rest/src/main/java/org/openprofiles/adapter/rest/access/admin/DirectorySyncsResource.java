package org.openprofiles.adapter.rest.access.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.Problem;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.ShowDirectorySyncs;
import org.openprofiles.application.access.StartDirectorySync;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySync.Mode;
import org.openprofiles.domain.access.directory.SyncId;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.shared.Invalid;

/**
 * Directory syncs under {@code /admin/v1/directory/syncs}: start one ({@code 202} with the running
 * sync; {@code 409} with the one already running), read one (state, progress, counts, error), and
 * list them newest first.
 */
@Requires(value = Action.READ_DIRECTORY, on = "directory")
@Path("admin/v1/directory/syncs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DirectorySyncsResource {

    /** What to start: {@code full} (default) or {@code incremental}. */
    public record StartBody(@JsonProperty("mode") String mode) {}

    /**
     * The {@code 409} of a start while a sync runs: the service's problem fields plus the running
     * sync, so a client can follow it (its URI is also in {@code Location}).
     */
    @JsonPropertyOrder({"type", "title", "status", "detail", "code", "sync"})
    public record SyncRunningProblem(
            @JsonProperty("type") String type,
            @JsonProperty("title") String title,
            @JsonProperty("status") int status,
            @JsonProperty("detail") String detail,
            @JsonProperty("code") String code,
            @JsonProperty("sync") DirectorySyncModel sync) {}

    private final StartDirectorySync start;
    private final ShowDirectorySyncs show;

    public DirectorySyncsResource(StartDirectorySync start, ShowDirectorySyncs show) {
        this.start = start;
        this.show = show;
    }

    @Requires(value = Action.MANAGE_DIRECTORY, on = "directory")
    @POST
    public Response start(@Context SecurityContext security, @Context UriInfo uri, StartBody body) {
        StartDirectorySync.Outcome outcome = start.start(Caller.of(security), mode(body));
        DirectorySync sync = outcome.sync();
        URI location = uri.getAbsolutePathBuilder().path(sync.id().toString()).build();
        if (outcome instanceof StartDirectorySync.Outcome.AlreadyRunning) {
            Problem problem = Problem.of(
                    Response.Status.CONFLICT,
                    "sync_running",
                    null,
                    "a directory sync is running already (" + sync.id() + "); only one runs at a time");
            return Response.status(Response.Status.CONFLICT)
                    .type(Problem.MEDIA)
                    .location(location)
                    .entity(new SyncRunningProblem(
                            problem.type(),
                            problem.title(),
                            problem.status(),
                            problem.detail(),
                            problem.code(),
                            DirectorySyncModel.from(sync)))
                    .build();
        }
        return Response.accepted(DirectorySyncModel.from(sync))
                .location(location)
                .build();
    }

    @GET
    @Path("{id}")
    public DirectorySyncModel get(@Context SecurityContext security, @PathParam("id") String id) {
        return DirectorySyncModel.from(show.get(Caller.of(security), new SyncId(Guids.parse(id, "id"))));
    }

    /** Syncs newest first, paged ({@code limit}, {@code cursor}, {@code Link: rel="next"}). */
    @GET
    public Response list(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @QueryParam(Paging.LIMIT) String limit,
            @QueryParam(Paging.CURSOR) String cursor) {
        return Paging.plainArray(
                show.list(Caller.of(security), Paging.request(limit, cursor)), DirectorySyncModel::from, uri);
    }

    private static Mode mode(StartBody body) {
        if (body == null || body.mode() == null || body.mode().isBlank()) {
            return Mode.FULL;
        }
        return Mode.ofCode(body.mode().strip())
                .orElseThrow(() -> new Invalid(
                        "invalid_mode", "mode", "mode must be full or incremental, was '" + body.mode() + "'"));
    }
}
