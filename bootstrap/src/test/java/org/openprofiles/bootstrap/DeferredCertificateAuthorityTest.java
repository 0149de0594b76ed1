package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;

/**
 * The CA is bound once the server serves and its keys are read: a request that needs it before
 * then waits for it instead of failing, while the health check answers at once.
 */
class DeferredCertificateAuthorityTest {

    private static final byte[] CERTIFICATES = {1, 2, 3};

    /** A CA whose only answer is {@link #CERTIFICATES}. */
    private static CertificateAuthority authority() {
        return (CertificateAuthority) Proxy.newProxyInstance(
                CertificateAuthority.class.getClassLoader(),
                new Class<?>[] {CertificateAuthority.class},
                (proxy, method, args) -> CERTIFICATES);
    }

    @Test
    void aCallerBeforeTheBindWaitsForTheAuthorityWhileTheHealthCheckDoesNot() throws Exception {
        DeferredCertificateAuthority deferred = new DeferredCertificateAuthority();

        CompletableFuture<byte[]> request = CompletableFuture.supplyAsync(() -> deferred.certificatesOnly(new byte[0]));
        assertThrows(
                CertificateAuthorityUnavailable.class,
                () -> deferred.withoutWaiting().certificatesOnly(new byte[0]),
                "the health check says unavailable at once");
        Thread.sleep(200);
        assertFalse(request.isDone(), "the request waits");

        deferred.bind(authority());

        assertSame(CERTIFICATES, request.get(5, TimeUnit.SECONDS));
        assertSame(CERTIFICATES, deferred.withoutWaiting().certificatesOnly(new byte[0]));
    }

    @Test
    void aRequestThatNeedsTheAuthorityHasItOpenedAtOnceTheHealthCheckDoesNot() throws Exception {
        DeferredCertificateAuthority deferred = new DeferredCertificateAuthority();

        long before = System.nanoTime();
        assertThrows(
                CertificateAuthorityUnavailable.class,
                () -> deferred.withoutWaiting().certificatesOnly(new byte[0]));
        deferred.awaitNeed(Duration.ofMillis(300));
        assertTrue(System.nanoTime() - before >= 300_000_000L, "the health check asked for nothing");

        CompletableFuture<Void> opener = CompletableFuture.runAsync(() -> {
            deferred.awaitNeed(Duration.ofSeconds(30));
            deferred.bind(authority());
        });
        assertSame(CERTIFICATES, deferred.certificatesOnly(new byte[0]), "opened for the request, not 30 s later");
        opener.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallerGetsTheUsualUnavailableWhenTheAuthorityIsNotBoundInTime() {
        DeferredCertificateAuthority deferred = new DeferredCertificateAuthority(Duration.ofMillis(100));

        CertificateAuthorityUnavailable unavailable =
                assertThrows(CertificateAuthorityUnavailable.class, () -> deferred.certificatesOnly(new byte[0]));
        assertEquals("the certificate authority is not started yet", unavailable.getMessage());
    }
}
