package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateRecord;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.pki.ArchivedKey;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignedCrl;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The contract of {@link CertificateRecords}: a record comes back numbered and complete, by
 * request, serial and (once assigned) profile; a taken serial writes nothing, and a request holds
 * one certificate; a holder's certificates in force are paged in issuance order without revoked
 * or expired ones; a revocation is recorded once and makes the issuer's CRL stale; an issuer's CRL
 * state starts at number 0, is locked by one unit of work at a time, and keeps the CRL stored.
 */
public abstract class CertificateRecordsContract extends StorageContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateRecords records() {
        return storage().certificateRecords();
    }

    private static IssuerId issuer() {
        byte[] id = new byte[20];
        RANDOM.nextBytes(id);
        return IssuerId.of(id);
    }

    /** A record of a fresh request of a fresh user, by {@code issuer}, valid until {@code notAfter}. */
    private CertificateRecord record(IssuerId issuer, Instant notAfter) {
        return record(issuer, notAfter, fixtures().user().id(), SerialNumber.random(RANDOM));
    }

    private CertificateRecord record(IssuerId issuer, Instant notAfter, UserId holder, SerialNumber serial) {
        CertificateRequest request = fixtures().storedRequest(holder, 0, Optional.empty(), Fixtures.NOW);
        ProfileTemplate template = storage().profileTemplates().referenced(request.template());
        byte[] der = new byte[64];
        RANDOM.nextBytes(der);
        return CertificateRecord.issued(
                new IssuedCertificate(issuer, serial, "CN=ann", Fixtures.NOW.minusSeconds(300), notAfter, der),
                "CN=Issuing CA",
                request,
                template,
                "agent-login",
                KeyGeneration.SERVER,
                Optional.of("ab".repeat(32)),
                Optional.of(new ArchivedKey("kra-1", new byte[] {1, 2, 3})),
                Fixtures.NOW);
    }

    private CertificateRecord stored(CertificateRecord record) {
        return records().add(record).orElseThrow();
    }

    @Test
    void aRecordComesBackNumberedWithEveryPartByRequestAndBySerial() {
        CertificateRecord record = record(issuer(), Fixtures.NOW.plus(Duration.ofDays(365)));
        CertificateRecord stored = stored(record);
        assertTrue(stored.number() > 0, "numbered by the storage");
        assertEquals(record.numbered(stored.number()).request(), stored.request());
        CertificateRecord found =
                records().findBySerial(record.certificate().serial()).orElseThrow();
        assertArrayEquals(record.certificate().der(), found.certificate().der());
        assertEquals(record.certificate().issuer(), found.certificate().issuer());
        assertEquals(record.certificate().notAfter(), found.certificate().notAfter());
        assertEquals(
                record.archivedKey().orElseThrow().recoveryKeyId(),
                found.archivedKey().orElseThrow().recoveryKeyId());
        assertArrayEquals(
                record.archivedKey().orElseThrow().envelope(),
                found.archivedKey().orElseThrow().envelope());
        assertEquals(
                List.of(
                        stored.number(),
                        "CN=Issuing CA",
                        "agent-login",
                        KeyGeneration.SERVER,
                        Optional.of("ab".repeat(32))),
                List.of(
                        found.number(),
                        found.issuerName(),
                        found.requesterName(),
                        found.keyGeneration(),
                        found.requestFingerprint()));
        assertEquals(Optional.empty(), found.profile());
        assertEquals(
                List.of(found.number()),
                records().ofRequest(record.request()).stream()
                        .map(CertificateRecord::number)
                        .toList());
        assertEquals(Optional.empty(), records().findBySerial(SerialNumber.random(RANDOM)));
    }

    @Test
    void aTakenSerialWritesNothingAndARequestHoldsOneCertificate() {
        CertificateRecord first = stored(record(issuer(), Fixtures.NOW.plusSeconds(3600)));
        CertificateRecord sameSerial = record(
                issuer(),
                Fixtures.NOW.plusSeconds(3600),
                fixtures().user().id(),
                first.certificate().serial());
        assertEquals(Optional.empty(), records().add(sameSerial));
        assertEquals(List.of(), records().ofRequest(sameSerial.request()));
        CertificateRecord sameRequest = new CertificateRecord(
                0,
                new IssuedCertificate(
                        first.certificate().issuer(),
                        SerialNumber.random(RANDOM),
                        "CN=ann",
                        Fixtures.NOW,
                        Fixtures.NOW.plusSeconds(60),
                        new byte[] {1}),
                first.issuerName(),
                first.request(),
                Optional.empty(),
                first.holder(),
                first.template(),
                first.templateName(),
                first.requesterName(),
                KeyGeneration.CLIENT,
                Optional.empty(),
                Optional.empty(),
                Fixtures.NOW,
                Optional.empty());
        assertThrows(
                IllegalStateException.class,
                () -> storage().transactions().inTransaction(() -> records().add(sameRequest)));
    }

    @Test
    void aRequestsCertificatesJoinTheProfileItCompletesWith() {
        CertificateRecord stored = stored(record(issuer(), Fixtures.NOW.plusSeconds(3600)));
        CertificateProfile profile = fixtures()
                .storedProfile(stored.holder(), storage().profileTemplates().referenced(stored.template()));
        assertEquals(List.of(), records().ofProfile(profile.id()));
        records().assignToProfile(stored.request(), profile.id());
        List<CertificateRecord> ofProfile = records().ofProfile(profile.id());
        assertEquals(1, ofProfile.size());
        assertEquals(Optional.of(profile.id()), ofProfile.get(0).profile());
    }

    @Test
    void aHoldersCertificatesInForceArePagedInIssuanceOrderWithoutRevokedOrExpiredOnes() {
        UserId holder = fixtures().user().id();
        IssuerId issuer = issuer();
        Instant later = Fixtures.NOW.plus(Duration.ofDays(30));
        List<CertificateRecord> inForce = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inForce.add(stored(record(issuer, later, holder, SerialNumber.random(RANDOM))));
        }
        CertificateRecord revoked = stored(record(issuer, later, holder, SerialNumber.random(RANDOM)));
        records()
                .revoke(new RevokedCertificate(
                        issuer, revoked.certificate().serial(), Fixtures.NOW, RevocationReason.KEY_COMPROMISE));
        stored(record(issuer, Fixtures.NOW.minusSeconds(1), holder, SerialNumber.random(RANDOM)));
        List<Long> listed = all(2, page -> records().inForceOf(holder, Fixtures.NOW, page)).stream()
                .map(CertificateRecord::number)
                .toList();
        assertEquals(inForce.stream().map(CertificateRecord::number).toList(), listed);
        assertFalse(records()
                .inForceOf(fixtures().user().id(), Fixtures.NOW, PageRequest.first(10))
                .nextCursor()
                .isPresent());
    }

    @Test
    void aRevocationIsRecordedOnceAndListedForTheIssuersCrlWhileTheCertificateIsValid() {
        IssuerId issuer = issuer();
        CertificateRecord valid = stored(record(issuer, Fixtures.NOW.plusSeconds(3600)));
        CertificateRecord expired = stored(record(issuer, Fixtures.NOW.minusSeconds(3600)));
        CertificateRecord untouched = stored(record(issuer, Fixtures.NOW.plusSeconds(3600)));
        Instant at = Fixtures.NOW.plusSeconds(5);
        for (CertificateRecord r : List.of(valid, expired)) {
            records().revoke(new RevokedCertificate(issuer, r.certificate().serial(), at, RevocationReason.SUPERSEDED));
        }
        records()
                .revoke(new RevokedCertificate(
                        issuer, valid.certificate().serial(), at.plusSeconds(60), RevocationReason.KEY_COMPROMISE));
        CertificateRecord revoked =
                records().findBySerial(valid.certificate().serial()).orElseThrow();
        assertEquals(
                Optional.of(new CertificateRecord.Revocation(at, RevocationReason.SUPERSEDED)),
                revoked.revocation(),
                "the first revocation stands");
        assertEquals(CertificateRecord.Standing.REVOKED, revoked.standingAt(Fixtures.NOW));
        assertEquals(
                Optional.empty(),
                records()
                        .findBySerial(untouched.certificate().serial())
                        .orElseThrow()
                        .revocation());
        List<RevokedCertificate> listed = storage()
                .transactions()
                .readOnly(() -> records().withRevocations(issuer, Fixtures.NOW, entries -> {
                    List<RevokedCertificate> copy = new ArrayList<>();
                    entries.forEach(copy::add);
                    return copy;
                }));
        assertEquals(
                List.of(new RevokedCertificate(issuer, valid.certificate().serial(), at, RevocationReason.SUPERSEDED)),
                listed);
    }

    @Test
    void anIssuersCrlStateStartsAtZeroKeepsItsCrlAndGoesStaleWithTheNextRevocation() {
        IssuerId issuer = issuer();
        CertificateRecords.CrlState first =
                storage().transactions().inTransaction(() -> records().lockCrl(issuer));
        assertEquals(BigInteger.ZERO, first.lastNumber());
        assertTrue(first.stale(), "no CRL yet");
        assertEquals(Optional.empty(), first.latest());
        SignedCrl crl = new SignedCrl(
                issuer, BigInteger.ONE, Fixtures.NOW, Fixtures.NOW.plusSeconds(86_400), new byte[] {9, 8});
        storage().transactions().run(() -> {
            records().lockCrl(issuer);
            records().storeCrl(crl);
        });
        CertificateRecords.CrlState stored =
                storage().transactions().inTransaction(() -> records().lockCrl(issuer));
        assertFalse(stored.stale());
        assertEquals(BigInteger.ONE, stored.lastNumber());
        assertArrayEquals(crl.der(), stored.latest().orElseThrow().der());
        assertEquals(crl.nextUpdate(), stored.latest().orElseThrow().nextUpdate());
        CertificateRecord record = stored(record(issuer, Fixtures.NOW.plusSeconds(3600)));
        records()
                .revoke(new RevokedCertificate(
                        issuer, record.certificate().serial(), Fixtures.NOW, RevocationReason.UNSPECIFIED));
        CertificateRecords.CrlState stale =
                storage().transactions().inTransaction(() -> records().lockCrl(issuer));
        assertTrue(stale.stale());
        assertEquals(BigInteger.ONE, stale.lastNumber(), "the number is kept");
    }

    @Test
    void oneUnitOfWorkAtATimeHoldsAnIssuersCrl() throws Exception {
        IssuerId issuer = issuer();
        storage().transactions().inTransaction(() -> records().lockCrl(issuer));
        SignedCrl next =
                new SignedCrl(issuer, BigInteger.TWO, Fixtures.NOW, Fixtures.NOW.plusSeconds(60), new byte[] {1});
        CertificateRecords.CrlState seen = secondWaitsForTheFirst(
                () -> records().lockCrl(issuer),
                held -> records().storeCrl(next),
                () -> records().lockCrl(issuer));
        assertEquals(BigInteger.TWO, seen.lastNumber(), "the second sees the first one's CRL");
    }
}
