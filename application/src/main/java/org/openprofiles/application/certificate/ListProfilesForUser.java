package org.openprofiles.application.certificate;

import java.util.List;
import java.util.Optional;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.StatusFilter;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Lists a user's certificate profiles — the caller's own, or, for an agent, another user's — with
 * the operations the caller may perform on each.
 */
public final class ListProfilesForUser {

    /** Whose profiles (empty: the caller's), which statuses, which page. */
    public record Query(Optional<UserId> targetUser, StatusFilter status, PageRequest page) {
        public Query {
            if (targetUser == null || status == null || page == null) {
                throw new IllegalArgumentException("incomplete profile query");
            }
        }
    }

    private final CertificateProfiles profiles;
    private final OfferedOperations operations;
    private final AccessPolicy accessPolicy;

    public ListProfilesForUser(CertificateProfiles profiles, OfferedOperations operations, AccessPolicy accessPolicy) {
        this.profiles = profiles;
        this.operations = operations;
        this.accessPolicy = accessPolicy;
    }

    /** One page; {@code Forbidden} when the caller may not read the target user's profiles. */
    public Page<ProfileWithOperations> list(Principal caller, Query query) {
        UserId target = query.targetUser().orElse(caller.userId());
        accessPolicy.require(
                caller, Action.READ_CERTIFICATE_PROFILES, Resource.ownedBy(CertificateProfile.RESOURCE_KIND, target));
        if (query.status().matchesNothing()) {
            return Page.last(List.of());
        }
        // One statement reads the page, a consistent snapshot by itself: no unit of work (and so no
        // BEGIN and COMMIT) is needed around it. The operations come from the templates as they are
        // now (cached, see CachedProfileTemplates), as they always did for a template revised later.
        Page<CertificateProfile> page = profiles.findByUser(target, query.status(), query.page());
        return new Page<>(operations.forEach(page.items(), caller), page.nextCursor());
    }
}
