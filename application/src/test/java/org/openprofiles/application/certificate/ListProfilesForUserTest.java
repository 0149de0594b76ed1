package org.openprofiles.application.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.PinPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.StatusFilter;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.RoleBasedAccessPolicy;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The listing use case's own decisions: who may list whose profiles, and how storage is asked. */
class ListProfilesForUserTest {

    private static final Instant NOW = Instant.EPOCH;

    /** Profiles in memory; counts how often storage is asked. */
    private static final class InMemoryProfiles implements CertificateProfiles {
        final List<CertificateProfile> rows = new ArrayList<>();
        int listings;

        @Override
        public Optional<CertificateProfile> find(CertificateProfileId id) {
            return rows.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        @Override
        public Optional<CertificateProfile> lock(CertificateProfileId id) {
            return find(id);
        }

        @Override
        public void update(CertificateProfile profile) {
            rows.replaceAll(p -> p.id().equals(profile.id()) ? profile : p);
        }

        @Override
        public Map<CertificateProfileId, CertificateProfile> findAll(Collection<CertificateProfileId> ids) {
            Map<CertificateProfileId, CertificateProfile> found = new LinkedHashMap<>();
            rows.stream().filter(p -> ids.contains(p.id())).forEach(p -> found.put(p.id(), p));
            return found;
        }

        @Override
        public Page<CertificateProfile> findByUser(UserId user, StatusFilter filter, PageRequest page) {
            listings++;
            return Page.last(rows.stream()
                    .filter(p -> p.isOwnedBy(user))
                    .filter(p ->
                            filter.statuses().map(s -> s.contains(p.status())).orElse(true))
                    .toList());
        }

        @Override
        public void addAll(List<CertificateProfile> profiles) {
            rows.addAll(profiles);
        }

        @Override
        public boolean addAllIfNew(List<CertificateProfile> profiles) {
            if (profiles.stream().anyMatch(p -> rows.stream().anyMatch(r -> r.id().equals(p.id())))) {
                return false;
            }
            rows.addAll(profiles);
            return true;
        }
    }

    /** Templates in memory; counts batch loads. */
    private static final class InMemoryTemplates implements ProfileTemplates {
        final Map<TemplateId, ProfileTemplate> rows = new LinkedHashMap<>();
        int batchLoads;

        @Override
        public Optional<ProfileTemplate> find(TemplateId id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Map<TemplateId, ProfileTemplate> findAll(Collection<TemplateId> ids) {
            batchLoads++;
            Map<TemplateId, ProfileTemplate> found = new LinkedHashMap<>();
            ids.forEach(id -> find(id).ifPresent(t -> found.put(id, t)));
            return found;
        }

        @Override
        public void add(ProfileTemplate template) {
            rows.put(template.id(), template);
        }

        @Override
        public void update(ProfileTemplate revised, long expectedVersion) {
            rows.put(revised.id(), revised);
        }

        @Override
        public Page<ProfileTemplate> list(PageRequest page) {
            return Page.last(List.copyOf(rows.values()));
        }
    }

    private final InMemoryProfiles profiles = new InMemoryProfiles();
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final ListProfilesForUser list =
            new ListProfilesForUser(profiles, new OfferedOperations(templates), new RoleBasedAccessPolicy());
    private final UserId owner = UserId.random();

    private ProfileTemplate template(String name) {
        ProfileTemplate template = ProfileTemplate.create(
                TemplateId.random(),
                name,
                "",
                1,
                Map.of(ProfileOperation.RENEW, OperationPolicy.selfService()),
                PinPolicy.standard(),
                NOW);
        templates.add(template);
        return template;
    }

    private void profile(ProfileTemplate template, ProfileStatus status) {
        profiles.addAll(List.of(new CertificateProfile(
                CertificateProfileId.random(),
                status,
                0,
                Optional.empty(),
                Optional.empty(),
                owner,
                template.id(),
                1,
                "",
                NOW,
                NOW)));
    }

    private ListProfilesForUser.Query query(Optional<UserId> target, StatusFilter status) {
        return new ListProfilesForUser.Query(target, status, PageRequest.firstDefault());
    }

    @Test
    void thePagesTemplatesAreLoadedOnceWhateverTheNumberOfProfiles() {
        ProfileTemplate a = template("a");
        ProfileTemplate b = template("b");
        for (int i = 0; i < 10; i++) {
            profile(i % 2 == 0 ? a : b, ProfileStatus.ACTIVE);
        }
        Page<ProfileWithOperations> page =
                list.list(new Principal(owner, Set.of()), query(Optional.empty(), StatusFilter.any()));
        assertEquals(10, page.items().size());
        assertEquals(1, templates.batchLoads);
        assertEquals(List.of(ProfileOperation.RENEW), page.items().get(0).operations());
    }

    @Test
    void aStatusNoProfileCanHaveDoesNotReachStorage() {
        profile(template("t"), ProfileStatus.ACTIVE);
        assertEquals(
                List.of(),
                list.list(new Principal(owner, Set.of()), query(Optional.empty(), StatusFilter.parse("Pending")))
                        .items());
        assertEquals(0, profiles.listings);
    }

    @Test
    void anotherUsersListIsRefusedBeforeStorageIsAskedUnlessTheCallerIsAnAgent() {
        profile(template("t"), ProfileStatus.ACTIVE);
        Principal stranger = new Principal(UserId.random(), Set.of(Role.CM_APPROVER));
        assertThrows(Forbidden.class, () -> list.list(stranger, query(Optional.of(owner), StatusFilter.any())));
        assertEquals(0, profiles.listings);
        Principal agent = new Principal(UserId.random(), Set.of(Role.CM_AGENT));
        assertEquals(
                1,
                list.list(agent, query(Optional.of(owner), StatusFilter.any()))
                        .items()
                        .size());
    }
}
