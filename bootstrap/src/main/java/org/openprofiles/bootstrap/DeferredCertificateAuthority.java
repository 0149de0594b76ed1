package org.openprofiles.bootstrap;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openprofiles.domain.certificate.pki.ArchivedKey;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.CertificateHolder;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateSigningRequest;
import org.openprofiles.domain.certificate.pki.CrlRequest;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuedKeyPair;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.PfxPassword;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevocationStatusLookup;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignedCrl;

/**
 * The certificate authority the use cases are wired with before it exists: the embedded CA puts
 * the server's own address into issued certificates when no public base URL is set, and that
 * address (a port of 0 picks one) is known only once the listener is bound; and its keys are read
 * only after the server started serving (decrypting them is CPU-heavy, and the CA is not needed
 * for readiness). A request that needs the CA before it is {@linkplain #bind bound} says so
 * ({@link #awaitNeed} returns: the server opens the CA now) and waits for it, up to
 * {@link #START_WAIT}, then gets the CA's usual 503; the health check neither waits nor asks for
 * it ({@link #withoutWaiting}).
 */
final class DeferredCertificateAuthority implements CertificateAuthority {

    /** How long a request that needs the CA waits for it while the server starts. */
    static final Duration START_WAIT = Duration.ofSeconds(10);

    private final CompletableFuture<CertificateAuthority> bound;
    private final CompletableFuture<Void> needed;
    private final Duration wait;

    DeferredCertificateAuthority() {
        this(START_WAIT);
    }

    /** One whose callers wait up to {@code wait} for the bind. */
    DeferredCertificateAuthority(Duration wait) {
        this(new CompletableFuture<>(), new CompletableFuture<>(), wait);
    }

    private DeferredCertificateAuthority(
            CompletableFuture<CertificateAuthority> bound, CompletableFuture<Void> needed, Duration wait) {
        this.bound = bound;
        this.needed = needed;
        this.wait = wait;
    }

    /** From now on every call goes to {@code authority}; callers waiting for it go on. */
    void bind(CertificateAuthority authority) {
        bound.complete(authority);
    }

    /** The same CA for callers that must answer at once (a health check): unavailable until bound. */
    DeferredCertificateAuthority withoutWaiting() {
        return new DeferredCertificateAuthority(bound, needed, Duration.ZERO);
    }

    /**
     * Returns once a request needs the CA (or {@link #needNow} was called), or after
     * {@code atMost}, whichever comes first.
     */
    void awaitNeed(Duration atMost) {
        try {
            needed.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Time is up: open it anyway.
        }
    }

    /** Lets {@link #awaitNeed} return at once (the server stops, say). */
    void needNow() {
        needed.complete(null);
    }

    private CertificateAuthority target() {
        CertificateAuthority authority = bound.getNow(null);
        if (authority == null && !wait.isZero()) {
            needNow();
            try {
                authority = bound.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Unavailable, as below.
            }
        }
        if (authority == null) {
            throw new CertificateAuthorityUnavailable("the certificate authority is not started yet");
        }
        return authority;
    }

    @Override
    public IssuedCertificate issue(
            CertificateSigningRequest request, CertificateHolder holder, CertificateSettings settings) {
        return target().issue(request, holder, settings);
    }

    @Override
    public IssuedKeyPair issueWithGeneratedKey(
            CertificateHolder holder, CertificateSettings settings, PfxPassword password) {
        return target().issueWithGeneratedKey(holder, settings, password);
    }

    @Override
    public byte[] certificatesOnly(byte[] certificateDer) {
        return target().certificatesOnly(certificateDer);
    }

    @Override
    public RevokedCertificate revoke(IssuerId issuer, SerialNumber serial, RevocationReason reason, Instant revokedAt) {
        return target().revoke(issuer, serial, reason, revokedAt);
    }

    @Override
    public SignedCrl signCrl(CrlRequest request, Iterable<RevokedCertificate> entries) {
        return target().signCrl(request, entries);
    }

    @Override
    public byte[] answerOcsp(byte[] ocspRequestDer, RevocationStatusLookup lookup) {
        return target().answerOcsp(ocspRequestDer, lookup);
    }

    @Override
    public CaCertificates caCertificates() {
        return target().caCertificates();
    }

    @Override
    public byte[] recoverKey(ArchivedKey archived, byte[] certificateDer, PfxPassword password) {
        return target().recoverKey(archived, certificateDer, password);
    }
}
