package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.domain.security.Role;

/**
 * The target: 50 connections sending a request body at one byte every five seconds while
 * normal requests keep a p99 under 100 ms. Normal traffic (4 clients: an authenticated list, a
 * write, the health check) is measured for 20 s without the slow clients, then for 60 s with
 * them, in the same run; the figures are printed. Run it with
 * {@code ./mvnw -B verify -pl bootstrap -am -Dgroups=benchmark -Dtest.excludedGroups=none
 * -Dtest=SlowClientsBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@ExtendWith(PostgresExtension.class)
class SlowClientsBenchmarkTest {

    private static Server server;
    private static TestUsers.Caller manager;

    @BeforeAll
    static void start(TestDatabase database) {
        // A body timeout longer than the run, so that the slow clients drip for all of it.
        server = Server.start(
                TestServers.build(TestServers.builder(database).with(Config.HTTP_BODY_TIMEOUT_SECONDS, "600")));
        manager = TestUsers.create(server, "slow-bench-manager", Role.PROFILE_MANAGER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fiftySlowBodiesLeaveNormalRequestsFast() throws Exception {
        measure("warm-up", 20);
        long[] without = measure("without slow clients", 20);
        List<RawHttp> slow = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        long[] with;
        try {
            for (int i = 0; i < 50; i++) {
                slow.add(new RawHttp(server.uri())
                        .head(
                                "POST",
                                "/api/v1/Profiles/CreateUpdate",
                                "Authorization",
                                manager.bearer(),
                                "Content-Type",
                                "application/json",
                                "Content-Length",
                                "100000"));
            }
            drip.scheduleAtFixedRate(() -> slow.forEach(c -> c.trySend(" ")), 0, 5, TimeUnit.SECONDS);
            with = measure("with 50 slow clients", 60);
            assertTrue(server.requestIntakeReservedBytes() >= 50 * 100_000L, "the slow bodies were still arriving");
        } finally {
            drip.shutdownNow();
            slow.forEach(RawHttp::close);
        }
        long p99Without = percentile(without, 99);
        long p99With = percentile(with, 99);
        System.out.printf(
                "slow clients: p99 %d ms without, %d ms with 50 slow bodies (ratio %.2f)%n",
                p99Without, p99With, p99With / (double) Math.max(1, p99Without));
        assertTrue(p99With < 100, "p99 with 50 slow clients: " + p99With + " ms");
    }

    /** Four clients for {@code seconds}: each round a list, a write and a health check; latencies in ms. */
    private static long[] measure(String label, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                Http http = new Http(server.uri());
                for (int i = 0; System.nanoTime() < until; i++) {
                    long started = System.nanoTime();
                    HttpResponse<String> list = http.get("/api/v1/Profiles?limit=20", manager.auth());
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    assertEquals(200, list.statusCode(), list.body());
                    started = System.nanoTime();
                    HttpResponse<String> saved = http.post(
                            "/api/v1/Profiles/CreateUpdate",
                            "{\"name\":\"bench-" + run + "-" + client + "-" + i + "\",\"color\":1}",
                            manager.auth());
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    assertEquals(201, saved.statusCode(), saved.body());
                    started = System.nanoTime();
                    assertEquals(200, http.get("/health").statusCode());
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
                return null;
            }));
        }
        clients.shutdown();
        for (java.util.concurrent.Future<?> client : running) {
            client.get(seconds + 60L, TimeUnit.SECONDS);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "%s: %d requests, p50 %d ms, p99 %d ms, max %d ms%n",
                label, sorted.length, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
        return sorted;
    }

    private static long percentile(long[] sorted, int percent) {
        long[] copy = sorted.clone();
        Arrays.sort(copy);
        return copy[Math.min(copy.length - 1, (int) Math.ceil(percent / 100.0 * copy.length) - 1)];
    }
}
