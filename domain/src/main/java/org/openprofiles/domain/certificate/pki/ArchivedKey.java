package org.openprofiles.domain.certificate.pki;

/**
 * A server-generated private key archived for recovery: the key (PKCS#8) inside a CMS
 * EnvelopedData encrypted to the key-recovery key named by {@code recoveryKeyId}. Safe to store:
 * only the holder of that key-recovery key can open it.
 */
public record ArchivedKey(String recoveryKeyId, byte[] envelope) {

    public ArchivedKey {
        if (recoveryKeyId == null || recoveryKeyId.isBlank() || envelope == null || envelope.length == 0) {
            throw new IllegalArgumentException("an archived key needs its recovery key id and its envelope");
        }
        envelope = envelope.clone();
    }

    @Override
    public byte[] envelope() {
        return envelope.clone();
    }
}
