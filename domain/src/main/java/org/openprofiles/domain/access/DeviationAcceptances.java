package org.openprofiles.domain.access;

import java.util.Optional;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The acceptance port: accepted deviations, at most one per account and deviation. Removing an
 * account or a profile removes the acceptances naming it.
 */
public interface DeviationAcceptances {

    /**
     * Stores {@code acceptance}; an earlier acceptance of the same account and deviation is
     * replaced (and answered), so accepting again renews the comment and the expiry.
     */
    Optional<DeviationAcceptance> save(DeviationAcceptance acceptance);

    Optional<DeviationAcceptance> find(AcceptanceId id);

    /** Deletes the acceptance; false when there was none. */
    boolean remove(AcceptanceId id);

    /** Acceptances of one account or of all, newest first (expired ones included). */
    Page<DeviationAcceptance> list(Optional<AccountId> account, PageRequest page);
}
