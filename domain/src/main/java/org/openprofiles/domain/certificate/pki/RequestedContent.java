package org.openprofiles.domain.certificate.pki;

import java.util.List;
import java.util.Set;

/**
 * What a client's certificate request asks for, read from it: its subject and the extensions it
 * requests (alternative names, key usages, extended key usages by OID, and whether it wants to be
 * a CA). Compared with {@link CertificateContent} so a request never gets more than granted.
 */
public record RequestedContent(
        DistinguishedName subject,
        List<AlternativeName> alternativeNames,
        Set<KeyUsage> keyUsages,
        List<String> extendedKeyUsageOids,
        boolean certificateAuthority) {

    public RequestedContent {
        subject = subject == null ? DistinguishedName.empty() : subject;
        alternativeNames = List.copyOf(alternativeNames);
        keyUsages = EnumSets.frozen(keyUsages, KeyUsage.class);
        extendedKeyUsageOids = List.copyOf(extendedKeyUsageOids);
    }
}
