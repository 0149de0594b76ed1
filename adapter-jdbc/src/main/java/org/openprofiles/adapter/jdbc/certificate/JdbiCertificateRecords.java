package org.openprofiles.adapter.jdbc.certificate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.shared.Sql;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRecord;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.certificate.pki.ArchivedKey;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignedCrl;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Issued certificates in {@code issued_certificate} (serial numbers unique by index, one per
 * request), and each issuer's latest CRL in {@code certificate_revocation_list}. A revocation marks
 * the issuer's CRL stale in the same transaction, so the next reader signs a fresh one.
 */
public final class JdbiCertificateRecords implements CertificateRecords {

    private static final String COLUMNS = "seq, issuer_id, issuer_name, serial, subject, not_before, not_after, der, "
            + "request_id, profile_id, holder_id, template_id, template_name, requester_name, key_generation, "
            + "request_fingerprint, recovery_key_id, archived_key, issued_at, revoked_at, revocation_reason";

    private final JdbiTransactions db;

    public JdbiCertificateRecords(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Optional<CertificateRecord> add(CertificateRecord r) {
        IssuedCertificate c = r.certificate();
        try {
            return db.withHandle(h -> h.createQuery("""
                            INSERT INTO issued_certificate (issuer_id, issuer_name, serial, subject, not_before, not_after,
                                                            der, request_id, profile_id, holder_id, template_id,
                                                            template_name, requester_name, key_generation,
                                                            request_fingerprint, recovery_key_id, archived_key, issued_at)
                            VALUES (:issuer, :issuerName, :serial, :subject, :notBefore, :notAfter, :der, :request,
                                    :profile, :holder, :template, :templateName, :requesterName, :keyGeneration,
                                    :fingerprint, :recoveryKeyId, :archivedKey, :issuedAt)
                            ON CONFLICT (serial) DO NOTHING
                            RETURNING seq
                            """)
                    .bind("issuer", c.issuer().value())
                    .bind("issuerName", r.issuerName())
                    .bind("serial", c.serial().hex())
                    .bind("subject", c.subject())
                    .bind("notBefore", c.notBefore())
                    .bind("notAfter", c.notAfter())
                    .bind("der", c.der())
                    .bind("request", r.request().value())
                    .bind(
                            "profile",
                            r.profile().map(CertificateProfileId::value).orElse(null))
                    .bind("holder", r.holder().value())
                    .bind("template", r.template().value())
                    .bind("templateName", r.templateName())
                    .bind("requesterName", r.requesterName())
                    .bind("keyGeneration", r.keyGeneration().name().toLowerCase(Locale.ROOT))
                    .bind("fingerprint", r.requestFingerprint().orElse(null))
                    .bind(
                            "recoveryKeyId",
                            r.archivedKey().map(ArchivedKey::recoveryKeyId).orElse(null))
                    .bind(
                            "archivedKey",
                            r.archivedKey().map(ArchivedKey::envelope).orElse(null))
                    .bind("issuedAt", r.issuedAt())
                    .mapTo(Long.class)
                    .findOne()
                    .map(r::numbered));
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new IllegalStateException("request " + r.request() + " has a certificate already", e);
            }
            throw e;
        }
    }

