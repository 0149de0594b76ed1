package org.openprofiles.adapter.ca;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateSigningRequest;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.PfxPassword;

/**
 * Prints certificates issued per second by the embedded CA (EC P-384 issuing key): from clients'
 * EC P-256 requests, and with keys the server generates (EC P-256, RSA 2048) delivered in a PFX,
 * on one thread and on as many as there are cores. Also the CPU time each certificate took (the
 * issuing threads' own CPU time), which stays meaningful when other processes share the machine:
 * 1000 / (CPU ms per certificate) is what one idle core can issue per second. A figure printer,
 * not a timed test; run it with
 * {@code ./mvnw -B verify -pl adapter-ca -am -Dgroups=benchmark -Dtest.excludedGroups=none
 * -Dtest=IssuanceBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class IssuanceBenchmarkTest {

    private static final long WARM_UP_MILLIS = 8_000;
    private static final long MEASURE_MILLIS = 10_000;

    @Test
    void printsCertificatesIssuedPerSecond() throws Exception {
        EmbeddedCertificateAuthority ca = TestCa.shared();
        List<CertificateSigningRequest> requests = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            requests.add(TestRequests.ec("secp256r1").request());
        }
        CertificateSettings clientKeys = CertificateSettings.defaults();
        CertificateSettings serverEc = CertificateSettings.builder()
                .keyGeneration(KeyGeneration.SERVER)
                .build();
        CertificateSettings serverRsa =
                serverEc.toBuilder().keyType(KeyType.rsa(2048)).build();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "cores: %d, issuing CA: %s%n",
                cores,
                ca.caCertificates().issuing().subject());

        for (int threads : new int[] {1, cores}) {
            AtomicInteger next = new AtomicInteger();
            measure(
                    "EC P-256 client key (PKCS#10)",
                    threads,
                    () -> ca.issue(
                            requests.get(Math.floorMod(next.getAndIncrement(), requests.size())),
                            TestCa.ann(),
                            clientKeys));
            measure(
                    "EC P-256 server key (PFX)",
                    threads,
                    () -> ca.issueWithGeneratedKey(TestCa.ann(), serverEc, PfxPassword.of("benchmark", "pfxpassword")));
            measure(
                    "RSA 2048 server key (PFX)",
                    threads,
                    () -> ca.issueWithGeneratedKey(
                            TestCa.ann(), serverRsa, PfxPassword.of("benchmark", "pfxpassword")));
        }
    }

    private static void measure(String scenario, int threads, Runnable issuance) throws Exception {
        run(threads, issuance, WARM_UP_MILLIS, new AtomicLong());
        AtomicLong cpuNanos = new AtomicLong();
        long started = System.nanoTime();
        int issued = run(threads, issuance, MEASURE_MILLIS, cpuNanos);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMillis = cpuNanos.get() / 1e6 / issued;
        System.out.printf(
                Locale.ROOT,
                "%-32s threads=%d  %8.1f certificates/s  (%d in %.1f s)  CPU %.2f ms per certificate = %.0f/s per idle core%n",
                scenario,
                threads,
                issued / seconds,
                issued,
                seconds,
                cpuMillis,
                1000 / cpuMillis);
    }

    private static int run(int threads, Runnable issuance, long millis, AtomicLong cpuNanos) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger issued = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> {
                long cpuAtStart = cpu.getCurrentThreadCpuTime();
                while (!stop.get()) {
                    issuance.run();
                    issued.incrementAndGet();
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuAtStart);
            }));
        }
        Thread.sleep(millis);
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return issued.get();
    }
}
