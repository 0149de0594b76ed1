package org.openprofiles.domain.certificate.pki;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openprofiles.domain.shared.Invalid;

/**
 * What goes into one user's certificate, as a template grants it: built by the server from the
 * user's record ({@link CertificateSettings#contentFor}), never taken from the client's request.
 */
public record CertificateContent(
        DistinguishedName subject,
        List<AlternativeName> alternativeNames,
        Set<KeyUsage> keyUsages,
        Set<ExtendedKeyUsage> extendedKeyUsages,
        Duration validity) {

    public CertificateContent {
        if (subject == null || validity == null) {
            throw new IllegalArgumentException("certificate content needs a subject and a validity");
        }
        alternativeNames = List.copyOf(alternativeNames);
        keyUsages = EnumSets.frozen(keyUsages, KeyUsage.class);
        extendedKeyUsages = EnumSets.frozen(extendedKeyUsages, ExtendedKeyUsage.class);
    }

    /**
     * Every way {@code requested} asks for more than this content grants, each naming {@code field}
     * and the rule: a subject attribute, an alternative name, a key usage or an extended key usage
     * not granted, or a CA certificate. Asking for less (an empty subject, no extensions) is fine:
     * the certificate gets what the template grants either way.
     */
    public List<Invalid.Violation> violationsOf(RequestedContent requested, String field) {
        List<Invalid.Violation> violations = new ArrayList<>();
        for (SubjectAttribute extra : requested.subject().notIn(subject)) {
            violations.add(new Invalid.Violation(
                    field,
                    "csr_subject_not_granted",
                    "the request asks for subject " + extra + ", which the template does not grant (it grants "
                            + subject + ")"));
        }
        for (AlternativeName name : requested.alternativeNames()) {
            if (alternativeNames.stream().noneMatch(name::matches)) {
                violations.add(new Invalid.Violation(
                        field,
                        "csr_alternative_name_not_granted",
                        "the request asks for alternative name " + name + ", which the template does not grant"));
            }
        }
        for (KeyUsage usage : requested.keyUsages()) {
            if (!keyUsages.contains(usage)) {
                violations.add(new Invalid.Violation(
                        field,
                        "csr_key_usage_not_granted",
                        "the request asks for key usage " + usage + ", which the template does not grant"));
            }
        }
        for (String oid : requested.extendedKeyUsageOids()) {
            boolean granted = ExtendedKeyUsage.ofOid(oid)
                    .filter(extendedKeyUsages::contains)
                    .isPresent();
            if (!granted) {
                violations.add(new Invalid.Violation(
                        field,
                        "csr_extended_key_usage_not_granted",
                        "the request asks for extended key usage "
                                + ExtendedKeyUsage.ofOid(oid).map(Enum::name).orElse(oid)
                                + ", which the template does not grant"));
            }
        }
        if (requested.certificateAuthority()) {
            violations.add(new Invalid.Violation(
                    field,
                    "csr_ca_not_allowed",
                    "the request asks for a CA certificate; users get end-entity certificates only"));
        }
        return violations;
    }
}
