package org.openprofiles.adapter.rest.security.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.rest.shared.Bulk;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.MaxItems;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.security.ImportUsers;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * Bulk import of users: {@code POST /admin/v1/users/import} with a JSON array of what
 * {@code POST /admin/v1/users} takes ({@code id} optional, {@code login}, {@code displayName},
 * {@code roles}), all or nothing, at most {@value ImportUsers#MAX_ITEMS} per call.
 */
@Requires(value = Action.MANAGE_USERS, on = "user")
@Bulk
@Path("admin/v1/users/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class UserImportResource {

    /** What an import did; {@code importId} (null when nothing was written) names its audit event's object. */
    public record ImportResultModel(
            @JsonProperty("imported") int imported,
            @JsonProperty("unchanged") int unchanged,
            @JsonProperty("importId") String importId) {}

    private final ImportUsers importUsers;

    public UserImportResource(ImportUsers importUsers) {
        this.importUsers = importUsers;
    }

    @POST
    public ImportResultModel importUsers(
            @MaxItems(value = ImportUsers.MAX_ITEMS, field = "users", code = "too_many_users")
                    List<CreateUserBody> body,
            @Context SecurityContext security) {
        if (body == null) {
            throw new Invalid("required", "users", "a JSON array of users is required");
        }
        List<Violation> malformed = new ArrayList<>();
        List<Optional<ImportUsers.Item>> items = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            CreateUserBody item = body.get(i);
            if (item == null) {
                malformed.add(new Violation("[" + i + "]", "required", "the item must be a user object"));
                items.add(Optional.empty());
                continue;
            }
            try {
                items.add(Optional.of(new ImportUsers.Item(
                        Optional.ofNullable(item.id()).map(UserId::new),
                        item.login(),
                        item.displayName(),
                        Role.parseAll(item.roles() == null ? List.of() : item.roles(), "[" + i + "].roles"))));
            } catch (Invalid invalid) {
                malformed.addAll(invalid.violations());
                items.add(Optional.empty());
            }
        }
        ImportUsers.Result result =
                importUsers.importAll(Caller.of(security), new ImportUsers.Command(items, malformed));
        return new ImportResultModel(
                result.imported(), result.unchanged(), result.importId().orElse(null));
    }
}
