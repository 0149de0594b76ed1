package org.openprofiles.domain.certificate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The certificate profiles port. A user's profiles are listed in the order this service recorded
 * them (creation order; for an import, the order of the imported array).
 */
public interface CertificateProfiles {

    Optional<CertificateProfile> find(CertificateProfileId id);

    /**
     * The profile, its row locked until the end of the current transaction: a second change of the
     * same profile waits, then sees the first one's result.
     */
    Optional<CertificateProfile> lock(CertificateProfileId id);

    /** Stores a changed profile's status, comment and update time. */
    void update(CertificateProfile profile);

    /** The profiles among {@code ids} that exist, in one query. */
    Map<CertificateProfileId, CertificateProfile> findAll(Collection<CertificateProfileId> ids);

    /** {@code user}'s profiles that pass {@code filter}, one page in recorded order. */
    Page<CertificateProfile> findByUser(UserId user, StatusFilter filter, PageRequest page);

    /** Inserts new profiles, in this order; the caller has checked that none of the ids exists. */
    void addAll(List<CertificateProfile> profiles);

    /**
     * Inserts the profiles, in this order, when none of their ids is here yet and every user and
     * template they name exists, and answers true; otherwise inserts none of them, answers false,
     * and leaves the caller's unit of work usable (to find out which profile was at fault). What
     * an import tries first: when all is well, nothing is read before the insert.
     */
    boolean addAllIfNew(List<CertificateProfile> profiles);
}
