package org.openprofiles.adapter.ca;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * on one thread and on as many as there are cores. A figure printer, not a timed test; run it with
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
        CertificateSettings serverEc = CertificateSettings.builder().keyGeneration(KeyGeneration.SERVER).build();
        CertificateSettings serverRsa = serverEc.toBuilder().keyType(KeyType.rsa(2048)).build();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "cores: %d, issuing CA: %s%n", cores, ca.caCertificates().issuing().subject());

        for (int threads : new int[] {1, cores}) {
            AtomicInteger next = new AtomicInteger();
            measure("EC P-256 client key (PKCS#10)", threads,
                    () -> ca.issue(requests.get(Math.floorMod(next.getAndIncrement(), requests.size())), TestCa.ann(), clientKeys));
            measure("EC P-256 server key (PFX)", threads,
                    () -> ca.issueWithGeneratedKey(TestCa.ann(), serverEc, PfxPassword.of("benchmark", "pfxpassword")));
            measure("RSA 2048 server key (PFX)", threads,
                    () -> ca.issueWithGeneratedKey(TestCa.ann(), serverRsa, PfxPassword.of("benchmark", "pfxpassword")));
        }
    }

    private static void measure(String scenario, int threads, Runnable issuance) throws Exception {
        run(threads, issuance, WARM_UP_MILLIS);
        long started = System.nanoTime();
        int issued = run(threads, issuance, MEASURE_MILLIS);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%-32s threads=%d  %8.1f certificates/s  (%d in %.1f s, %.2f ms each per thread)%n",
                scenario, threads, issued / seconds, issued, seconds, seconds * 1000 * threads / issued);
    }

    private static int run(int threads, Runnable issuance, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger issued = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> {
                while (!stop.get()) {
                    issuance.run();
                    issued.incrementAndGet();
                }
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
