package org.openprofiles.adapter.rest.shared;

import java.nio.file.Path;
import java.util.Optional;

/**
 * HTTPS on the built-in listener: the PKCS#12 keystore with the server's key and chain, an
 * optional plain-HTTP port that only redirects, and, for mutual TLS, the CAs whose client
 * certificates sign users in and which certificate field names the user.
 */
public record TlsSettings(
        Path keystore,
        char[] password,
        Optional<Integer> redirectPort,
        Optional<Path> clientCa,
        ClientCertificates.UserField userField) {

    @Override
    public String toString() {
        return "TlsSettings[keystore=" + keystore + ", redirectPort=" + redirectPort + ", clientCa=" + clientCa + "]";
    }
}
