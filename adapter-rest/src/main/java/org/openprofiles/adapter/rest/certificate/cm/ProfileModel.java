package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.application.certificate.ImportCertificateProfiles;
import org.openprofiles.application.certificate.ProfileWithOperations;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * A {@code Microsoft.Clm.Shared.Profiles.Profile} as the Certificate Management document shows it:
 * PascalCase names in the document's order, Status and Flags as integers, lower-case GUIDs, the
 * nil GUID for an absent parent or primary, {@code ""} for no comment. Imports read the same shape
 * (so a listing from the source server can be posted as it is); there {@code ProfileOperations} is
 * ignored, because this service computes operations per caller, and values stay raw so that the
 * import can report every fault at once.
 */
@JsonPropertyOrder({
    "Uuid",
    "Status",
    "Flags",
    "ParentProfileUuid",
    "PrimaryProfileUuid",
    "AssignedUserUuid",
    "ProfileTemplateUuid",
    "ProfileTemplateVersion",
    "Comment",
    "ProfileOperations"
})
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
        return new ProfileModel(
                p.id().toString(),
                p.status().code(),
                p.flags(),
                Guids.write(p.parent().map(CertificateProfileId::value)),
                Guids.write(p.primary().map(CertificateProfileId::value)),
                p.assignedUser().toString(),
                p.template().toString(),
                p.templateVersion(),
                p.comment(),
                seen.operations().stream().map(ProfileOperation::wireName).toList());
    }

    /**
     * This profile as item {@code index} of an import, or empty when it cannot be read; then every
     * fault is added to {@code malformed}, named {@code [index].Field}.
     */
    public Optional<ImportCertificateProfiles.Item> toImportItem(int index, List<Violation> malformed) {
        int before = malformed.size();
        Optional<UUID> id = reference(index, "Uuid", uuid, true, malformed);
        Optional<ProfileStatus> profileStatus = Optional.empty();
        if (status == null) {
            malformed.add(new Violation(at(index, "Status"), "required", "Status is required"));
        } else {
            profileStatus = ProfileStatus.fromCode(status);
            if (profileStatus.isEmpty()) {
                malformed.add(new Violation(
                        at(index, "Status"),
                        "unknown_status",
                        "Status " + status
                                + " is not a profile status (None -1, New 0, Assigned 1, Active 2, Disabled 3, Suspended 4,"
                                + " Retired 6)"));
            }
        }
        Optional<UUID> parent = reference(index, "ParentProfileUuid", parentProfileUuid, false, malformed);
        Optional<UUID> primary = reference(index, "PrimaryProfileUuid", primaryProfileUuid, false, malformed);
        Optional<UUID> owner = reference(index, "AssignedUserUuid", assignedUserUuid, true, malformed);
        Optional<UUID> template = reference(index, "ProfileTemplateUuid", profileTemplateUuid, true, malformed);
        if (profileTemplateVersion == null || profileTemplateVersion < 1) {
            malformed.add(new Violation(
                    at(index, "ProfileTemplateVersion"),
                    "invalid_version",
                    "ProfileTemplateVersion is required and at least 1"));
        }
        if (malformed.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ImportCertificateProfiles.Item(
                new CertificateProfileId(id.orElseThrow()),
                profileStatus.orElseThrow(),
                flags == null ? 0 : flags,
                parent.map(CertificateProfileId::new),
                primary.map(CertificateProfileId::new),
                new UserId(owner.orElseThrow()),
                new TemplateId(template.orElseThrow()),
                profileTemplateVersion,
                comment));
    }

    /** A GUID property of an imported profile; the nil GUID is absent, as the vendor writes absent references. */
    private static Optional<UUID> reference(
            int index, String field, String value, boolean required, List<Violation> malformed) {
        Optional<UUID> parsed;
        try {
            parsed = Guids.parseReference(value, field);
        } catch (Invalid unnamed) {
            // Named after its item ("[3].Uuid") only when it is at fault: built for each of the four
            // GUIDs of every profile, the name weighed more than the parsing in an import's profile.
            malformed.addAll(Guids.invalid(value, at(index, field)).violations());
            return Optional.empty();
        }
        if (parsed.isEmpty() && required) {
            malformed.add(new Violation(at(index, field), "required", field + " is required and not the nil GUID"));
        }
        return parsed;
    }

    private static String at(int index, String field) {
        return "[" + index + "]." + field;
    }
}
