package org.openprofiles.adapter.memory.certificate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.adapter.memory.shared.RecordedTable;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.StatusFilter;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Certificate profiles by id, listed in recorded order. */
final class MemoryCertificateProfiles implements CertificateProfiles {

    private final MemoryTransactions transactions;
    private final RecordedTable<CertificateProfileId, CertificateProfile> profiles;
    private final Users users;
    private final ProfileTemplates templates;

    /** Profiles whose owners are {@code users} and whose templates are {@code templates}. */
    MemoryCertificateProfiles(MemoryTransactions transactions, Users users, ProfileTemplates templates) {
        this.transactions = transactions;
        this.profiles = new RecordedTable<>(transactions);
        this.users = users;
        this.templates = templates;
    }

    @Override
    public Optional<CertificateProfile> find(CertificateProfileId id) {
        return transactions.read(() -> profiles.get(id));
    }

    @Override
    public Optional<CertificateProfile> lock(CertificateProfileId id) {
        // Asked as a change: the writers' lock is held until the unit of work ends.
        return transactions.write(() -> profiles.get(id));
    }

    @Override
    public void update(CertificateProfile profile) {
        transactions.write(() -> {
            profiles.get(profile.id())
                    .ifPresent(stored -> profiles.replace(
                            profile.id(),
                            new CertificateProfile(
                                    stored.id(),
                                    profile.status(),
                                    stored.flags(),
                                    stored.parent(),
                                    stored.primary(),
                                    stored.assignedUser(),
                                    stored.template(),
                                    stored.templateVersion(),
                                    profile.comment(),
                                    stored.createdAt(),
                                    profile.updatedAt())));
            return null;
        });
    }

    @Override
    public Map<CertificateProfileId, CertificateProfile> findAll(Collection<CertificateProfileId> ids) {
        return transactions.read(() -> {
            Map<CertificateProfileId, CertificateProfile> found = new LinkedHashMap<>();
            profiles.valuesOf(ids).forEach(profile -> found.put(profile.id(), profile));
            return found;
        });
    }

    @Override
    public Page<CertificateProfile> findByUser(UserId user, StatusFilter filter, PageRequest page) {
        return transactions.read(() -> profiles.page(
                profile -> profile.isOwnedBy(user)
                        && filter.statuses()
                                .map(statuses -> statuses.contains(profile.status()))
                                .orElse(true),
                page));
    }

    @Override
    public void addAll(List<CertificateProfile> added) {
        transactions.write(() -> {
            added.forEach(profile -> profiles.add(profile.id(), profile));
            return null;
        });
    }

    @Override
    public boolean addAllIfNew(List<CertificateProfile> added) {
        return transactions.write(() -> {
            // What PostgreSQL's primary key and reference checks refuse (V63).
            boolean fit = added.stream().map(CertificateProfile::id).distinct().count() == added.size()
                    && added.stream()
                            .allMatch(p -> profiles.get(p.id()).isEmpty()
                                    && users.find(p.assignedUser()).isPresent()
                                    && templates.find(p.template()).isPresent());
            if (fit) {
                added.forEach(profile -> profiles.add(profile.id(), profile));
            }
            return fit;
        });
    }
}
