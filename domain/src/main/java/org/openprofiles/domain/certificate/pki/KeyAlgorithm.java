package org.openprofiles.domain.certificate.pki;

/** The public-key algorithms certificates are issued for: RSA and elliptic curves (ECDSA/ECDH). */
public enum KeyAlgorithm {
    RSA,
    EC
}
