package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.adapter.ldap.LdapSettings;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;
import org.openprofiles.adapter.ldap.testing.LargeDirectory;
import org.openprofiles.domain.security.Role;

/**
 * Syncs the issue's directory — 100,000 accounts, 5,000 groups, 2,000,000 direct memberships
 * (sizes from {@code bench.*} properties) — from UnboundID's in-memory server (Active Directory
 * preset, snapshot paging as indexed servers page) into PostgreSQL through the server's own route
 * and use case, and prints accounts per second, the heap after GC before and after (the in-memory
 * directory lives in the same JVM, so "idle" includes it), and the latency of Access Rights
 * Manager read routes called by one client all through the sync (three calls, then a pause of
 * {@code bench.clientPauseMillis}, default 100 ms). Three syncs: the first loads an
 * empty database, the second finds 10 % of the accounts changed, the third nothing changed.
 * A figure printer, not a timed test: docs/access-profiles.md has the figures and the command.
 */
@Tag("benchmark")
class DirectorySyncBenchmarkTest {

    private static final LargeDirectory SIZE = LargeDirectory.fromSystemProperties();
    private static final int PAGE_SIZE = Integer.getInteger("bench.pageSize", 1_000);
    /** The client's pause between rounds of the three read routes: a steady reader, not a load test. */
    private static final int CLIENT_PAUSE_MILLIS = Integer.getInteger("bench.clientPauseMillis", 100);

    @Test
    void syncsTheIssuesDirectoryIntoPostgresql() throws Exception {
        TestDatabase db = PostgresExtension.freshDatabase();
        try (InMemoryDirectory directory = InMemoryDirectory.activeDirectoryForBenchmark(true)) {
            long loading = System.nanoTime();
            SIZE.loadActiveDirectory(directory);
            System.out.printf(
                    Locale.ROOT,
                    "in-memory directory: %,d accounts, %,d groups, %,d direct memberships loaded in %.1f s%n",
                    SIZE.accounts(),
                    SIZE.groups(),
                    SIZE.memberships(),
                    (System.nanoTime() - loading) / 1e9);
            Config.Builder config = TestServers.builder(db)
                    .with(Config.LDAP_URL, directory.url())
                    .with(Config.LDAP_PRESET, LdapSettings.Preset.ACTIVE_DIRECTORY.setting())
                    .with(Config.LDAP_BIND_DN, directory.bindDn())
                    .with(Config.LDAP_BIND_PASSWORD, directory.bindPassword())
                    .with(Config.LDAP_BASE_DN, directory.baseDn())
                    .with(Config.LDAP_SYNC_INTERVAL, "0")
                    .with(Config.LDAP_PAGE_SIZE, Integer.toString(PAGE_SIZE))
                    .with(Config.LDAP_RESPONSE_TIMEOUT, "10m");
            try (Server server = Server.start(TestServers.build(config))) {
                Http http = new Http(server.uri());
                String[] reader = TestUsers.create(server, "bench-reader", Role.PROFILE_READER)
                        .auth();
                long idle = usedHeapAfterGc();

                JsonNode first = measuredSync(http, reader, "first sync, empty database (all inserts)");
                long afterFirst = usedHeapAfterGc();
                assertEquals(
                        SIZE.accounts() + 4,
                        first.get("counts").get("accounts").get("added").asLong());

                profilesAndAssignments(http);
                changeEveryTenthAccount(directory);
                JsonNode second = measuredSync(http, reader, "second sync, 10 % of the accounts changed");
                JsonNode third = measuredSync(http, reader, "third sync, nothing changed");
                long after = usedHeapAfterGc();
                assertEquals(
                        0, third.get("counts").get("accounts").get("changed").asLong());
                System.out.printf(
                        Locale.ROOT,
                        "heap used after GC: idle (server + in-memory directory) %,d MB; after the first sync %,d MB"
                                + " (%.2fx); after all three %,d MB (%.2fx); max heap %,d MB; %d cores%n",
                        idle >> 20,
                        afterFirst >> 20,
                        (double) afterFirst / idle,
                        after >> 20,
                        (double) after / idle,
                        Runtime.getRuntime().maxMemory() >> 20,
                        Runtime.getRuntime().availableProcessors());
                assertEquals(
                        SIZE.accounts() / 10,
                        second.get("counts").get("accounts").get("changed").asLong());
            }
        } finally {
            PostgresExtension.drop(db);
        }
    }

