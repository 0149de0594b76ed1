package org.openprofiles.adapter.jdbc.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.DatabaseSettings;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.adapter.jdbc.testing.RoundTrips;
import org.openprofiles.application.contract.Fixtures;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.security.UserId;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A bulk import's insert is one COPY and two round trips (the COPY command, then its rows) however
 * many profiles it carries (a JDBC batch costs a round trip every few hundred rows), and keeps the
 * order of its list.
 */
class JdbiProfileImportCostTest {

    private static final String COUNTER = "profile-import-" + UUID.randomUUID();
    private static JdbiStorage storage;
    private static JdbiTransactions transactions;

    /**
     * The counted side is a bare data source, one connection per unit of work: no pool filling
     * itself or change feed listening in the background, whose round trips would count too.
     */
    @BeforeAll
    static void open() {
        storage = JdbiStorage.fresh();
        DatabaseSettings settings = storage.testDatabase().settings();
        PGSimpleDataSource counted = new PGSimpleDataSource();
        counted.setUrl(RoundTrips.url(storage.testDatabase().url(), COUNTER));
        counted.setUser(settings.user());
        counted.setPassword(settings.password());
        transactions = new JdbiTransactions(Database.configure(Jdbi.create(counted)));
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @Test
    void addingTwoThousandProfilesCostsTwoRoundTripsLikeAddingTwo() {
        Fixtures fixtures = new Fixtures(storage);
        UserId owner = fixtures.user().id();
        ProfileTemplate template = fixtures.template();
        JdbiCertificateProfiles profiles = new JdbiCertificateProfiles(transactions);
        List<CertificateProfile> two = made(owner, template, 2);
        List<CertificateProfile> many = made(owner, template, 2000);
        // In one unit of work that has begun (a read carries its BEGIN, as the import's look-ups
        // do): no connection check or BEGIN/COMMIT in the two measurements.
        long[] trips = transactions.inTransaction(() -> {
            profiles.find(two.get(0).id());
            return new long[] {roundTrips(() -> profiles.addAll(two)), roundTrips(() -> profiles.addAll(many))};
        });
        assertEquals(2, trips[0], "two profiles");
        assertEquals(2, trips[1], "two thousand profiles");
        List<CertificateProfileId> listed = storage.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM certificate_profile ORDER BY seq")
                        .mapTo(UUID.class)
                        .map(CertificateProfileId::new)
                        .list());
        List<CertificateProfileId> expected = new java.util.ArrayList<>();
        two.forEach(p -> expected.add(p.id()));
        many.forEach(p -> expected.add(p.id()));
        assertEquals(expected, listed, "the import keeps the order of its list");
    }

    @Test
    void addingTwoThousandProfilesIfNewCostsAsFewRoundTripsAsAddingTwo() {
        Fixtures fixtures = new Fixtures(storage);
        UserId owner = fixtures.user().id();
        ProfileTemplate template = fixtures.template();
        JdbiCertificateProfiles profiles = new JdbiCertificateProfiles(transactions);
        List<CertificateProfile> two = made(owner, template, 2);
        List<CertificateProfile> many = made(owner, template, 2000);
        long[] trips = transactions.inTransaction(() -> {
            profiles.find(two.get(0).id());
            return new long[] {roundTrips(() -> profiles.addAllIfNew(two)), roundTrips(() -> profiles.addAllIfNew(many))
            };
        });
        // The savepoint, the COPY and its rows, the savepoint's release.
        assertEquals(4, trips[0], "two profiles");
        assertEquals(4, trips[1], "two thousand profiles");
    }

    private static List<CertificateProfile> made(UserId owner, ProfileTemplate template, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Fixtures.profile(owner, template, ProfileStatus.ACTIVE))
                .toList();
    }

    private static long roundTrips(Runnable work) {
        long before = RoundTrips.count(COUNTER);
        work.run();
        return RoundTrips.count(COUNTER) - before;
    }
}
