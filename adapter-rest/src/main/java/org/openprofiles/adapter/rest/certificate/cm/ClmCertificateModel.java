package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openprofiles.domain.certificate.CertificateRecord;

/**
 * The vendor's {@code X509ClmCertificate}, as {@code GET …/certificates} and
 * {@code GET …/profiles/{id}/certificates} answer it: the serial number and the SHA-1 thumbprint in
 * upper-case hex, the dates as the vendor writes them (UTC, seconds, no {@code Z}), the issuer's
 * name, and {@code Status} 0 in force, 1 revoked, 2 expired (ours: the vendor publishes none).
 */
@JsonPropertyOrder({
    "IsKeyHistory",
    "ArchivedOnCa",
    "CertificateType",
    "TemplateCommonName",
    "SerialNumber",
    "Thumbprint",
    "NotAfter",
    "NotBefore",
    "Issuer",
    "RequesterName",
    "Status"
})
public record ClmCertificateModel(
        @JsonProperty("IsKeyHistory") boolean isKeyHistory,
        @JsonProperty("ArchivedOnCa") boolean archivedOnCa,
        @JsonProperty("CertificateType") int certificateType,
        @JsonProperty("TemplateCommonName") String templateCommonName,
        @JsonProperty("SerialNumber") String serialNumber,
        @JsonProperty("Thumbprint") String thumbprint,
        @JsonProperty("NotAfter") String notAfter,
        @JsonProperty("NotBefore") String notBefore,
        @JsonProperty("Issuer") String issuer,
        @JsonProperty("RequesterName") String requesterName,
        @JsonProperty("Status") int status) {

    private static final DateTimeFormatter VENDOR_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    public static ClmCertificateModel from(CertificateRecord record, Instant now) {
        return new ClmCertificateModel(
                false,
                record.archivedKey().isPresent(),
                1,
                record.templateName(),
                record.certificate().serial().hex().toUpperCase(Locale.ROOT),
                record.certificate().thumbprint(),
                VENDOR_TIME.format(record.certificate().notAfter()),
                VENDOR_TIME.format(record.certificate().notBefore()),
                record.issuerName(),
                record.requesterName(),
                record.standingAt(now).ordinal());
    }
}
