package org.openprofiles.domain.certificate;

import java.time.Instant;
import java.util.Optional;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;

/**
 * A user's software certificate profile, after the vendor's {@code Microsoft.Clm.Shared.Profiles.Profile}:
 * its status, flags, the profile it replaced ({@code parent}), its primary profile, its owner,
 * and the template (and template version) it was issued from.
 */
public record CertificateProfile(
        CertificateProfileId id,
        ProfileStatus status,
        int flags,
        Optional<CertificateProfileId> parent,
        Optional<CertificateProfileId> primary,
        UserId assignedUser,
        TemplateId template,
        long templateVersion,
        String comment,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_COMMENT_LENGTH = 4096;

    /** The resource kind the access policy is asked about for profiles. */
    public static final String RESOURCE_KIND = "certificate-profile";

    public CertificateProfile {
        if (id == null
                || status == null
                || parent == null
                || primary == null
                || assignedUser == null
                || template == null
                || createdAt == null
                || updatedAt == null) {
            throw new IllegalArgumentException("incomplete certificate profile");
        }
        if (templateVersion < 1) {
            throw new Invalid(
                    "invalid_version",
                    "ProfileTemplateVersion",
                    "ProfileTemplateVersion must be at least 1, was " + templateVersion);
        }
        comment = comment == null ? "" : comment;
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new Invalid("too_long", "Comment", "Comment must be at most " + MAX_COMMENT_LENGTH + " characters");
        }
    }

    /** This profile in {@code newStatus}. */
    public CertificateProfile withStatus(ProfileStatus newStatus, Instant now) {
        return new CertificateProfile(
                id,
                newStatus,
                flags,
                parent,
                primary,
                assignedUser,
                template,
                templateVersion,
                comment,
                createdAt,
                now);
    }

    /** This profile, unchanged but for its update time: an operation that keeps it as it is. */
    public CertificateProfile touched(Instant now) {
        return withStatus(status, now);
    }

    /**
     * A new Active profile for the same owner, issued from {@code templateVersion} of the same template,
     * linked to this one as its {@code parent} (Renew, Recover) or as its {@code primary} (Duplicate).
     */
    public CertificateProfile successor(boolean asParent, long currentTemplateVersion, Instant now) {
        Optional<CertificateProfileId> newParent = asParent ? Optional.of(id) : Optional.empty();
        Optional<CertificateProfileId> newPrimary = asParent ? Optional.empty() : Optional.of(primary.orElse(id));
        return new CertificateProfile(
                CertificateProfileId.random(),
                ProfileStatus.ACTIVE,
                flags,
                newParent,
                newPrimary,
                assignedUser,
                template,
                currentTemplateVersion,
                "",
                now,
                now);
    }

    /**
     * A new Active profile for {@code owner} issued from {@code templateVersion} of {@code template}
     * (Enroll): no parent, no primary, Flags 1 as on every profile of the document's example.
     */
    public static CertificateProfile enrolled(UserId owner, TemplateId template, long templateVersion, Instant now) {
        return new CertificateProfile(
                CertificateProfileId.random(),
                ProfileStatus.ACTIVE,
                1,
                Optional.empty(),
                Optional.empty(),
                owner,
                template,
                templateVersion,
                "",
                now,
                now);
    }

    /** Whether {@code caller} may see this profile: its owner and agents, as the policy says. */
    public boolean isVisibleTo(Principal caller, AccessPolicy policy) {
        return policy.permits(caller, Action.READ_CERTIFICATE_PROFILES, Resource.ownedBy(RESOURCE_KIND, assignedUser));
    }

    /** The refusal when this profile's status rules {@code operation} out: a clash with its current state. */
    public Conflict refuses(ProfileOperation operation) {
        return new Conflict(
                "not_in_this_status",
                "profile",
                "profile " + id + " is " + status.displayName() + ", which does not allow " + operation.wireName()
                        + " (another request may have changed it)");
    }

    /** The failure for a profile that does not exist or that the caller may not see: the two look the same. */
    public static NotFound notFound(CertificateProfileId id) {
        return new NotFound("profile_not_found", "id", "no profile " + id);
    }

    public boolean isOwnedBy(UserId user) {
        return assignedUser.equals(user);
    }

    /** Same business content, timestamps aside: what an idempotent import compares. */
    public boolean sameContentAs(CertificateProfile other) {
        return id.equals(other.id)
                && status == other.status
                && flags == other.flags
                && parent.equals(other.parent)
                && primary.equals(other.primary)
                && assignedUser.equals(other.assignedUser)
                && template.equals(other.template)
                && templateVersion == other.templateVersion
                && comment.equals(other.comment);
    }
}
