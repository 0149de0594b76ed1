package org.openprofiles.adapter.ca;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/** A PFX opened with the JDK, as a client's key store would open it. */
record TestPfx(String alias, PrivateKey key, List<X509Certificate> chain) {

    static TestPfx open(byte[] pfx, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(pfx), password.toCharArray());
        List<String> aliases = Collections.list(store.aliases());
        if (aliases.size() != 1 || !store.isKeyEntry(aliases.get(0))) {
            throw new AssertionError("expected one key entry, found " + aliases);
        }
        String alias = aliases.get(0);
        Certificate[] chain = store.getCertificateChain(alias);
        return new TestPfx(
                alias,
                (PrivateKey) store.getKey(alias, password.toCharArray()),
                java.util.Arrays.stream(chain).map(c -> (X509Certificate) c).toList());
    }
}
