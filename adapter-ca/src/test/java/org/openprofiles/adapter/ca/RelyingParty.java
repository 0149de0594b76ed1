package org.openprofiles.adapter.ca;

import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openprofiles.domain.certificate.pki.CaCertificates;

/**
 * Checks a certificate as a relying party with only the JDK would: PKIX path validation from the
 * root as trust anchor, the issuing CA as the intermediate, and revocation checked with CRLs
 * (the JDK's default checker; no network, the CRLs are handed over).
 */
final class RelyingParty {

    private RelyingParty() {}

    /** Validates; throws the validator's exception (reason REVOKED for a revoked certificate). */
    static void validate(byte[] certificateDer, CaCertificates authority, byte[] issuingCaDer, List<byte[]> crls)
            throws Exception {
        X509Certificate certificate = TestCa.certificate(certificateDer);
        X509Certificate issuing = TestCa.certificate(issuingCaDer);
        X509Certificate root = TestCa.certificate(authority.root().der());
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        List<Object> material = new ArrayList<>();
        material.add(issuing);
        for (byte[] crl : crls) {
            X509CRL parsed = TestCa.crl(crl);
            material.add(parsed);
        }
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(material)));
        parameters.setRevocationEnabled(!crls.isEmpty());
        CertPathValidator.getInstance("PKIX")
                .validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate, issuing)),
                        parameters);
    }

    static CertPathValidatorException.Reason failure(
            byte[] certificateDer, CaCertificates authority, byte[] issuingCaDer, List<byte[]> crls) throws Exception {
        try {
            validate(certificateDer, authority, issuingCaDer, crls);
            return null;
        } catch (CertPathValidatorException e) {
            return e.getReason();
        }
    }
}