    @Override
    public List<CertificateRecord> ofRequest(RequestId request) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM issued_certificate WHERE request_id = :request ORDER BY seq")
                .bind("request", request.value())
                .map(JdbiCertificateRecords::row)
                .list());
    }

    @Override
    public List<CertificateRecord> ofProfile(CertificateProfileId profile) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM issued_certificate WHERE profile_id = :profile ORDER BY seq")
                .bind("profile", profile.value())
                .map(JdbiCertificateRecords::row)
                .list());
    }

    @Override
    public Page<CertificateRecord> inForceOf(UserId holder, Instant now, PageRequest page) {
        long after = page.cursor()
                .map(c -> JdbiCertificateProfiles.afterSeq(
                        db.cursors().decode(c, 1).get(0)))
                .orElse(0L);
        List<CertificateRecord> rows = db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM issued_certificate
                        WHERE holder_id = :holder AND revoked_at IS NULL AND seq > :after AND not_after >= :now
                        ORDER BY seq
                        LIMIT :limit
                        """)
                .bind("holder", holder.value())
                .bind("after", after)
                .bind("now", now)
                .bind("limit", page.limit() + 1)
                .map(JdbiCertificateRecords::row)
                .list());
        return Keyset.page(rows, page.limit(), last -> db.cursors().encode(Long.toString(last.number())));
    }

    @Override
    public void assignToProfile(RequestId request, CertificateProfileId profile) {
        db.withHandle(
                h -> h.createUpdate("UPDATE issued_certificate SET profile_id = :profile WHERE request_id = :request")
                        .bind("profile", profile.value())
                        .bind("request", request.value())
                        .execute());
    }

    @Override
    public void revoke(RevokedCertificate revocation) {
        db.withHandle(h -> {
            int revoked = h.createUpdate("""
                            UPDATE issued_certificate SET revoked_at = :at, revocation_reason = :reason
                             WHERE serial = :serial AND issuer_id = :issuer AND revoked_at IS NULL
                            """)
                    .bind("at", revocation.revokedAt())
                    .bind("reason", revocation.reason().code())
                    .bind("serial", revocation.serial().hex())
                    .bind("issuer", revocation.issuer().value())
                    .execute();
            if (revoked > 0) {
                h.createUpdate("""
                                INSERT INTO certificate_revocation_list (issuer_id, stale) VALUES (:issuer, true)
                                ON CONFLICT (issuer_id) DO UPDATE SET stale = true
                                """).bind("issuer", revocation.issuer().value()).execute();
            }
            return null;
        });
    }

    @Override
    public Optional<CertificateRecord> findBySerial(SerialNumber serial) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM issued_certificate WHERE serial = :serial")
                .bind("serial", serial.hex())
                .map(JdbiCertificateRecords::row)
                .findOne());
    }

    @Override
    public CrlState lockCrl(IssuerId issuer) {
        return db.withHandle(h -> {
            h.createUpdate("""
                            INSERT INTO certificate_revocation_list (issuer_id) VALUES (:issuer)
                            ON CONFLICT (issuer_id) DO NOTHING
                            """).bind("issuer", issuer.value()).execute();
            return h.createQuery("""
                            SELECT last_number, this_update, next_update, der, stale
                              FROM certificate_revocation_list WHERE issuer_id = :issuer FOR UPDATE
                            """)
                    .bind("issuer", issuer.value())
                    .map((rs, ctx) -> {
                        BigInteger number = rs.getBigDecimal("last_number").toBigIntegerExact();
                        byte[] der = rs.getBytes("der");
                        Optional<SignedCrl> latest = der == null
                                ? Optional.empty()
                                : Optional.of(new SignedCrl(
                                        issuer,
                                        number,
                                        rs.getObject("this_update", OffsetDateTime.class)
                                                .toInstant(),
                                        rs.getObject("next_update", OffsetDateTime.class)
                                                .toInstant(),
                                        der));
                        return new CrlState(issuer, number, latest, rs.getBoolean("stale"));
                    })
                    .one();
        });
    }

    @Override
    public void storeCrl(SignedCrl crl) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE certificate_revocation_list
                           SET last_number = :number, this_update = :thisUpdate, next_update = :nextUpdate, der = :der,
                               stale = false
                         WHERE issuer_id = :issuer
                        """)
                .bind("number", new BigDecimal(crl.number()))
                .bind("thisUpdate", crl.thisUpdate())
                .bind("nextUpdate", crl.nextUpdate())
                .bind("der", crl.der())
                .bind("issuer", crl.issuer().value())
                .execute());
    }

    @Override
    public <T> T withRevocations(IssuerId issuer, Instant notExpiredAt, Function<Iterable<RevokedCertificate>, T> use) {
        return db.withHandle(h -> {
            ResultIterable<RevokedCertificate> revocations = h.createQuery("""
                            SELECT serial, revoked_at, revocation_reason FROM issued_certificate
                             WHERE issuer_id = :issuer AND revoked_at IS NOT NULL AND not_after >= :notExpiredAt
                            """)
                    .bind("issuer", issuer.value())
                    .bind("notExpiredAt", notExpiredAt)
                    .setFetchSize(1000)
                    .map((rs, ctx) -> new RevokedCertificate(
                            issuer,
                            SerialNumber.ofHex(rs.getString("serial")),
                            rs.getObject("revoked_at", OffsetDateTime.class).toInstant(),
                            RevocationReason.ofCode(rs.getInt("revocation_reason"), "revocation_reason")));
            return use.apply(revocations);
        });
    }

    private static CertificateRecord row(ResultSet rs, StatementContext ctx) throws SQLException {
        IssuedCertificate certificate = new IssuedCertificate(
                new IssuerId(rs.getString("issuer_id")),
                SerialNumber.ofHex(rs.getString("serial")),
                rs.getString("subject"),
                rs.getObject("not_before", OffsetDateTime.class).toInstant(),
                rs.getObject("not_after", OffsetDateTime.class).toInstant(),
                rs.getBytes("der"));
        UUID profile = rs.getObject("profile_id", UUID.class);
        byte[] archived = rs.getBytes("archived_key");
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        Optional<CertificateRecord.Revocation> revocation = Optional.empty();
        if (revokedAt != null) {
            revocation = Optional.of(new CertificateRecord.Revocation(
                    revokedAt.toInstant(),
                    RevocationReason.ofCode(rs.getInt("revocation_reason"), "revocation_reason")));
        }
        return new CertificateRecord(
                rs.getLong("seq"),
                certificate,
                rs.getString("issuer_name"),
                new RequestId(rs.getObject("request_id", UUID.class)),
                Optional.ofNullable(profile).map(CertificateProfileId::new),
                new UserId(rs.getObject("holder_id", UUID.class)),
                new TemplateId(rs.getObject("template_id", UUID.class)),
                rs.getString("template_name"),
                rs.getString("requester_name"),
                KeyGeneration.valueOf(rs.getString("key_generation").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(rs.getString("request_fingerprint")),
                archived == null
                        ? Optional.empty()
                        : Optional.of(new ArchivedKey(rs.getString("recovery_key_id"), archived)),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                revocation);
    }
}
