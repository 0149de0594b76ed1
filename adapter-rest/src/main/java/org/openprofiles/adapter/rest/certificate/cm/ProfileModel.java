package org.openprofiles.adapter.rest.certificate.cm;

import org.openprofiles.adapter.rest.shared.Guids;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.openprofiles.application.certificate.ImportCertificateProfiles;
import org.openprofiles.application.certificate.ProfileWithOperations;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.ProfileOperation;

/**
 * A {@code Microsoft.Clm.Shared.Profiles.Profile} as the Certificate Management document shows it:
 * PascalCase names in the document's order, Status and Flags as integers, lower-case GUIDs, the
 * nil GUID for an absent parent or primary, {@code ""} for no comment. Imports read the same shape
 * (so a listing from the source server can be posted as it is); there {@code ProfileOperations} is
 * ignored, because this service computes operations per caller, and values stay raw so that the
 * import can report every fault at once.
 */
@JsonPropertyOrder({"Uuid", "Status", "Flags", "ParentProfileUuid", "PrimaryProfileUuid", "AssignedUserUuid",
        "ProfileTemplateUuid", "ProfileTemplateVersion", "Comment", "ProfileOperations"})
public record ProfileModel(
        @JsonProperty("Uuid") String uuid,
        @JsonProperty("Status") Integer status,
        @JsonProperty("Flags") Integer flags,
        @JsonProperty("ParentProfileUuid") String parentProfileUuid,
        @JsonProperty("PrimaryProfileUuid") String primaryProfileUuid,
        @JsonProperty("AssignedUserUuid") String assignedUserUuid,
        @JsonProperty("ProfileTemplateUuid") String profileTemplateUuid,
        @JsonProperty("ProfileTemplateVersion") Long profileTemplateVersion,
        @JsonProperty("Comment") String comment,
        @JsonProperty("ProfileOperations") List<String> profileOperations) {

    public static ProfileModel from(ProfileWithOperations seen) {
        CertificateProfile p = seen.profile();
        return new ProfileModel(p.id().toString(), p.status().code(), p.flags(),
                Guids.write(p.parent().map(CertificateProfileId::value)), Guids.write(p.primary().map(CertificateProfileId::value)),
                p.assignedUser().toString(), p.template().toString(), p.templateVersion(), p.comment(),
                seen.operations().stream().map(ProfileOperation::wireName).toList());
    }

    /** This profile as an item of an import. */
    public ImportCertificateProfiles.Item toImportItem() {
        return new ImportCertificateProfiles.Item(uuid, status, flags, parentProfileUuid, primaryProfileUuid,
                assignedUserUuid, profileTemplateUuid, profileTemplateVersion, comment);
    }
}
