package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.openprofiles.domain.certificate.pki.ArchivedKey;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.CertificateContent;
import org.openprofiles.domain.certificate.pki.CertificateHolder;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateSigningRequest;
import org.openprofiles.domain.certificate.pki.CrlRequest;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuedKeyPair;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.PfxPassword;
import org.openprofiles.domain.certificate.pki.PkiLocations;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevocationStatusLookup;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignatureHash;
import org.openprofiles.domain.certificate.pki.SignedCrl;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in certificate authority on BouncyCastle: a root and an issuing CA whose keys live
 * encrypted in PKCS#12 keystores in the data directory (created on first start), or an operator's
 * existing CA keystore.
 *
 * <p>Nothing is read from disk until first needed ({@link #start()} does it eagerly). When the
 * keystore cannot be opened every signing call throws {@link CertificateAuthorityUnavailable}
 * with the one-line reason, and opening is tried again (at most every few seconds), so a repaired
 * keystore is picked up without a restart. Thread-safe; keys are held in memory once read.
 */
public final class EmbeddedCertificateAuthority implements CertificateAuthority {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCertificateAuthority.class);
    /** After a failure to open the keystore, how long calls fail fast before it is tried again. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
    /** An issuing CA with less time left than this cannot give a full certificate lifetime much longer. */
    private static final Duration ROTATION_WARNING = Duration.ofDays(400);

    private final EmbeddedCaSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final CaFiles files;
    private final CaSetup setup;
    private final PkiLocations locations;
    private final OcspResponder ocsp = new OcspResponder();
    private final RecentlySigned justSigned = new RecentlySigned();
    private final long retryNanos;

    private volatile CaKeys keys;
    private long failedAtNanos;
    private String failure;

    public EmbeddedCertificateAuthority(EmbeddedCaSettings settings, Clock clock) {
        this(settings, clock, RETRY_INTERVAL);
    }

    EmbeddedCertificateAuthority(EmbeddedCaSettings settings, Clock clock, Duration retryInterval) {
        this.retryNanos = retryInterval.toNanos();
        this.settings = settings;
        this.clock = clock;
        this.files = new CaFiles(settings, random);
        this.setup = new CaSetup(random);
        this.locations = settings.locations();
    }

    /**
     * Opens the CA now, creating it on first start.
     *
     * @throws CertificateAuthorityUnavailable with a one-line reason (wrong password, unreadable or
     *     damaged keystore, missing key) that names files but never secrets
     */
    public CaCertificates start() {
        return keys().certificates();
    }

    /**
     * Replaces the issuing CA with a new one under the same root (same key algorithm as set now).
     * The old one stays in the keystore, retired: it no longer issues but still signs CRLs and
     * OCSP answers for its certificates. Only for the embedded keystore, which holds the root key.
     */
    public synchronized CaCertificates rotateIssuingCa() {
        if (files.operatorKeystore()) {
            throw new IllegalStateException("an operator's CA keystore is never written: add the new issuing key to it"
                    + " and set the key alias");
        }
        CaKeys current = keys();
        CaSigner root =
                current.root().orElseThrow(() -> new IllegalStateException("the root key is not in the CA keystore"));
        char[] password = files.password();
        try {
            Path path = files.caKeystore();
            KeyStore store = files.load(path, password, "CA keystore")
                    .orElseThrow(
                            () -> new CertificateAuthorityUnavailable("the CA keystore " + path + " has disappeared"));
            Instant now = clock.instant();
            CaSigner retiring = current.issuing();
            setup.put(store, CaSetup.retiredAlias(retiring, now), retiring, password);
            CaSigner fresh = setup.newIssuing(root, settings.algorithm(), settings.caName(), locations, now);
            setup.put(store, CaKeys.ISSUING_ALIAS, fresh, password);
            files.replace(path, store, password);
            LOG.info(
                    "Rotated the issuing CA: '{}' ({}) now issues; '{}' ({}) is retired and still signs CRLs and OCSP answers",
                    subject(fresh),
                    fresh.id(),
                    subject(retiring),
                    retiring.id());
            keys = open();
            return keys.certificates();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public IssuedCertificate issue(
            CertificateSigningRequest request, CertificateHolder holder, CertificateSettings settings) {
        if (settings.keyGeneration() == KeyGeneration.SERVER) {
            throw new Invalid(
                    "key_generated_by_server",
                    request.field(),
                    "this template has the server generate the key: send a PFX password, not a certificate request");
        }
        ClientRequests.ClientRequest checked = ClientRequests.read(request, settings.acceptedKeys());
        CertificateContent content =
                settings.contentFor(holder, checked.keyType().algorithm());
        List<Invalid.Violation> violations = content.violationsOf(checked.requested(), request.field());
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        CaSigner issuer = keys().issuing();
        IssuedCertificate issued =
                describe(sign(checked.key(), content, settings.signatureHash(), issuer), content, issuer);
        justSigned.remember(issued.der(), issuer);
        return issued;
    }

    @Override
    public IssuedKeyPair issueWithGeneratedKey(
            CertificateHolder holder, CertificateSettings settings, PfxPassword password) {
        char[] secret = password.chars();
        try {
            if (settings.keyGeneration() == KeyGeneration.CLIENT) {
                throw new Invalid(
                        "key_generated_by_client",
                        CertificateSettings.FIELD + ".keyGeneration",
                        "this template has the client make its key: send a PKCS#10 certificate request");
            }
            CertificateContent content =
                    settings.contentFor(holder, settings.keyType().algorithm());
            CaKeys current = keys();
            CaSigner issuer = current.issuing();
            KeyPair pair = Bc.generate(settings.keyType(), random);
            X509CertificateHolder certificate =
                    sign(CertificateMaker.keyInfo(pair.getPublic()), content, settings.signatureHash(), issuer);
            byte[] pfx =
                    Pkcs12.write(pair.getPrivate(), chain(certificate, issuer), holder.displayName(), secret, random);
            Optional<ArchivedKey> archived = settings.archiveKeys()
                    ? Optional.of(KeyArchive.archive(pair.getPrivate(), current.currentRecoveryKey(), random))
                    : Optional.empty();
            return new IssuedKeyPair(describe(certificate, content, issuer), pfx, archived);
        } finally {
            Arrays.fill(secret, '\0');
            password.clear();
        }
    }

    @Override
    public byte[] certificatesOnly(byte[] certificateDer) {
        X509CertificateHolder certificate = Bc.holder(certificateDer);
        CaKeys current = keys();
        // A certificate this CA has just signed needs no signature check to know its issuer (the
        // check costs as much as signing it); any other is checked against every issuing CA.
        CaSigner issuer = justSigned.issuerOf(certificateDer, current).orElseGet(() -> issuerOf(certificate, current));
        return CertsOnly.of(chain(certificate, issuer));
    }

    /**
     * Checks the revocation and hands it back for storage. The embedded CA keeps no records, so a
     * revocation is accepted even while the keystore cannot be opened; the issuer is checked when
     * the keys are at hand.
     */
    @Override
    public RevokedCertificate revoke(IssuerId issuer, SerialNumber serial, RevocationReason reason, Instant revokedAt) {
        if (!reason.forUserCertificates()) {
            throw new Invalid(
                    "revocation_reason_not_allowed",
                    "reason",
                    "a user's certificate cannot be revoked for " + reason + "; use another RFC 5280 reason");
        }
        CaKeys current = keys;
        if (current == null) {
            try {
                current = keys();
            } catch (CertificateAuthorityUnavailable e) {
                LOG.info("Revocation of {} recorded while the CA cannot sign; CRL and OCSP follow once it can", serial);
            }
        }
        if (current != null && !current.issuers().containsKey(issuer)) {
            throw new NotFound(
                    "issuer_not_found", "issuer", "issuer " + issuer + " is not an issuing CA of this service");
        }
        return new RevokedCertificate(issuer, serial, revokedAt, reason);
    }

    @Override
    public SignedCrl signCrl(CrlRequest request, Iterable<RevokedCertificate> entries) {
        CaSigner signer = keys().crlSigner(request.issuer())
                .orElseThrow(() -> new NotFound(
                        "issuer_not_found", "issuer", "this CA cannot sign CRLs for issuer " + request.issuer()));
        return Crls.sign(signer, Bc.hashFor(signer.key()), request, entries);
    }

    @Override
    public byte[] answerOcsp(byte[] ocspRequestDer, RevocationStatusLookup lookup) {
        CaKeys current;
        try {
            current = keys();
        } catch (CertificateAuthorityUnavailable e) {
            return OcspResponder.tryLater();
        }
        OcspResponder.Signers signers = new OcspResponder.Signers() {
            @Override
            public Collection<CaSigner> issuing() {
                return current.issuers().values();
            }

            @Override
            public SignatureHash hash(CaSigner signer) {
                return Bc.hashFor(signer.key());
            }
        };
        return ocsp.answer(ocspRequestDer, signers, lookup, clock.instant(), settings.ocspValidity());
    }

    @Override
    public CaCertificates caCertificates() {
        return keys().certificates();
    }

    @Override
    public byte[] recoverKey(ArchivedKey archived, byte[] certificateDer, PfxPassword password) {
        char[] secret = password.chars();
        try {
            X509CertificateHolder certificate = Bc.holder(certificateDer);
            CaKeys current = keys();
            PrivateKey key = KeyArchive.open(archived, current.recoveryKeys());
            CaSigner issuer = issuerOf(certificate, current);
            if (!Bc.matches(key, Bc.certificate(certificate).getPublicKey())) {
                throw new IllegalArgumentException("the archived key does not belong to this certificate");
            }
            String friendlyName = Bc.distinguishedName(certificate.getSubject()).toString();
            return Pkcs12.write(key, chain(certificate, issuer), friendlyName, secret, random);
        } finally {
            Arrays.fill(secret, '\0');
            password.clear();
        }
    }

    private X509CertificateHolder sign(
            SubjectPublicKeyInfo key, CertificateContent content, SignatureHash hash, CaSigner issuer) {
        return CertificateMaker.user(
                key, content, issuer, hash, SerialNumber.random(random), clock.instant(), locations);
    }

    private static IssuedCertificate describe(
            X509CertificateHolder certificate, CertificateContent content, CaSigner issuer) {
        try {
            return new IssuedCertificate(
                    issuer.id(),
                    new SerialNumber(certificate.getSerialNumber()),
                    content.subject().toString(),
                    certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(),
                    certificate.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("a certificate just signed does not encode", e);
        }
    }

    private static List<X509CertificateHolder> chain(X509CertificateHolder certificate, CaSigner issuer) {
        List<X509CertificateHolder> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return chain;
    }

    /** The issuing CA (current or retired) that signed {@code certificate}, checked by its signature. */
    private static CaSigner issuerOf(X509CertificateHolder certificate, CaKeys current) {
        byte[] authorityKey = Bc.authorityKeyIdentifier(certificate);
        for (CaSigner issuer : current.issuers().values()) {
            boolean named = authorityKey != null
                    ? issuer.id().equals(IssuerId.of(authorityKey))
                    : issuer.certificate().getSubject().equals(certificate.getIssuer());
            if (named && signedBy(certificate, issuer)) {
                return issuer;
            }
        }
        throw new IllegalArgumentException("the certificate was not issued by this CA");
    }

    private static boolean signedBy(X509CertificateHolder certificate, CaSigner issuer) {
        try {
            return certificate.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(Bc.PROVIDER)
                    .build(issuer.certificate()));
        } catch (Exception e) {
            return false;
        }
    }

    /** The keys, opened on first use; after a failure, tried again at most every retry interval. */
    private CaKeys keys() {
        CaKeys current = keys;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (keys != null) {
                return keys;
            }
            if (failure != null && System.nanoTime() - failedAtNanos < retryNanos) {
                throw new CertificateAuthorityUnavailable(failure);
            }
            try {
                keys = open();
                failure = null;
                return keys;
            } catch (CertificateAuthorityUnavailable e) {
                failure = e.getMessage();
                failedAtNanos = System.nanoTime();
                LOG.warn("The certificate authority cannot sign: {}", failure);
                throw e;
            }
        }
    }

    private CaKeys open() {
        files.ensureDirectory();
        char[] password = files.password();
        try {
            KeyStore ca = loadOrCreate(files.caKeystore(), "CA keystore", password, () -> {
                if (files.operatorKeystore()) {
                    throw new CertificateAuthorityUnavailable(
                            "the CA keystore " + files.caKeystore() + " does not exist");
                }
                return setup.newCa(settings.algorithm(), settings.caName(), locations, clock.instant(), password);
            });
            KeyStore recovery = loadOrCreate(
                    files.recoveryKeystore(),
                    "key-recovery keystore",
                    password,
                    () -> setup.newRecovery(settings.caName(), clock.instant(), password));
            CaKeys opened =
                    CaKeys.read(ca, recovery, password, settings.keyAlias(), "CA keystore " + files.caKeystore());
            logOpened(opened);
            return opened;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void logOpened(CaKeys opened) {
        CaSigner issuing = opened.issuing();
        LOG.info(
                "Certificate authority ready: issuing CA '{}' ({}), valid until {}; {} earlier issuing CA(s)",
                subject(issuing),
                issuing.id(),
                issuing.notAfter(),
                opened.issuers().size() - 1);
        if (issuing.notAfter().isBefore(clock.instant().plus(ROTATION_WARNING))) {
            LOG.warn(
                    "The issuing CA '{}' expires on {}: certificates are cut short at that date; rotate it",
                    subject(issuing),
                    issuing.notAfter());
        }
    }

    /** The keystore at {@code path}; when there is none, {@code creator}'s, written unless another instance wrote one first. */
    private KeyStore loadOrCreate(Path path, String what, char[] password, Supplier<KeyStore> creator) {
        Optional<KeyStore> existing = files.load(path, password, what);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyStore created = creator.get();
        if (files.createNew(path, created, password)) {
            LOG.info("Created the {} {} (owner-only, keys encrypted with the keystore password)", what, path);
            return created;
        }
        return files.load(path, password, what)
                .orElseThrow(() -> new CertificateAuthorityUnavailable(
                        "the " + what + " " + path + " vanished while it was being created"));
    }

    private static String subject(CaSigner signer) {
        return Bc.distinguishedName(signer.certificate().getSubject()).toString();
    }
}
