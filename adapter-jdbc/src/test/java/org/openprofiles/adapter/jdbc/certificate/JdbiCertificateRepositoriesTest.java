package org.openprofiles.adapter.jdbc.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.security.JdbiUsers;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.PinPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.StatusFilter;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;
import org.openprofiles.domain.shared.PreconditionFailed;

@ExtendWith(PostgresExtension.class)
class JdbiCertificateRepositoriesTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private static Database database;
    private static JdbiProfileTemplates templates;
    private static JdbiCertificateProfiles profiles;
    private static JdbiProfileOwners owners;
    private static JdbiUsers users;

    @BeforeAll
    static void open(TestDatabase db) {
        database = Database.open(db.settings());
        templates = new JdbiProfileTemplates(database.transactions());
        profiles = new JdbiCertificateProfiles(database.transactions());
        owners = new JdbiProfileOwners(database.transactions());
        users = new JdbiUsers(database.transactions());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static UserId user() {
        UserId id = UserId.random();
        users.add(User.create(id, "u-" + id.value(), null, Set.of(), NOW));
        return id;
    }

    private static ProfileTemplate template(String name) {
        OperationPolicy approved = new OperationPolicy(
                true, false, Set.of(Role.CM_AGENT, Role.ADMIN), 2, Optional.of(Role.CM_APPROVER), true);
        ProfileTemplate template = ProfileTemplate.create(
                TemplateId.random(),
                name,
                "d",
                8,
                Map.of(
                        ProfileOperation.RENEW,
                        OperationPolicy.selfService(),
                        ProfileOperation.RECOVERONBEHALF,
                        approved),
                new PinPolicy(6, 8, true, false, true, false),
                NOW);
        templates.add(template);
        return template;
    }

    private static CertificateProfile profile(UserId owner, ProfileTemplate template, ProfileStatus status) {
        return new CertificateProfile(
                CertificateProfileId.random(),
                status,
                1,
                Optional.of(CertificateProfileId.random()),
                Optional.empty(),
                owner,
                template.id(),
                template.version(),
                "c",
                NOW,
                NOW);
    }

    @Test
    void aTemplateComesBackWithEveryPolicyAndItsPinPolicy() {
        ProfileTemplate stored = template("round-trip");
        assertEquals(Optional.of(stored), templates.find(stored.id()));
        assertThrows(Conflict.class, () -> templates.add(stored));
    }

    @Test
    void anUpdateNeedsTheCurrentVersionAndReplacesThePolicies() {
        ProfileTemplate stored = template("update");
        ProfileTemplate revised = stored.revise(
                "renamed",
                "",
                Map.of(ProfileOperation.RETIRE, OperationPolicy.selfService()),
                PinPolicy.standard(),
                NOW);
        assertThrows(PreconditionFailed.class, () -> templates.update(revised, 7));
        templates.update(revised, 8);
        ProfileTemplate read = templates.find(stored.id()).orElseThrow();
        assertEquals(9, read.version());
        assertEquals(Set.of(ProfileOperation.RETIRE), read.policies().keySet());
    }

    @Test
    void manyTemplatesAreReadInTwoStatements() {
        List<TemplateId> ids =
                IntStream.range(0, 20).mapToObj(i -> template("many-" + i).id()).toList();
        long before = database.statements().count();
        assertEquals(20, templates.findAll(ids).size());
        assertEquals(2, database.statements().count() - before);
    }

    @Test
    void aUsersProfilesComeInRecordedOrderFilteredByStatusAndPaged() {
        UserId owner = user();
        UserId other = user();
        ProfileTemplate template = template("profiles");
        List<CertificateProfile> mine = new ArrayList<>();
        for (ProfileStatus status : List.of(
                ProfileStatus.ACTIVE,
                ProfileStatus.DISABLED,
                ProfileStatus.ACTIVE,
                ProfileStatus.SUSPENDED,
                ProfileStatus.ACTIVE)) {
            mine.add(profile(owner, template, status));
        }
        database.transactions().run(() -> {
            profiles.addAll(mine);
            profiles.addAll(List.of(profile(other, template, ProfileStatus.ACTIVE)));
        });

        List<CertificateProfile> all = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        Page<CertificateProfile> page;
        do {
            page = profiles.findByUser(owner, StatusFilter.any(), request);
            all.addAll(page.items());
            request = page.nextCursor().map(PageRequest.first(2)::after).orElse(null);
        } while (request != null);
        assertEquals(mine, all);

        List<CertificateProfile> active = profiles.findByUser(
                        owner, StatusFilter.only(ProfileStatus.ACTIVE), PageRequest.firstDefault())
                .items();
        assertEquals(List.of(mine.get(0), mine.get(2), mine.get(4)), active);
        assertTrue(profiles.findByUser(owner, StatusFilter.parse("Pending"), PageRequest.firstDefault())
                .isEmpty());
        assertEquals(Optional.of(mine.get(3)), profiles.find(mine.get(3).id()));
        assertEquals(
                2,
                profiles.findAll(List.of(mine.get(0).id(), mine.get(1).id(), CertificateProfileId.random()))
                        .size());
        assertEquals(Set.of(owner), owners.existing(List.of(owner, UserId.random())));
    }
}
