package org.openprofiles.domain.certificate;

import static org.openprofiles.domain.certificate.ProfileOperation.DISABLE;
import static org.openprofiles.domain.certificate.ProfileOperation.DUPLICATE;
import static org.openprofiles.domain.certificate.ProfileOperation.ONLINEUPDATE;
import static org.openprofiles.domain.certificate.ProfileOperation.RECOVER;
import static org.openprofiles.domain.certificate.ProfileOperation.RECOVERONBEHALF;
import static org.openprofiles.domain.certificate.ProfileOperation.REINSTATE;
import static org.openprofiles.domain.certificate.ProfileOperation.RENEW;
import static org.openprofiles.domain.certificate.ProfileOperation.RETIRE;
import static org.openprofiles.domain.certificate.ProfileOperation.REVOKE;
import static org.openprofiles.domain.certificate.ProfileOperation.SUSPEND;
import static org.openprofiles.domain.certificate.ProfileOperation.UNBLOCK;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.UserId;

/**
 * Which operations a principal may perform on a certificate profile: the one place that decides,
 * used to list a profile's {@code ProfileOperations} and (later) to allow or refuse a request.
 *
 * <p>Two checks, in order. First the status table: what a profile in a given status can undergo
 * at all, whoever asks. Then the template's policy for the operation: it must be enabled, and the
 * principal must be the profile's owner with owner self-service allowed, or hold one of the roles
 * the policy lets act on behalf of others. The template's current version decides, whichever
 * version the profile was issued from.
 */
public final class OperationRules {

    /** Why an operation is or is not available. */
    public enum Verdict {
        ALLOWED,
        /** The profile's status rules the operation out for everyone. */
        NOT_IN_THIS_STATUS,
        /** The template does not enable the operation. */
        NOT_ENABLED_BY_TEMPLATE,
        /** Enabled, but not for this principal (not the owner, or owners may not, and no on-behalf role). */
        NOT_PERMITTED_FOR_PRINCIPAL
    }

    private static final Map<ProfileStatus, Set<ProfileOperation>> BY_STATUS = table();

    private OperationRules() {}

    private static Map<ProfileStatus, Set<ProfileOperation>> table() {
        Map<ProfileStatus, Set<ProfileOperation>> table = new EnumMap<>(ProfileStatus.class);
        table.put(ProfileStatus.NONE, EnumSet.noneOf(ProfileOperation.class));
        table.put(ProfileStatus.NEW, EnumSet.noneOf(ProfileOperation.class));
        table.put(ProfileStatus.ASSIGNED, EnumSet.noneOf(ProfileOperation.class));
        table.put(
                ProfileStatus.ACTIVE,
                EnumSet.of(
                        RENEW,
                        DISABLE,
                        RECOVER,
                        RECOVERONBEHALF,
                        SUSPEND,
                        UNBLOCK,
                        ONLINEUPDATE,
                        DUPLICATE,
                        RETIRE,
                        REVOKE));
        table.put(ProfileStatus.SUSPENDED, EnumSet.of(DISABLE, RECOVERONBEHALF, REINSTATE, RETIRE, REVOKE));
        table.put(ProfileStatus.DISABLED, EnumSet.of(RECOVER, RECOVERONBEHALF, RETIRE));
        table.put(ProfileStatus.RETIRED, EnumSet.of(RECOVERONBEHALF));
        for (ProfileStatus status : ProfileStatus.values()) {
            table.put(status, Collections.unmodifiableSet(table.get(status)));
        }
        return Collections.unmodifiableMap(table);
    }

    /** The status table itself: what a profile in {@code status} can undergo, whoever asks. */
    public static Set<ProfileOperation> possibleIn(ProfileStatus status) {
        return BY_STATUS.get(status);
    }

    /** May {@code principal} perform {@code operation} on {@code profile}, issued from {@code template}? */
    public static Verdict verdict(
            CertificateProfile profile, ProfileTemplate template, Principal principal, ProfileOperation operation) {
        if (!profile.template().equals(template.id())) {
            throw new IllegalArgumentException("template " + template.id() + " is not the profile's template");
        }
        if (!BY_STATUS.get(profile.status()).contains(operation)) {
            return Verdict.NOT_IN_THIS_STATUS;
        }
        OperationPolicy policy = template.policyFor(operation).orElse(null);
        if (policy == null || !policy.enabled()) {
            return Verdict.NOT_ENABLED_BY_TEMPLATE;
        }
        boolean owner = profile.isOwnedBy(principal.userId());
        if ((owner && policy.ownerMayInitiate()) || policy.allowsOnBehalf(principal)) {
            return Verdict.ALLOWED;
        }
        return Verdict.NOT_PERMITTED_FOR_PRINCIPAL;
    }

    /**
     * May {@code principal} enroll {@code target} for a new profile from {@code template}? The
     * template's enroll policy must be enabled, and the principal must be the target with owner
     * self-service allowed, or hold one of the roles the policy lets act on behalf of others.
     */
    public static Verdict enrollVerdict(ProfileTemplate template, Principal principal, UserId target) {
        OperationPolicy policy = template.policyFor(ProfileOperation.ENROLL).orElse(null);
        if (policy == null || !policy.enabled()) {
            return Verdict.NOT_ENABLED_BY_TEMPLATE;
        }
        if ((principal.is(target) && policy.ownerMayInitiate()) || policy.allowsOnBehalf(principal)) {
            return Verdict.ALLOWED;
        }
        return Verdict.NOT_PERMITTED_FOR_PRINCIPAL;
    }

    /** The operations {@code principal} may perform on {@code profile}, in canonical order. */
    public static List<ProfileOperation> offered(
            CertificateProfile profile, ProfileTemplate template, Principal principal) {
        // Runs for every profile of every listing: only the operations the status allows are asked
        // about, in canonical order (an EnumSet iterates in declaration order).
        List<ProfileOperation> offered = new ArrayList<>();
        for (ProfileOperation operation : BY_STATUS.get(profile.status())) {
            if (verdict(profile, template, principal, operation) == Verdict.ALLOWED) {
                offered.add(operation);
            }
        }
        return Collections.unmodifiableList(offered);
    }
}
