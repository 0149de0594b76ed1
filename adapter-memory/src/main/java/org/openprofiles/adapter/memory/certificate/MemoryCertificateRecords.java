package org.openprofiles.adapter.memory.certificate;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryCursors;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.adapter.memory.shared.Table;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRecord;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignedCrl;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Issued certificates by serial number (unique, as the database's index makes it), numbered in
 * issuance order, and each issuer's CRL state. Lists scan and sort in memory.
 */
final class MemoryCertificateRecords implements CertificateRecords {

    private final MemoryTransactions transactions;
    private final Table<SerialNumber, CertificateRecord> records;
    private final Table<IssuerId, CrlState> crls;
    // Like a database sequence, numbers taken by a rolled-back unit of work are not reused.
    private final AtomicLong sequence = new AtomicLong();

    MemoryCertificateRecords(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.records = new Table<>(transactions);
        this.crls = new Table<>(transactions);
    }

    @Override
    public Optional<CertificateRecord> add(CertificateRecord record) {
        return transactions.write(() -> {
            SerialNumber serial = record.certificate().serial();
            if (records.contains(serial)) {
                return Optional.<CertificateRecord>empty();
            }
            if (records.rows().stream().anyMatch(r -> r.request().equals(record.request()))) {
                throw new IllegalStateException("request " + record.request() + " has a certificate already");
            }
            CertificateRecord stored = record.numbered(sequence.incrementAndGet());
            records.put(serial, stored);
            return Optional.of(stored);
        });
    }

    @Override
    public List<CertificateRecord> ofRequest(RequestId request) {
        return inIssuanceOrder(r -> r.request().equals(request));
    }

    @Override
    public List<CertificateRecord> ofProfile(CertificateProfileId profile) {
        return inIssuanceOrder(r -> r.profile().filter(profile::equals).isPresent());
    }

    @Override
    public Page<CertificateRecord> inForceOf(UserId holder, Instant now, PageRequest page) {
        Optional<Long> after = page.cursor()
                .map(c -> MemoryCursors.number(MemoryCursors.decode(c, 1).get(0)));
        return transactions.read(() -> Listing.page(
                records.rows().stream()
                        .filter(r ->
                                r.holder().equals(holder) && r.standingAt(now) == CertificateRecord.Standing.IN_FORCE)
                        .toList(),
                CertificateRecord::number,
                Comparator.<Long>naturalOrder(),
                after,
                page,
                last -> MemoryCursors.encode(Long.toString(last.number()))));
    }

    @Override
    public void assignToProfile(RequestId request, CertificateProfileId profile) {
        transactions.write(() -> {
            records.rows().stream()
                    .filter(r -> r.request().equals(request))
                    .forEach(r -> records.put(r.certificate().serial(), r.inProfile(profile)));
            return null;
        });
    }

    @Override
    public void revoke(RevokedCertificate revocation) {
        transactions.write(() -> {
            records.get(revocation.serial())
                    .filter(r -> r.certificate().issuer().equals(revocation.issuer()))
                    .filter(r -> r.revocation().isEmpty())
                    .ifPresent(r -> {
                        records.put(
                                revocation.serial(),
                                r.revoked(
                                        new CertificateRecord.Revocation(revocation.revokedAt(), revocation.reason())));
                        CrlState state = crls.get(revocation.issuer()).orElseGet(() -> fresh(revocation.issuer()));
                        crls.put(
                                revocation.issuer(),
                                new CrlState(state.issuer(), state.lastNumber(), state.latest(), true));
                    });
            return null;
        });
    }

    @Override
    public Optional<CertificateRecord> findBySerial(SerialNumber serial) {
        return transactions.read(() -> records.get(serial));
    }

    @Override
    public CrlState lockCrl(IssuerId issuer) {
        // Asked as a change: the writers' lock is held until the unit of work ends.
        return transactions.write(() -> {
            if (!crls.contains(issuer)) {
                crls.put(issuer, fresh(issuer));
            }
            return crls.get(issuer).orElseThrow();
        });
    }

    @Override
    public void storeCrl(SignedCrl crl) {
        transactions.write(() -> {
            crls.put(crl.issuer(), new CrlState(crl.issuer(), crl.number(), Optional.of(crl), false));
            return null;
        });
    }

    @Override
    public <T> T withRevocations(IssuerId issuer, Instant notExpiredAt, Function<Iterable<RevokedCertificate>, T> use) {
        return transactions.read(() -> use.apply(records.rows().stream()
                .filter(r -> r.certificate().issuer().equals(issuer))
                .filter(r -> r.revocation().isPresent())
                .filter(r -> !r.certificate().notAfter().isBefore(notExpiredAt))
                .map(r -> new RevokedCertificate(
                        issuer,
                        r.certificate().serial(),
                        r.revocation().get().at(),
                        r.revocation().get().reason()))
                .toList()));
    }

    private static CrlState fresh(IssuerId issuer) {
        return new CrlState(issuer, BigInteger.ZERO, Optional.empty(), true);
    }

    private List<CertificateRecord> inIssuanceOrder(Predicate<CertificateRecord> filter) {
        return transactions.read(() -> records.rows().stream()
                .filter(filter)
                .sorted(Comparator.comparingLong(CertificateRecord::number))
                .toList());
    }
}