    /** Starts a full sync, calls the read routes all through it, and prints what it did and how fast. */
    private static JsonNode measuredSync(Http http, String[] reader, String what) throws Exception {
        AtomicBoolean syncing = new AtomicBoolean(true);
        List<Long> profiles = Collections.synchronizedList(new ArrayList<>());
        List<Long> compliance = Collections.synchronizedList(new ArrayList<>());
        List<Long> assignments = Collections.synchronizedList(new ArrayList<>());
        List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
        Thread client = new Thread(() -> {
            while (syncing.get()) {
                timed(() -> http.get("/api/v1/Profiles?limit=20", reader), profiles, failures);
                timed(() -> http.get("/api/v1/Profiles/Compliance?limit=100", reader), compliance, failures);
                timed(
                        () -> http.get("/api/v1/Profiles/AssignmentsByProfileId?limit=100", reader),
                        assignments,
                        failures);
                try {
                    Thread.sleep(CLIENT_PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        HeapSampler heap = new HeapSampler();
        heap.start();
        client.start();
        long started = System.nanoTime();
        HttpResponse<String> start = http.post("/admin/v1/directory/syncs", "{\"mode\": \"full\"}", TestUsers.admin());
        assertEquals(202, start.statusCode(), start.body());
        String id = AccessFixtures.json(start).get("id").asText();
        JsonNode sync;
        do {
            Thread.sleep(200);
            sync = AccessFixtures.json(http.get("/admin/v1/directory/syncs/" + id, TestUsers.admin()));
        } while (sync.get("state").asText().equals("running"));
        double wall = (System.nanoTime() - started) / 1e9;
        syncing.set(false);
        client.join();
        heap.interrupt();
        heap.join();
        assertEquals("succeeded", sync.get("state").asText(), sync.toString());
        double seconds = Duration.between(
                                Instant.parse(sync.get("startedAt").asText()),
                                Instant.parse(sync.get("finishedAt").asText()))
                        .toMillis()
                / 1000.0;
        JsonNode accounts = sync.get("counts").get("accounts");
        System.out.printf(
                Locale.ROOT,
                "%s: %,d groups and %,d accounts read (%,d added, %,d changed) in %.1f s (%.1f s until the client saw"
                        + " it end): %,.0f accounts/s; heap sampled during the sync up to %,d MB (garbage included)%n",
                what,
                sync.get("counts").get("groups").get("read").asLong(),
                accounts.get("read").asLong(),
                accounts.get("added").asLong(),
                accounts.get("changed").asLong(),
                seconds,
                wall,
                accounts.get("read").asLong() / seconds,
                heap.highest >> 20);
        print("  GET /api/v1/Profiles?limit=20 during the sync", profiles);
        print("  GET /api/v1/Profiles/Compliance?limit=100 during the sync", compliance);
        print("  GET /api/v1/Profiles/AssignmentsByProfileId?limit=100 during the sync", assignments);
        System.out.printf(Locale.ROOT, "  failed calls during the sync: %d %s%n", failures.size(), failures);
        return sync;
    }

    private static void timed(
            java.util.function.Supplier<HttpResponse<String>> call, List<Long> micros, List<Integer> failures) {
        long started = System.nanoTime();
        HttpResponse<String> response = call.get();
        micros.add((System.nanoTime() - started) / 1000);
        if (response.statusCode() != 200) {
            failures.add(response.statusCode());
        }
    }

    private static void print(String route, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(route + ": no calls");
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %d calls, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                route,
                sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(Math.min(sorted.size() - 1, sorted.size() * 95 / 100)) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    /** Ten profiles requiring one of the first groups each, assigned to 1,000 accounts each. */
    private static void profilesAndAssignments(Http http) {
        AccessFixtures fixtures = new AccessFixtures(http);
        for (int p = 0; p < 10; p++) {
            UUID profile = fixtures.profile(
                    "Bench profile " + p, p % 20, List.of(LargeDirectory.groupId(p)), Map.of("title", "Title " + p));
            List<String> accounts = new ArrayList<>();
            for (int a = p * 1000; a < (p + 1) * 1000; a++) {
                accounts.add(LargeDirectory.accountId(a).toString());
            }
            HttpResponse<String> assigned = http.post(
                    "/api/v1/Profiles/Assign",
                    AccessFixtures.write(
                            Map.of("profileId", profile.toString(), "accountIds", accounts, "comment", "bench")),
                    TestUsers.admin());
            assertEquals(200, assigned.statusCode(), assigned.body());
        }
    }

    private static void changeEveryTenthAccount(InMemoryDirectory directory) throws Exception {
        for (int a = 0; a < SIZE.accounts(); a += 10) {
            directory
                    .server()
                    .modify(
                            "CN=User " + a + "," + LargeDirectory.STAFF_OU,
                            new com.unboundid.ldap.sdk.Modification(
                                    com.unboundid.ldap.sdk.ModificationType.REPLACE, "title", "Changed " + a));
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Samples the used heap every 50 ms (garbage included). */
    private static final class HeapSampler extends Thread {
        volatile long highest;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            while (!isInterrupted()) {
                highest = Math.max(highest, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
