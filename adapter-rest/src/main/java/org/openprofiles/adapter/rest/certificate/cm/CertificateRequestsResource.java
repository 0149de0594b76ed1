package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.TextRules;
import org.openprofiles.adapter.rest.shared.VendorQuery;
import org.openprofiles.application.certificate.CancelCertificateRequest;
import org.openprofiles.application.certificate.CompleteCertificateRequest;
import org.openprofiles.application.certificate.DecideCertificateRequest;
import org.openprofiles.application.certificate.GetCertificateRequest;
import org.openprofiles.application.certificate.IdempotencyKey;
import org.openprofiles.application.certificate.InitiateCertificateRequest;
import org.openprofiles.application.certificate.ListCertificateRequests;
import org.openprofiles.application.certificate.ListRequestProfiles;
import org.openprofiles.application.certificate.ProfileWithOperations;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.Unprocessable;

/**
 * Certificate Management requests: {@code POST /requests} (201, body the new request's relative
 * URI as a JSON string), {@code GET /requests[/{id}[/profiles]]} and {@code PUT /requests/{id}}
 * with {@code {"status":"Completed"|"Canceled"|"Abandoned"}}; and our extension
 * {@code POST /requests/{id}/approve} and {@code …/deny}. Nothing to return is 204.
 */
@Path("certificatemanagement/api/v1.0")
@Produces(MediaType.APPLICATION_JSON)
public final class CertificateRequestsResource {

    /** The request's URI relative to the Certificate Management root, as the vendor answers it. */
    static final String RELATIVE = "api/v1.0/requests/";

    private static final String ROOT = "CertificateManagement/";
    /** Our query parameter asking for the approver's queue instead of the caller's own requests. */
    static final String PENDING_MY_APPROVAL = "pendingmyapproval";

