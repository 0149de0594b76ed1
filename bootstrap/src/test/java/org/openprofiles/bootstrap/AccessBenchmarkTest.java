package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/**
 * Prints latency and throughput of the access-profile list and compliance routes on the issue's
 * data set: 1,000 profiles × 100 groups (5,000 groups), 100,000 accounts each with one profile
 * and that profile's memberships (10,000,000 rows), 10 % missing a group and 5 % with a wrong
 * department. A figure printer, not a timed test; docs/access-profiles.md has the figures and the
 * exact command that runs it.
 */
@Tag("benchmark")
class AccessBenchmarkTest extends EndToEndTest {

    private static final int PROFILES = 1_000;
    private static final int GROUPS_PER_PROFILE = 100;
    private static final int GROUPS = 5_000;
    private static final int ACCOUNTS = 100_000;
    private static final int CLIENTS = 4;
    private static final long WARM_UP_MILLIS = 15_000;
    private static final long MEASURE_MILLIS = 15_000;

    @Test
    void printsFiguresForTheListAndComplianceRoutes() throws Exception {
        long loading = System.nanoTime();
        load();
        System.out.printf(
                Locale.ROOT,
                "loaded %,d profiles x %d groups, %,d accounts in %.1f s%n",
                PROFILES,
                GROUPS_PER_PROFILE,
                ACCOUNTS,
                (System.nanoTime() - loading) / 1e9);
        String[] auth =
                TestUsers.create(server, "bench-reader", Role.PROFILE_READER).auth();
        String someProfile = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT id::text FROM access_profile ORDER BY lower(name) OFFSET 500 LIMIT 1")
                        .mapTo(String.class)
                        .one());
        String hundredIds = db.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT json_agg(id)::text FROM (SELECT id FROM access_profile LIMIT 100) p")
                                .mapTo(String.class)
                                .one());

        measure(
                "GET /api/v1/Profiles (100 profiles x 100 groups per page, walking pages)",
                walking("/api/v1/Profiles", auth));
        measure("GET /api/v1/Profiles?search=profile-05", () -> http.get("/api/v1/Profiles?search=profile-05", auth));
        measure(
                "GET /api/v1/Profiles?AdditionalProfileInformation=<id>",
                () -> http.get("/api/v1/Profiles?AdditionalProfileInformation=" + someProfile, auth));
        measure(
                "POST /api/v1/Profiles/AdditionalProfileInformation (100 ids)",
                () -> http.post("/api/v1/Profiles/AdditionalProfileInformation", hundredIds, auth));
        measure(
                "GET /api/v1/Profiles/Compliance (100 accounts per page, walking pages)",
                walking("/api/v1/Profiles/Compliance", auth));
        measure(
                "GET /api/v1/Profiles/Compliance?nonCompliantOnly=true (walking pages)",
                walking("/api/v1/Profiles/Compliance?nonCompliantOnly=true", auth));
        measure(
                "GET /api/v1/Profiles/Compliance?profileId=<id> (100 accounts)",
                () -> http.get("/api/v1/Profiles/Compliance?profileId=" + someProfile, auth));
        measure(
                "GET /api/v1/Profiles/AssignmentsByProfileId?profileId=<id> (100 accounts)",
                () -> http.get("/api/v1/Profiles/AssignmentsByProfileId?profileId=" + someProfile, auth));
    }

    /** Follows the Link header page after page, starting over at the end. */
    private static Supplier<HttpResponse<String>> walking(String first, String[] auth) {
        AtomicReference<String> next = new AtomicReference<>(first);
        return () -> {
            HttpResponse<String> response = http.get(next.get(), auth);
            String link = response.headers().firstValue("Link").orElse(null);
            next.set(link == null ? first : link.substring(link.indexOf("/api/"), link.indexOf('>')));
            return response;
        };
    }

    private static void measure(String route, Supplier<HttpResponse<String>> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            run(clients, request, WARM_UP_MILLIS);
            List<Long> latencies = run(clients, request, MEASURE_MILLIS);
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "%-78s n=%6d  p50=%7.1f ms  p95=%7.1f ms  max=%7.1f ms  %7.1f req/s%n",
                    route,
                    sorted.length,
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    sorted[sorted.length - 1] / 1e6,
                    sorted.length / (MEASURE_MILLIS / 1000.0));
        } finally {
            clients.shutdownNow();
        }
    }

    /** {@value #CLIENTS} clients sending back to back for {@code millis}; the latency of each request. */
    private static List<Long> run(ExecutorService clients, Supplier<HttpResponse<String>> request, long millis)
            throws Exception {
        long end = System.currentTimeMillis() + millis;
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            futures.add(clients.submit(() -> {
                List<Long> own = new ArrayList<>();
                while (System.currentTimeMillis() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = request.get();
                    own.add(System.nanoTime() - start);
                    assertEquals(200, response.statusCode(), response.body());
                }
                return own;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        return all;
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /**
     * The data set in bulk SQL on one connection (the replication role, which switches foreign-key
     * triggers off for the load, is a session setting; the data is consistent by construction).
     */
    private static void load() {
        String actor = UUID.randomUUID().toString();
        db.jdbi().useHandle(h -> {
            for (String sql : Arrays.asList(
                    "SET session_replication_role = replica",
                    "INSERT INTO directory_group (id, name, distinguished_name) SELECT md5('g' || g)::uuid, 'group-'"
                            + " || lpad(g::text, 5, '0'), 'CN=group-' || g || ',OU=Groups,DC=corp,DC=example,DC=com'"
                            + " FROM generate_series(0, " + (GROUPS - 1) + ") g",
                    "INSERT INTO access_profile (id, name, description, color, initials, created_at, modified_at)"
                            + " SELECT md5('p' || p)::uuid, 'profile-' || lpad(p::text, 4, '0'), 'Department ' || p, p % 20,"
                            + " 'P', now(), now() FROM generate_series(0, " + (PROFILES - 1) + ") p",
                    "INSERT INTO access_profile_group (profile_id, group_id, position) SELECT md5('p' || p)::uuid,"
                            + " md5('g' || ((p * 7 + k) % " + GROUPS + "))::uuid, k FROM generate_series(0, "
                            + (PROFILES - 1) + ") p, generate_series(0, " + (GROUPS_PER_PROFILE - 1) + ") k",
                    "INSERT INTO access_profile_attribute (profile_id, name, value, position) SELECT md5('p' || p)::uuid,"
                            + " 'department', 'Dept-' || p, 1 FROM generate_series(0, " + (PROFILES - 1) + ") p",
                    "INSERT INTO directory_account (id, sam_account_name, display_name, distinguished_name)"
                            + " SELECT md5('a' || a)::uuid, 'user' || lpad(a::text, 6, '0'), 'User ' || a,"
                            + " 'CN=user' || a || ',OU=Staff,DC=corp,DC=example,DC=com' FROM generate_series(0, "
                            + (ACCOUNTS - 1) + ") a",
                    // The replication role keeps the copy of the account (V62, V64) from being
                    // made by its trigger too: it is written here.
                    "INSERT INTO profile_assignment (account_id, profile_id, comment, assigned_at, assigned_by,"
                            + " account_key, account_name, account_display_name, account_distinguished_name,"
                            + " account_enabled) SELECT d.id, md5('p' || (a % " + PROFILES
                            + "))::uuid, 'benchmark', now(), '" + actor + "', lower(d.sam_account_name),"
                            + " d.sam_account_name, d.display_name, d.distinguished_name, d.enabled"
                            + " FROM generate_series(0, " + (ACCOUNTS - 1) + ") a"
                            + " JOIN directory_account d ON d.id = md5('a' || a)::uuid",
                    // Every account is in its profile's groups, except that one in ten lacks the first of them.
                    "INSERT INTO account_group_membership (account_id, group_id) SELECT md5('a' || a)::uuid,"
                            + " md5('g' || (((a % " + PROFILES + ") * 7 + k) % " + GROUPS + "))::uuid"
                            + " FROM generate_series(0, " + (ACCOUNTS - 1) + ") a, generate_series(0, "
                            + (GROUPS_PER_PROFILE - 1) + ") k WHERE NOT (k = 0 AND a % 10 = 3)",
                    // One in twenty has the wrong department.
                    "INSERT INTO account_attribute (account_id, name, value) SELECT md5('a' || a)::uuid, 'department',"
                            + " CASE WHEN a % 20 = 7 THEN 'Elsewhere' ELSE 'Dept-' || (a % " + PROFILES + ") END"
                            + " FROM generate_series(0, " + (ACCOUNTS - 1) + ") a",
                    "SET session_replication_role = DEFAULT",
                    "ANALYZE",
                    // What the use cases keep up to date on every change, counted once for the bulk load.
                    "UPDATE profile_assignment pa SET deviations = (SELECT count(*) FROM account_deviation d"
                            + " WHERE d.account_id = pa.account_id AND d.profile_id = pa.profile_id)",
                    "VACUUM ANALYZE")) {
                h.execute(sql);
            }
        });
    }
}
