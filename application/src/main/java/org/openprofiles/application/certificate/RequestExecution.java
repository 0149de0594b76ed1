package org.openprofiles.application.certificate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.OperationRules;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.RequestEffect;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevocationTrigger;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Conflict;

/**
 * Applies an approved request's {@link RequestEffect} to profiles, inside the caller's
 * transaction: with the profile's row locked, checks that its status still allows the operation
 * (a concurrent change that got there first makes this a {@link Conflict}), then stores the
 * changed profile and the one issued. Certificates follow the profiles: Disable, Retire (as the
 * template says) and Revoke revoke the profile's certificates, Renew and Recover supersede the old
 * profile's (as the template says), and the certificates the request issued join the profile it
 * created. The caller records the request's audit event in the same transaction (revocations
 * record their own). Shared by the use cases that initiate, decide and complete requests.
 */
public final class RequestExecution {

    /** What executing did: the completed request and the acted-on profile's status before and after. */
    public record Outcome(CertificateRequest request, ProfileStatus statusBefore, ProfileStatus statusAfter) {

        /** The audit event's "after" fields. */
        Map<String, Object> auditAfter() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("type", request.type().name());
            after.put("status", request.status().name());
            after.put(
                    "profile",
                    request.oldProfile().map(CertificateProfileId::toString).orElse(null));
            after.put("profileStatusBefore", statusBefore.name());
            after.put("profileStatusAfter", statusAfter.name());
            request.newProfile().ifPresent(created -> after.put("newProfile", created.toString()));
            return after;
        }
    }

    private final CertificateProfiles profiles;
    private final ProfileTemplates templates;
    private final CertificateRecords certificates;
    private final CertificateRevocation revocation;

    public RequestExecution(
            CertificateProfiles profiles,
            ProfileTemplates templates,
            CertificateRecords certificates,
            CertificateRevocation revocation) {
        this.profiles = profiles;
        this.templates = templates;
        this.certificates = certificates;
        this.revocation = revocation;
    }

    /** Locks {@code request}'s profile, then executes the request on it, on behalf of {@code actor}. */
    Outcome execute(Principal actor, CertificateRequest request, Instant now) {
        return execute(actor, request, templates.referenced(request.template()), now);
    }

    /** As {@link #execute(Principal, CertificateRequest, Instant)}, with the request's template read already. */
    Outcome execute(Principal actor, CertificateRequest request, ProfileTemplate template, Instant now) {
        if (request.type().createsProfile()) {
            return enroll(request, template, now);
        }
        CertificateProfileId id = request.oldProfile().orElseThrow();
        CertificateProfile profile = profiles.lock(id)
                .orElseThrow(() -> new Conflict("profile_gone", "profile", "profile " + id + " no longer exists"));
        return executeLocked(actor, request, profile, template, now);
    }

    /**
     * Executes {@code request} on {@code profile}, which the caller has locked in this transaction.
     * A status that no longer allows the operation (another request got there first) is a {@link Conflict}.
     */
    Outcome executeLocked(Principal actor, CertificateRequest request, CertificateProfile profile, Instant now) {
        return executeLocked(actor, request, profile, templates.referenced(profile.template()), now);
    }

    private Outcome executeLocked(
            Principal actor,
            CertificateRequest request,
            CertificateProfile profile,
            ProfileTemplate known,
            Instant now) {
        ProfileOperation operation = request.type().operationOn(profile.status());
        if (!OperationRules.possibleIn(profile.status()).contains(operation)) {
            throw profile.refuses(operation);
        }
        ProfileTemplate template =
                known.id().equals(profile.template()) ? known : templates.referenced(profile.template());
        RequestEffect.Outcome effect = RequestEffect.apply(request.type(), profile, template.version(), now);
        CertificateProfile changed = effect.changed().orElseThrow();
        profiles.update(changed);
        revocationReason(request.type(), template.certificateSettings())
                .ifPresent(reason -> revocation.revokeProfile(actor, profile.id(), reason, request.id(), now));
        effect.issued().ifPresent(issued -> {
            profiles.addAll(List.of(issued));
            certificates.assignToProfile(request.id(), issued.id());
        });
        return new Outcome(
                request.complete(effect.issued().map(CertificateProfile::id), now), profile.status(), changed.status());
    }

    /**
     * Why executing a request of {@code type} revokes the acted-on profile's certificates, if it
     * does: Revoke always (no reason given: RFC 5280's unspecified), Disable, Retire, Renew and
     * Recover when the template's {@code revokeOn} lists them.
     */
    static Optional<RevocationReason> revocationReason(RequestType type, CertificateSettings settings) {
        if (type == RequestType.REVOKE) {
            return Optional.of(RevocationReason.UNSPECIFIED);
        }
        Optional<RevocationTrigger> trigger = switch (type) {
            case DISABLE -> Optional.of(RevocationTrigger.DISABLE);
            case RETIRE -> Optional.of(RevocationTrigger.RETIRE);
            case RENEW -> Optional.of(RevocationTrigger.RENEW);
            case RECOVER -> Optional.of(RevocationTrigger.RECOVER);
            default -> Optional.empty();
        };
        return trigger.filter(settings::revokesOn).map(RevocationTrigger::reason);
    }

    /** Enroll: issues an Active profile for the request's target from the template's current version. */
    private Outcome enroll(CertificateRequest request, ProfileTemplate template, Instant now) {
        RequestEffect.Outcome effect = RequestEffect.enroll(request, template, now);
        CertificateProfile issued = effect.issued().orElseThrow();
        profiles.addAll(List.of(issued));
        certificates.assignToProfile(request.id(), issued.id());
        return new Outcome(request.complete(Optional.of(issued.id()), now), ProfileStatus.NONE, issued.status());
    }
}
