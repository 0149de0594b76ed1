package org.openprofiles.adapter.ca;

import java.util.Locale;
import org.openprofiles.domain.certificate.pki.EcCurve;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.SignatureHash;

/** The key of the embedded root and issuing CAs, and the hash their own signatures use. */
public enum CaKeyAlgorithm {
    /** ECDSA on P-384 with SHA-384: small, fast signatures (the default). */
    EC_P384(KeyType.ec(EcCurve.P384), SignatureHash.SHA384),
    /** RSA 3072 with SHA-256, for relying parties that cannot verify ECDSA. */
    RSA_3072(KeyType.rsa(3072), SignatureHash.SHA256);

    private final KeyType keyType;
    private final SignatureHash hash;

    CaKeyAlgorithm(KeyType keyType, SignatureHash hash) {
        this.keyType = keyType;
        this.hash = hash;
    }

    KeyType keyType() {
        return keyType;
    }

    SignatureHash hash() {
        return hash;
    }

    /** Reads a setting value: "EC_P384"/"ec-p384"/"EC-P384" or "RSA_3072"/"rsa-3072". */
    public static CaKeyAlgorithm parse(String text) {
        String normalized =
                text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CaKeyAlgorithm algorithm : values()) {
            if (algorithm.name().equals(normalized)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("CA key algorithm must be EC_P384 or RSA_3072, not '" + text + "'");
    }
}
