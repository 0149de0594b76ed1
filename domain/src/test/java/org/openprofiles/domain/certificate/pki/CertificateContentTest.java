package org.openprofiles.domain.certificate.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;

class CertificateContentTest {

    private final CertificateContent granted = new CertificateContent(
            new DistinguishedName(List.of(
                    new SubjectAttribute(SubjectAttribute.ORGANIZATION, "Example"),
                    new SubjectAttribute(SubjectAttribute.COMMON_NAME, "ann"))),
            List.of(new AlternativeName(AlternativeName.Type.EMAIL, "ann@example.org")),
            Set.of(KeyUsage.DIGITAL_SIGNATURE),
            Set.of(ExtendedKeyUsage.CLIENT_AUTH),
            Duration.ofDays(1));

    private List<String> violations(RequestedContent requested) {
        return granted.violationsOf(requested, "csr").stream()
                .map(Invalid.Violation::code)
                .toList();
    }

    private static RequestedContent asking(
            List<SubjectAttribute> subject,
            List<AlternativeName> names,
            Set<KeyUsage> usages,
            List<String> extendedUsages,
            boolean ca) {
        return new RequestedContent(new DistinguishedName(subject), names, usages, extendedUsages, ca);
    }

    @Test
    void askingForNothingOrForPartOfTheGrantIsFine() {
        assertEquals(List.of(), violations(asking(List.of(), List.of(), Set.of(), List.of(), false)));
        assertEquals(
                List.of(),
                violations(asking(
                        List.of(new SubjectAttribute(SubjectAttribute.COMMON_NAME, " ANN ")),
                        List.of(new AlternativeName(AlternativeName.Type.EMAIL, "Ann@Example.org")),
                        Set.of(KeyUsage.DIGITAL_SIGNATURE),
                        List.of(ExtendedKeyUsage.CLIENT_AUTH.oid()),
                        false)));
    }

    @Test
    void eachThingAskedBeyondTheGrantIsAViolationNamingTheField() {
        List<Invalid.Violation> found = granted.violationsOf(
                asking(
                        List.of(
                                new SubjectAttribute(SubjectAttribute.COMMON_NAME, "ann"),
                                new SubjectAttribute(SubjectAttribute.ORGANIZATION, "Evil")),
                        List.of(new AlternativeName(AlternativeName.Type.UPN, "root@corp")),
                        Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION),
                        List.of("1.3.6.1.5.5.7.3.1", ExtendedKeyUsage.CODE_SIGNING.oid()),
                        true),
                "csr");

        assertEquals(
                List.of(
                        "csr_subject_not_granted",
                        "csr_alternative_name_not_granted",
                        "csr_key_usage_not_granted",
                        "csr_extended_key_usage_not_granted",
                        "csr_extended_key_usage_not_granted",
                        "csr_ca_not_allowed"),
                found.stream().map(Invalid.Violation::code).toList());
        assertEquals(
                List.of("csr"),
                found.stream().map(Invalid.Violation::field).distinct().toList());
        assertEquals(
                "the request asks for subject O=Evil, which the template does not grant (it grants CN=ann,O=Example)",
                found.get(0).message());
        assertEquals(
                "the request asks for extended key usage 1.3.6.1.5.5.7.3.1, which the template does not grant",
                found.get(3).message());
        assertEquals(
                "the request asks for extended key usage CODE_SIGNING, which the template does not grant",
                found.get(4).message());
    }
}
