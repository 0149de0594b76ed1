package org.openprofiles.adapter.jdbc.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
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
        JdbiCertificateProfiles profiles = new JdbiCertificateProfiles(transactions);
        Batches batches = batches();
        long[] trips = roundTripsOfEach(batches, profiles::addAll);
        assertEquals(2, trips[0], "two profiles");
        assertEquals(2, trips[1], "two thousand profiles");
        List<CertificateProfileId> listed = storage.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM certificate_profile ORDER BY seq")
                        .mapTo(UUID.class)
                        .map(CertificateProfileId::new)
                        .list());
        List<CertificateProfileId> expected = new java.util.ArrayList<>();
        batches.two().forEach(p -> expected.add(p.id()));
        batches.many().forEach(p -> expected.add(p.id()));
        assertEquals(
                expected,
                listed.subList(listed.size() - expected.size(), listed.size()),
                "the import keeps the order of its list");
    }

    @Test
    void addingTwoThousandProfilesIfNewCostsFourRoundTripsLikeAddingTwo() {
        JdbiCertificateProfiles profiles = new JdbiCertificateProfiles(transactions);
        long[] trips = roundTripsOfEach(batches(), profiles::addAllIfNew);
        // The savepoint, the COPY and its rows, the savepoint's release.
        assertEquals(4, trips[0], "two profiles");
        assertEquals(4, trips[1], "two thousand profiles");
    }

    /** Two profiles and two thousand, of one stored user and template. */
    private record Batches(List<CertificateProfile> two, List<CertificateProfile> many) {}

    private static Batches batches() {
        Fixtures fixtures = new Fixtures(storage);
        UserId owner = fixtures.user().id();
        ProfileTemplate template = fixtures.template();
        return new Batches(made(owner, template, 2), made(owner, template, 2000));
    }

    /**
     * The round trips of adding each batch with {@code add}, in one unit of work that has begun (a
     * read carries its BEGIN, as the import's look-ups do): no connection check or BEGIN/COMMIT in
     * the two measurements.
     */
    private static long[] roundTripsOfEach(Batches batches, Consumer<List<CertificateProfile>> add) {
        return transactions.inTransaction(() -> {
            new JdbiCertificateProfiles(transactions).find(batches.two().get(0).id());
            return new long[] {roundTrips(() -> add.accept(batches.two())), roundTrips(() -> add.accept(batches.many()))
            };
        });
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
