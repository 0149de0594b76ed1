package org.openprofiles.domain.certificate.pki;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every CA certificate of the service in chain order: the current issuing CA, any intermediates,
 * the root, then earlier issuing CAs. When an operator's issuing CA is its own root, it is listed
 * twice, once in each role.
 */
public record CaCertificates(List<CaCertificate> all) {

    public CaCertificates {
        all = List.copyOf(all);
        if (all.stream().filter(c -> c.role() == CaCertificate.Role.ROOT).count() != 1
                || all.stream()
                                .filter(c -> c.role() == CaCertificate.Role.ISSUING)
                                .count()
                        != 1) {
            throw new IllegalArgumentException("there is exactly one root and one current issuing CA");
        }
    }

    public CaCertificate root() {
        return only(CaCertificate.Role.ROOT);
    }

    public CaCertificate issuing() {
        return only(CaCertificate.Role.ISSUING);
    }

    public Optional<CaCertificate> find(IssuerId id) {
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The chain relying parties install, as PEM: the current issuing CA, any intermediates, then
     * the root, each certificate once.
     */
    public String chainPem() {
        StringBuilder pem = new StringBuilder();
        Set<IssuerId> written = new HashSet<>();
        for (CaCertificate certificate : all) {
            if (certificate.role() != CaCertificate.Role.RETIRED_ISSUING && written.add(certificate.id())) {
                pem.append(certificate.pem());
            }
        }
        return pem.toString();
    }

    private CaCertificate only(CaCertificate.Role role) {
        return all.stream().filter(c -> c.role() == role).findFirst().orElseThrow();
    }
}
