package org.openprofiles.adapter.ca;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.shared.Sha256;

/**
 * The certificates this CA signed last, by the SHA-256 of their DER, with the issuing CA that
 * signed them: a client that made its own key gets its certificate in a PKCS#7 right after
 * issuance, and the issuer of a certificate signed here a moment ago need not be found by checking
 * its signature again. Bounded, thread-safe; forgetting is always safe (the check then runs).
 */
final class RecentlySigned {

    private static final int CAPACITY = 1024;

    private final Map<String, IssuerId> issuers = new LinkedHashMap<>(CAPACITY * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IssuerId> eldest) {
            return size() > CAPACITY;
        }
    };

    void remember(byte[] certificateDer, CaSigner issuer) {
        String key = Sha256.hex(certificateDer);
        synchronized (issuers) {
            issuers.put(key, issuer.id());
        }
    }

    /** The issuing CA (still among {@code current}'s) that signed exactly these bytes here, if remembered. */
    Optional<CaSigner> issuerOf(byte[] certificateDer, CaKeys current) {
        IssuerId id;
        synchronized (issuers) {
            id = issuers.get(Sha256.hex(certificateDer));
        }
        return Optional.ofNullable(id).map(current.issuers()::get);
    }
}
