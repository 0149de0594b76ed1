package org.openprofiles.application.certificate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.OperationRules;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.shared.Conflict;

/**
 * Applies an approved request's effect on profiles, inside the caller's transaction: with the
 * profile's row locked, checks that its status still allows the operation (a concurrent change
 * that got there first makes this a {@link Conflict}), then changes it and creates its successor where the type
 * says so. The caller records the audit event in the same transaction.
 */
final class RequestExecution {

    /** What executing did: the completed request and the profile's status before and after. */
    record Outcome(CertificateRequest request, ProfileStatus statusBefore, ProfileStatus statusAfter) {

        /** The audit event's "after" fields. */
        Map<String, Object> auditAfter() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("type", request.type().name());
            after.put("status", request.status().name());
            after.put("profile", request.oldProfile().map(CertificateProfileId::toString).orElse(null));
            after.put("profileStatusBefore", statusBefore.name());
            after.put("profileStatusAfter", statusAfter.name());
            request.newProfile().ifPresent(created -> after.put("newProfile", created.toString()));
            return after;
        }
    }

    private final CertificateProfiles profiles;
    private final ProfileTemplates templates;

    RequestExecution(CertificateProfiles profiles, ProfileTemplates templates) {
        this.profiles = profiles;
        this.templates = templates;
    }

    /** Locks {@code request}'s profile, then executes the request on it. */
    Outcome execute(CertificateRequest request, Instant now) {
        if (request.type().createsProfile()) {
            return enroll(request, now);
        }
        CertificateProfileId id = request.oldProfile().orElseThrow();
        CertificateProfile profile = profiles.lock(id)
                .orElseThrow(() -> new Conflict("profile_gone", "profile", "profile " + id + " no longer exists"));
        return executeLocked(request, profile, now);
    }

    /**
     * Executes {@code request} on {@code profile}, which the caller has locked in this transaction.
     * A status that no longer allows the operation (another request got there first) is a {@link Conflict}.
     */
    Outcome executeLocked(CertificateRequest request, CertificateProfile profile, Instant now) {
        CertificateProfileId id = profile.id();
        if (!OperationRules.possibleIn(profile.status()).contains(request.type().operationOn(profile.status()))) {
            throw notInThisStatus(profile, request.type().operationOn(profile.status()));
        }
        ProfileTemplate template = templates.find(profile.template()).orElseThrow(
                () -> new IllegalStateException("profile " + id + " names missing template " + profile.template()));
        Optional<CertificateProfileId> created = Optional.empty();
        CertificateProfile changed = switch (request.type()) {
            case DISABLE -> profile.withStatus(ProfileStatus.DISABLED, now);
            case RETIRE -> profile.withStatus(ProfileStatus.RETIRED, now);
            case SUSPENDORREINSTATE -> profile.withStatus(
                    profile.status() == ProfileStatus.SUSPENDED ? ProfileStatus.ACTIVE : ProfileStatus.SUSPENDED, now);
            case RENEW -> profile.withStatus(ProfileStatus.RETIRED, now);
            case RECOVER -> profile.withStatus(ProfileStatus.DISABLED, now);
            case DUPLICATE, UNBLOCK, ONLINEUPDATE, RECOVERONBEHALF -> profile.touched(now);
            case ENROLL -> throw new IllegalStateException("Enroll acts on no existing profile: see enroll()");
        };
        profiles.update(changed);
        if (request.type() == RequestType.RENEW || request.type() == RequestType.RECOVER
                || request.type() == RequestType.DUPLICATE) {
            boolean asParent = request.type() != RequestType.DUPLICATE;
            CertificateProfile successor = profile.successor(asParent, template.version(), now);
            profiles.addAll(List.of(successor));
            created = Optional.of(successor.id());
        }
        return new Outcome(request.complete(created, now), profile.status(), changed.status());
    }

    /** Enroll: issues an Active profile for the request's target from the template's current version. */
    private Outcome enroll(CertificateRequest request, Instant now) {
        ProfileTemplate template = templates.find(request.template()).orElseThrow(() -> new Conflict(
                "template_gone", "profiletemplateuuid", "template " + request.template() + " no longer exists"));
        CertificateProfile issued = CertificateProfile.enrolled(request.target(), template.id(), template.version(), now);
        profiles.addAll(List.of(issued));
        return new Outcome(request.complete(Optional.of(issued.id()), now), ProfileStatus.NONE, ProfileStatus.ACTIVE);
    }

    /** The refusal when the profile's status rules the operation out: a clash with its current state. */
    static Conflict notInThisStatus(CertificateProfile profile, ProfileOperation operation) {
        return new Conflict("not_in_this_status", "profile", "profile " + profile.id() + " is "
                + profile.status().displayName() + ", which does not allow " + operation.wireName()
                + " (another request may have changed it)");
    }
}
