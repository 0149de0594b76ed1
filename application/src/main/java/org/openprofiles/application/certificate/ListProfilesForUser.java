package org.openprofiles.application.certificate;

import java.util.List;
import java.util.Optional;
import org.openprofiles.application.shared.Transactions;
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
    private final Transactions transactions;

    public ListProfilesForUser(
            CertificateProfiles profiles,
            OfferedOperations operations,
            AccessPolicy accessPolicy,
            Transactions transactions) {
        this.profiles = profiles;
        this.operations = operations;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
    }

    /** One page; {@code Forbidden} when the caller may not read the target user's profiles. */
    public Page<ProfileWithOperations> list(Principal caller, Query query) {
        UserId target = query.targetUser().orElse(caller.userId());
        accessPolicy.require(
                caller, Action.READ_CERTIFICATE_PROFILES, Resource.ownedBy(CertificateProfile.RESOURCE_KIND, target));
        if (query.status().matchesNothing()) {
            return Page.last(List.of());
        }
        return transactions.readOnly(() -> {
            Page<CertificateProfile> page = profiles.findByUser(target, query.status(), query.page());
            return new Page<>(operations.forEach(page.items(), caller), page.nextCursor());
        });
    }
}
