package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

/** Certs-only PKCS#7 (RFC 5652 SignedData with no content and no signers): a certificate and its chain in one file. */
final class CertsOnly {

    private CertsOnly() {}

    static byte[] of(List<X509CertificateHolder> certificates) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new CollectionStore<>(certificates));
            return generator.generate(new CMSAbsentContent()).getEncoded();
        } catch (CMSException | IOException e) {
            throw new IllegalStateException("the PKCS#7 could not be built", e);
        }
    }
}
