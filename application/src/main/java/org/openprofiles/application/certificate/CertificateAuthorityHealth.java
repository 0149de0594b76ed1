package org.openprofiles.application.certificate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openprofiles.application.health.ReportedCheck;
import org.openprofiles.domain.certificate.pki.CaCertificate;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;

/**
 * Reports whether the certificate authority can be used, and when its issuing CA expires. Not
 * required for readiness: without a CA, issuing answers 503 while everything else still serves.
 */
public final class CertificateAuthorityHealth extends ReportedCheck {

    private final CertificateAuthority authority;
    private final Clock clock;

    public CertificateAuthorityHealth(CertificateAuthority authority, Clock clock) {
        super("certificate-authority");
        this.authority = authority;
        this.clock = clock;
    }

    @Override
    public Result check() {
        try {
            CaCertificate issuing = authority.caCertificates().all().stream()
                    .filter(c -> c.role() == CaCertificate.Role.ISSUING)
                    .findFirst()
                    .orElseThrow();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("issuer", issuing.subject());
            data.put("issuingNotAfter", issuing.notAfter().toString());
            boolean valid = clock.instant().isBefore(issuing.notAfter());
            return valid ? Result.up(data) : Result.down(data);
        } catch (RuntimeException e) {
            // The port's own failures say what is wrong without a secret; anything else is named only.
            return Result.down(
                    Map.of("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
