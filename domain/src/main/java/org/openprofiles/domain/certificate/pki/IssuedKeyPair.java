package org.openprofiles.domain.certificate.pki;

import java.util.Optional;

/**
 * A certificate issued for a key pair the server generated: the PFX (PKCS#12, protected by the
 * client's password) holding the key, the certificate and its chain, and the archived key when
 * the template archives keys. The clear private key exists only inside the PFX.
 */
public record IssuedKeyPair(IssuedCertificate certificate, byte[] pfx, Optional<ArchivedKey> archivedKey) {

    public IssuedKeyPair {
        if (certificate == null || pfx == null || archivedKey == null) {
            throw new IllegalArgumentException("an issued key pair needs its certificate, PFX and archive (or none)");
        }
        pfx = pfx.clone();
    }

    @Override
    public byte[] pfx() {
        return pfx.clone();
    }
}
