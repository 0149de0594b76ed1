package org.openprofiles.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: how token secrets are stored and request contents fingerprinted. */
public final class Sha256 {

    // Every request with a token hashes it: one digest per thread, not a provider lookup per call.
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {}

    /** The SHA-256 of {@code text}'s UTF-8 bytes, as 64 lower-case hex digits. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of {@code bytes}, as 64 lower-case hex digits. */
    public static String hex(byte[] bytes) {
        // digest() resets the digest, so the next call starts afresh.
        return HEX.formatHex(DIGEST.get().digest(bytes));
    }
}
