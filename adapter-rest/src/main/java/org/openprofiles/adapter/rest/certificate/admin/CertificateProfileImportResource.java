package org.openprofiles.adapter.rest.certificate.admin;

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
import org.openprofiles.adapter.rest.certificate.cm.ProfileModel;
import org.openprofiles.adapter.rest.shared.Bulk;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.MaxItems;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.certificate.ImportCertificateProfiles;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * Bulk import of certificate profiles from an existing Certificate Management server:
 * {@code POST /admin/v1/certificate-profiles/import} with a JSON array in the vendor's Profile shape.
 */
@Requires(value = Action.IMPORT_CERTIFICATE_PROFILES, on = "certificate-profile")
@Bulk
@Path("admin/v1/certificate-profiles/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CertificateProfileImportResource {

    /** What an import did; {@code importId} (null when nothing was written) names its audit event's object. */
    public record ImportResultModel(
            @JsonProperty("imported") int imported,
            @JsonProperty("unchanged") int unchanged,
            @JsonProperty("importId") String importId) {}

    private final ImportCertificateProfiles importProfiles;

    public CertificateProfileImportResource(ImportCertificateProfiles importProfiles) {
        this.importProfiles = importProfiles;
    }

    @POST
    public ImportResultModel importProfiles(
            @MaxItems(value = ImportCertificateProfiles.MAX_ITEMS, field = "profiles", code = "too_many_profiles")
                    List<ProfileModel> body,
            @Context SecurityContext security) {
        if (body == null) {
            throw new Invalid("required", "profiles", "a JSON array of profiles is required");
        }
        List<Violation> malformed = new ArrayList<>();
        List<Optional<ImportCertificateProfiles.Item>> items = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            ProfileModel item = body.get(i);
            if (item == null) {
                malformed.add(new Violation("[" + i + "]", "required", "the item must be a profile object"));
                items.add(Optional.empty());
            } else {
                items.add(item.toImportItem(i, malformed));
            }
        }
        ImportCertificateProfiles.Result result =
                importProfiles.importAll(Caller.of(security), new ImportCertificateProfiles.Command(items, malformed));
        return new ImportResultModel(
                result.imported(), result.unchanged(), result.importId().orElse(null));
    }
}
