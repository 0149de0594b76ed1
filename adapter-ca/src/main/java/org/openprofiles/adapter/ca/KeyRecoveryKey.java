package org.openprofiles.adapter.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;

/** A key-recovery key: the EC key archived private keys are encrypted to, its certificate, and its id. */
record KeyRecoveryKey(String id, PrivateKey key, X509Certificate certificate) {

    X509CertificateHolder holder() {
        return Bc.holder(certificate);
    }

    /** Names the key, never prints it. */
    @Override
    public String toString() {
        return "KeyRecoveryKey[" + id + "]";
    }
}
