package org.openprofiles.domain.security;

/**
 * The default policy: roles grant actions, and ownership grants reading one's own certificate
 * profiles and requests and completing and ending one's own requests (agents may read and complete
 * others'). Template policies (who may renew, who may act as agent for which template) are the
 * certificate domain's rules and are checked there, after this.
 */
public final class RoleBasedAccessPolicy implements AccessPolicy {

    @Override
    public boolean permits(Principal principal, Action action, Resource resource) {
        if (principal.isAdmin()) {
            return true;
        }
        return switch (action) {
            case MANAGE_USERS,
                    READ_AUDIT,
                    MANAGE_SETTINGS,
                    MANAGE_PROFILE_TEMPLATES,
                    IMPORT_CERTIFICATE_PROFILES,
                    MANAGE_DIRECTORY -> false;
            case READ_CERTIFICATE_PROFILES, READ_CERTIFICATE_REQUESTS, COMPLETE_CERTIFICATE_REQUESTS ->
                isOwner(principal, resource) || principal.has(Role.CM_AGENT);
            case END_CERTIFICATE_REQUESTS -> isOwner(principal, resource);
            case DECIDE_CERTIFICATE_REQUESTS -> principal.has(Role.CM_APPROVER);
            case READ_ACCESS_PROFILES, READ_DIRECTORY ->
                principal.has(Role.PROFILE_READER) || principal.has(Role.PROFILE_MANAGER);
            case MANAGE_ACCESS_PROFILES, ACCEPT_DEVIATIONS, REMEDIATE_DIRECTORY -> principal.has(Role.PROFILE_MANAGER);
            case READ_METRICS -> principal.has(Role.METRICS_READER);
        };
    }

    private static boolean isOwner(Principal principal, Resource resource) {
        return resource.owner().map(principal::is).orElse(false);
    }
}
