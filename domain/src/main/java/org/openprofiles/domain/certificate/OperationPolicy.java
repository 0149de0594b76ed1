package org.openprofiles.domain.certificate;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.shared.Invalid;

/**
 * A template's policy for one operation: whether it is enabled at all, whether a profile's owner
 * may initiate it for themselves, which roles may initiate it on behalf of others, how many
 * approvals it needs and from which role, and whether the server generates the PIN (otherwise the
 * user supplies one that meets the template's {@link PinPolicy}).
 */
public record OperationPolicy(
        boolean enabled,
        boolean ownerMayInitiate,
        Set<Role> onBehalfRoles,
        int approvalsNeeded,
        Optional<Role> approverRole,
        boolean serverGeneratesPin) {

    public static final int MAX_APPROVALS = 10;

    public OperationPolicy {
        onBehalfRoles =
                onBehalfRoles == null || onBehalfRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(onBehalfRoles));
        approverRole = approverRole == null ? Optional.empty() : approverRole;
        if (approvalsNeeded < 0 || approvalsNeeded > MAX_APPROVALS) {
            throw new Invalid(
                    "invalid_approvals",
                    "approvalsNeeded",
                    "approvalsNeeded must be between 0 and " + MAX_APPROVALS + ", was " + approvalsNeeded);
        }
        if (approvalsNeeded > 0 && approverRole.isEmpty()) {
            throw new Invalid(
                    "approver_role_required",
                    "approverRole",
                    "an operation that needs approvals must name the role that approves");
        }
    }

    /** Enabled for owners and for cm-agent on their behalf, no approvals, PIN from the user. */
    public static OperationPolicy selfService() {
        return new OperationPolicy(true, true, Set.of(Role.CM_AGENT), 0, Optional.empty(), false);
    }

    /** May {@code principal}'s roles initiate this on behalf of someone else? */
    public boolean allowsOnBehalf(Principal principal) {
        return onBehalfRoles.stream().anyMatch(principal::has);
    }
}