    /** The header that makes a retried POST safe (the IETF httpapi draft's name). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final InitiateCertificateRequest initiate;
    private final GetCertificateRequest getRequest;
    private final ListCertificateRequests listRequests;
    private final ListRequestProfiles listProfiles;
    private final CompleteCertificateRequest complete;
    private final CancelCertificateRequest cancel;
    private final DecideCertificateRequest decide;

    public CertificateRequestsResource(
            InitiateCertificateRequest initiate,
            GetCertificateRequest getRequest,
            ListCertificateRequests listRequests,
            ListRequestProfiles listProfiles,
            CompleteCertificateRequest complete,
            CancelCertificateRequest cancel,
            DecideCertificateRequest decide) {
        this.initiate = initiate;
        this.getRequest = getRequest;
        this.listRequests = listRequests;
        this.listProfiles = listProfiles;
        this.complete = complete;
        this.cancel = cancel;
        this.decide = decide;
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(
            responseCode = "201",
            description = "the new request's relative URI, as a JSON string; Location names it",
            content = @Content(schema = @Schema(implementation = String.class)))
    public Response create(
            JsonNode body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context UriInfo uri,
            @Context SecurityContext security) {
        Optional<IdempotencyKey> key = idempotencyKey(idempotencyKey);
        InitiateCertificateRequest.Result result =
                initiate.initiate(Caller.of(security), NewRequestBody.parse(body), key);
        CertificateRequest created;
        if (result instanceof InitiateCertificateRequest.Created c) {
            created = c.request();
        } else if (result instanceof InitiateCertificateRequest.Replayed r) {
            created = r.request();
        } else {
            throw new Unprocessable(
                    "idempotency_key_reused",
                    IDEMPOTENCY_KEY,
                    "this " + IDEMPOTENCY_KEY + " was used before for a different request");
        }
        String relative = RELATIVE + created.id();
        URI location = uri.getBaseUriBuilder().path(ROOT + relative).build();
        return Response.created(location).entity("\"" + relative + "\"").build();
    }

    /**
     * The caller's requests ({@code targetuser} absent, {@code current} or the caller's GUID; an
     * agent may name another user), filtered by {@code status} and {@code type}; or, with our
     * {@code pendingmyapproval=true}, the Pending requests waiting for the caller's decision.
     */
    @GET
    @Path("requests")
    @Parameter(in = ParameterIn.QUERY, name = "status", description = "a request status, by name or number")
    @Parameter(in = ParameterIn.QUERY, name = "type", description = "a request type, by name or number")
    @Parameter(in = ParameterIn.QUERY, name = CertificateProfilesResource.TARGET_USER, description = "agents: whose")
    @Parameter(in = ParameterIn.QUERY, name = PENDING_MY_APPROVAL, description = "true: those awaiting my decision")
    @Parameter(in = ParameterIn.QUERY, name = Paging.LIMIT, description = "page size")
    @Parameter(in = ParameterIn.QUERY, name = Paging.CURSOR, description = "the next page, from the Link header")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = RequestModel.class))))
    @ApiResponse(responseCode = "204", description = "none")
    public Response list(@Context UriInfo uri, @Context SecurityContext security) {
        Principal caller = Caller.of(security);
        var page = Paging.request(VendorQuery.first(uri, Paging.LIMIT), VendorQuery.first(uri, Paging.CURSOR));
        Page<CertificateRequest> found;
        if (VendorQuery.flag(uri, PENDING_MY_APPROVAL)) {
            found = listRequests.awaitingDecisionBy(caller, page);
        } else {
            Optional<UserId> user = CertificateProfilesResource.targetUser(
                    VendorQuery.first(uri, CertificateProfilesResource.TARGET_USER));
            Optional<RequestStatus> status =
                    parse(VendorQuery.first(uri, "status"), "status", RequestStatus::fromName, RequestStatus::fromCode);
            Optional<RequestType> type =
                    parse(VendorQuery.first(uri, "type"), "type", RequestType::fromName, RequestType::fromCode);
            found = listRequests.list(caller, new ListCertificateRequests.Query(user, status, type, page));
        }
        if (found.isEmpty()) {
            return Response.noContent().build();
        }
        return Paging.linkNext(
                        Response.ok(
                                found.items().stream().map(RequestModel::from).toList()),
                        uri,
                        found)
                .build();
    }

    @GET
    @Path("requests/{id}")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestModel.class)))
    @ApiResponse(responseCode = "204", description = "no such request the caller may see")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        return getRequest
                .get(Caller.of(security), requestId(id))
                .map(request -> Response.ok(RequestModel.from(request)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("requests/{id}/profiles")
    @ApiResponse(
            responseCode = "200",
            description = "the profiles the request acts on",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProfileModel.class))))
    @ApiResponse(responseCode = "204", description = "none")
    public Response profiles(@PathParam("id") String id, @Context SecurityContext security) {
        List<ProfileWithOperations> found = listProfiles.list(Caller.of(security), requestId(id));
        if (found.isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(found.stream().map(ProfileModel::from).toList()).build();
    }

    /** One of the profiles the request changed or created ({@code GET …/requests/{id}/profiles}); 204 otherwise. */
    @GET
    @Path("requests/{id}/profiles/{profile}")
    public Response profile(
            @PathParam("id") String id, @PathParam("profile") String profile, @Context SecurityContext security) {
        String wanted = new CertificateProfileId(Guids.parse(profile, "profile")).toString();
        return listProfiles.list(Caller.of(security), requestId(id)).stream()
                .filter(seen -> seen.profile().id().toString().equals(wanted))
                .findFirst()
                .map(seen -> Response.ok(ProfileModel.from(seen)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @PUT
    @Path("requests/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(
            responseCode = "200",
            description =
                    "the request after completing (with the PIN when the server set one), canceling or abandoning",
            content = @Content(schema = @Schema(implementation = RequestModel.class)))
    public Response update(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Principal caller = Caller.of(security);
        RequestId requestId = requestId(id);
        JsonNode status = body == null || !body.isObject() ? null : body.get("status");
        String wanted =
                status == null || !status.isTextual() ? "" : status.asText().strip();
        if (wanted.equalsIgnoreCase("completed")) {
            CompleteCertificateRequest.Completion done = complete.complete(caller, requestId, pin(body));
            return Response.ok(RequestModel.from(done.request()).withPin(done.generatedPin()))
                    .build();
        }
        CertificateRequest updated = switch (wanted.toLowerCase(Locale.ROOT)) {
            case "canceled" -> cancel.cancel(caller, requestId, CancelCertificateRequest.Ending.CANCELED);
            case "abandoned" -> cancel.cancel(caller, requestId, CancelCertificateRequest.Ending.ABANDONED);
            default ->
                throw new Invalid(
                        "invalid_status", "status", "status must be \"Completed\", \"Canceled\" or \"Abandoned\"");
        };
        return Response.ok(RequestModel.from(updated)).build();
    }

    /** Our extension: an approver approves a Pending request; answers the updated Request. */
    @POST
    @Path("requests/{id}/approve")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestModel.class)))
    public Response approve(@PathParam("id") String id, @Context SecurityContext security) {
        return Response.ok(RequestModel.from(
                        decide.decide(Caller.of(security), requestId(id), DecideCertificateRequest.Decision.APPROVE)))
                .build();
    }

    /** Our extension: an approver denies a Pending request, which ends it; answers the updated Request. */
    @POST
    @Path("requests/{id}/deny")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestModel.class)))
    public Response deny(@PathParam("id") String id, @Context SecurityContext security) {
        return Response.ok(RequestModel.from(
                        decide.decide(Caller.of(security), requestId(id), DecideCertificateRequest.Decision.DENY)))
                .build();
    }

    /** The user's PIN in a completion body ({@code "pin"}, our extension), when given. */
    private static Optional<String> pin(JsonNode body) {
        JsonNode pin = body.get("pin");
        if (pin == null || pin.isNull()) {
            return Optional.empty();
        }
        if (!pin.isTextual()) {
            throw new Invalid("not_a_string", "pin", "pin must be a string");
        }
        return Optional.of(TextRules.checked(pin.asText(), "pin"));
    }

    private static Optional<IdempotencyKey> idempotencyKey(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!IdempotencyKey.isWellFormed(header)) {
            throw new Invalid(
                    "invalid_idempotency_key",
                    IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " must be 1 to " + IdempotencyKey.MAX_LENGTH + " visible ASCII characters");
        }
        return Optional.of(new IdempotencyKey(header));
    }

    private static RequestId requestId(String id) {
        return new RequestId(Guids.parse(id, "id"));
    }

    /** A status or type filter given by name (any case) or by its wire number; absent or blank means any. */
    private static <T> Optional<T> parse(
            String value, String field, Function<String, Optional<T>> byName, IntFunction<Optional<T>> byCode) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        Optional<T> found = text.matches("-?\\d{1,9}") ? byCode.apply(Integer.parseInt(text)) : byName.apply(text);
        return Optional.of(found.orElseThrow(() ->
                new Invalid("invalid_" + field, field, field + " '" + value + "' is not one this service knows")));
    }
}
