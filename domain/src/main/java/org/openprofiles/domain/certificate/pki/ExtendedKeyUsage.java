package org.openprofiles.domain.certificate.pki;

import java.util.Arrays;
import java.util.Optional;

/** The extended key usages a template may grant a user's certificate, with their object identifiers. */
public enum ExtendedKeyUsage {
    /** TLS client authentication (VPN, Wi-Fi 802.1X, mutual TLS). */
    CLIENT_AUTH("1.3.6.1.5.5.7.3.2"),
    /** S/MIME signing and encryption; needs the e-mail address in the subject alternative name. */
    SECURE_EMAIL("1.3.6.1.5.5.7.3.4"),
    /** Windows smart-card logon; needs the user principal name in the subject alternative name. */
    SMART_CARD_LOGON("1.3.6.1.4.1.311.20.2.2"),
    CODE_SIGNING("1.3.6.1.5.5.7.3.3"),
    /** Document signing (RFC 9336). */
    DOCUMENT_SIGNING("1.3.6.1.5.5.7.3.36"),
    /** Windows Encrypting File System. */
    ENCRYPTING_FILE_SYSTEM("1.3.6.1.4.1.311.10.3.4");

    private final String oid;

    ExtendedKeyUsage(String oid) {
        this.oid = oid;
    }

    public String oid() {
        return oid;
    }

    public static Optional<ExtendedKeyUsage> ofOid(String oid) {
        return Arrays.stream(values()).filter(u -> u.oid.equals(oid)).findFirst();
    }
}
