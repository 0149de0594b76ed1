package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * Prints how many certificates per second the service issues through the vendor's HTTP flow
 * (POST /requests, POST …/certificatedata, PUT {"status":"Completed"}: three requests, three
 * transactions, one certificate each), from EC P-256 CSRs made beforehand (a client's cost, not the
 * server's) and with keys the server makes (EC P-256 in a PFX). A figure printer, not a timed test:
 * docs/certificate-authority.md has the figures and the command.
 */
@Tag("benchmark")
@ExtendWith(PostgresExtension.class)
class CertificateIssuanceBenchmarkTest {

    private static final int USERS = 64;
    private static final int CSRS_PER_USER = 4;
    private static final long WARM_UP_MILLIS = Long.getLong("benchmark.warmup", 30_000);
    private static final long MEASURE_MILLIS = Long.getLong("benchmark.measure", 20_000);

    @TempDir
    static Path dataDir;

    private static Server server;
    private static Http http;
    private static final String CLIENT_KEYS = UUID.randomUUID().toString();
    private static final String SERVER_KEYS = UUID.randomUUID().toString();
    private static final List<TestUsers.Caller> users = new ArrayList<>();
    private static final List<List<String>> csrs = new ArrayList<>();

    private static String postgresPort = "";

    @BeforeAll
    static void start(TestDatabase database) {
        java.util.regex.Matcher port =
                java.util.regex.Pattern.compile(":(\\d+)/").matcher(database.url());
        postgresPort = port.find() ? port.group(1) : "";
        server = Server.start(
                TestServers.build(TestServers.builder(database).with(Config.DATA_DIR, dataDir.toString())));
        http = new Http(server.uri());
        CertificateFixtures.template(http, CLIENT_KEYS, 1, "enroll");
        HttpResponse<String> created =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Server keys","policies":{"enroll":{"ownerMayInitiate":true}},
                 "certificateSettings":{"keyGeneration":"SERVER","keyType":"EC_P256"}}
                """.formatted(SERVER_KEYS), TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        for (int i = 0; i < USERS; i++) {
            users.add(TestUsers.create(server, "bench-" + i));
            List<String> mine = new ArrayList<>();
            for (int j = 0; j < CSRS_PER_USER; j++) {
                mine.add(TestCsrs.csr(TestCsrs.ec("secp256r1"), ""));
            }
            csrs.add(mine);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void printsCertificatesPerSecondThroughTheHttpFlow() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%d cores, %d users, PostgreSQL on port %s (%d processes), warm-up %d s, measured %d s%n",
                Runtime.getRuntime().availableProcessors(),
                USERS,
                postgresPort,
                Cpu.postgresProcesses().count(),
                WARM_UP_MILLIS / 1000,
                MEASURE_MILLIS / 1000);
        // -Dbenchmark.clients=4 runs the client-key flow with that many clients only (for profiling).
        String only = System.getProperty("benchmark.clients", "");
        if (!only.isEmpty()) {
            int clients = Integer.parseInt(only);
            measure(
                    "EC P-256 client keys (CSR), " + clients + " clients",
                    clients,
                    n -> flow(n, CLIENT_KEYS, csrBody(n)));
            measureIssuanceOnly(clients);
            return;
        }
        for (int clients : new int[] {2, 4, 8}) {
            measure(
                    "EC P-256 client keys (CSR), " + clients + " clients",
                    clients,
                    n -> flow(n, CLIENT_KEYS, csrBody(n)));
        }
        measureIssuanceOnly(4);
        for (int clients : new int[] {2, 4}) {
            measure(
                    "EC P-256 server keys (PFX), " + clients + " clients",
                    clients,
                    n -> flow(n, SERVER_KEYS, "{\"pfxpassword\":\"benchmark pfx password\"}"));
        }
    }

    private static String csrBody(int n) {
        return "{\"pfxpassword\":\"\",\"certificaterequests\":[\""
                + csrs.get(n % USERS).get((n / USERS) % CSRS_PER_USER) + "\"]}";
    }

    /** One certificate through the vendor's three calls; answers the certificate data call's latency. */
    private static long flow(int n, String template, String certificateData) {
        TestUsers.Caller user = users.get(n % USERS);
        HttpResponse<String> created = http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Enroll","comment":""}
                """.formatted(template), user.auth());
        String request = CertificateWalkthroughTest.requestId(created);
        long start = System.nanoTime();
        HttpResponse<String> data =
                http.post(CM + "/requests/" + request + "/certificatedata", certificateData, user.auth());
        long latency = System.nanoTime() - start;
        if (data.statusCode() != 200) {
            throw new AssertionError(data.body());
        }
        HttpResponse<String> done = http.put(CM + "/requests/" + request, "{\"status\":\"Completed\"}", user.auth());
        if (done.statusCode() != 200 || json(done).get("Status").asInt() != 8) {
            throw new AssertionError(done.body());
        }
        return latency;
    }

    private static void measure(String name, int clients, IntFunction<Long> flow) throws Exception {
        run(clients, flow, WARM_UP_MILLIS);
        Cpu before = Cpu.now();
        long started = System.nanoTime();
        long[] latencies = run(clients, flow, MEASURE_MILLIS);
        print(name, latencies, (System.nanoTime() - started) / 1e9, Cpu.now().minus(before));
    }

    /**
     * The issuance step alone: Approved requests made first (the warm-up), then only their
     * certificate data posted, from {@code clients} threads, as fast as the server answers.
     */
    private static void measureIssuanceOnly(int clients) throws Exception {
        int count = (int) Math.max(1000, MEASURE_MILLIS / 5);
        List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        run(
                clients,
                n -> {
                    if (requests.size() < count) {
                        requests.add(CertificateWalkthroughTest.requestId(http.post(
                                        CM + "/requests",
                                        """
                        {"profiletemplateuuid":"%s","type":"Enroll","comment":""}
                        """.formatted(CLIENT_KEYS),
                                        users.get(n % USERS).auth()))
                                + " " + n);
                    }
                    return 0L;
                },
                WARM_UP_MILLIS);
        AtomicLong next = new AtomicLong();
        Cpu before = Cpu.now();
        long started = System.nanoTime();
        long[] latencies = run(
                clients,
                n -> {
                    long i = next.getAndIncrement();
                    if (i >= requests.size()) {
                        return -1L;
                    }
                    String[] parts = requests.get((int) i).split(" ");
                    int user = Integer.parseInt(parts[1]);
                    long start = System.nanoTime();
                    HttpResponse<String> data = http.post(
                            CM + "/requests/" + parts[0] + "/certificatedata",
                            csrBody(user),
                            users.get(user % USERS).auth());
                    if (data.statusCode() != 200) {
                        throw new AssertionError(data.body());
                    }
                    return System.nanoTime() - start;
                },
                MEASURE_MILLIS);
        long[] issued = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
        print(
                "POST certificatedata only (CSR), " + clients + " clients",
                issued,
                (System.nanoTime() - started) / 1e9,
                Cpu.now().minus(before));
    }

    private static void print(String name, long[] latencies, double seconds, Cpu used) {
        Arrays.sort(latencies);
        int n = Math.max(1, latencies.length);
        System.out.printf(
                Locale.ROOT,
                "%-48s %7.1f certificates/s (%d in %.1f s; certificatedata p50 %.1f ms, p99 %.1f ms)%n"
                        + "%48s CPU per certificate: server threads %.2f ms, JVM in all (with the client) %.2f ms,"
                        + " PostgreSQL %.2f ms; load average %.1f%n",
                name,
                latencies.length / seconds,
                latencies.length,
                seconds,
                percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6,
                "",
                used.serverThreads() / 1e6 / n,
                used.process() / 1e6 / n,
                used.postgres() / 1e6 / n,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * CPU time used so far: by the server's request threads (Grizzly's workers, where Jersey, the
     * use cases and the JDBC driver run), by this whole JVM (the benchmark's HTTP client too, and
     * JIT and GC), and by the PostgreSQL processes this JVM started (the embedded test database).
     */
    private record Cpu(long serverThreads, long process, long postgres) {
        static Cpu now() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long server = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith("grizzly")) {
                    server += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            long postgres = postgresProcesses()
                    .mapToLong(p -> p.info()
                            .totalCpuDuration()
                            .map(java.time.Duration::toNanos)
                            .orElse(0L))
                    .sum();
            long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new Cpu(server, process, postgres);
        }

        /** The test database's postmaster (it runs detached: found by its port) and its backends. */
        static java.util.stream.Stream<ProcessHandle> postgresProcesses() {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info()
                            .commandLine()
                            .filter(c -> c.contains("postgres") && c.contains(" -p " + postgresPort + " "))
                            .isPresent())
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()));
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(
                    serverThreads - earlier.serverThreads, process - earlier.process, postgres - earlier.postgres);
        }
    }

    /** Runs the flow from {@code clients} threads for {@code millis}; answers every certificate data latency. */
    private static long[] run(int clients, IntFunction<Long> flow, long millis) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        AtomicLong counter = new AtomicLong();
        long end = System.currentTimeMillis() + millis;
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(threads.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.currentTimeMillis() < end) {
                    long latency = flow.apply((int) counter.getAndIncrement());
                    if (latency < 0) {
                        break;
                    }
                    mine.add(latency);
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        threads.shutdown();
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
