package org.openprofiles.adapter.ca;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.openprofiles.domain.certificate.pki.IssuerId;

/**
 * One CA key this adapter can sign with (the root, the current issuing CA, an earlier one): its
 * keystore alias, its id, its key, and its certificate's chain from itself up to the root.
 */
record CaSigner(String alias, IssuerId id, PrivateKey key, List<X509CertificateHolder> chain) {

    CaSigner {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a CA signer needs its certificate");
        }
    }

    X509CertificateHolder certificate() {
        return chain.get(0);
    }

    boolean selfSigned() {
        return chain.size() == 1;
    }

    Instant notBefore() {
        return certificate().getNotBefore().toInstant();
    }

    Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    /** Names the CA, never the key (some JDK keys print their private parts). */
    @Override
    public String toString() {
        return "CaSigner[" + alias + ", " + id + ", " + certificate().getSubject() + "]";
    }
}
