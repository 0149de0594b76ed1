package org.openprofiles.domain.certificate.pki;

/** The hash a certificate's signature is made with (and that a client's request should use). */
public enum SignatureHash {
    SHA256,
    SHA384,
    SHA512
}
