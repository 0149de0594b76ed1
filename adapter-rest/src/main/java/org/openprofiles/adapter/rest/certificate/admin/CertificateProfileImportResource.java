package org.openprofiles.adapter.rest.certificate.admin;

import org.openprofiles.domain.security.Action;
import org.openprofiles.adapter.rest.shared.Requires;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.openprofiles.adapter.rest.certificate.cm.ProfileModel;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.application.certificate.ImportCertificateProfiles;
import org.openprofiles.domain.shared.Invalid;

/**
 * Bulk import of certificate profiles from an existing Certificate Management server:
 * {@code POST /admin/v1/certificate-profiles/import} with a JSON array in the vendor's Profile shape.
 */
@Requires(value = Action.IMPORT_CERTIFICATE_PROFILES, on = "certificate-profile")
@Path("admin/v1/certificate-profiles/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CertificateProfileImportResource {

    /** What an import did; {@code importId} (null when nothing was written) names its audit event's object. */
    public record ImportResultModel(@JsonProperty("imported") int imported, @JsonProperty("unchanged") int unchanged,
                               @JsonProperty("importId") String importId) {
    }

    private final ImportCertificateProfiles importProfiles;

    public CertificateProfileImportResource(ImportCertificateProfiles importProfiles) {
        this.importProfiles = importProfiles;
    }

    @POST
    public ImportResultModel importProfiles(List<ProfileModel> body, @Context SecurityContext security) {
        if (body == null) {
            throw new Invalid("required", "profiles", "a JSON array of profiles is required");
        }
        ImportCertificateProfiles.Result result = importProfiles.importAll(Caller.of(security),
                body.stream().map(item -> item == null ? null : item.toImportItem()).toList());
        return new ImportResultModel(result.imported(), result.unchanged(), result.importId().orElse(null));
    }
}
