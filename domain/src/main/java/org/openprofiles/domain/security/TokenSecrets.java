package org.openprofiles.domain.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.openprofiles.domain.shared.Sha256;

/**
 * Makes and hashes bearer-token secrets. A secret is 256 random bits (base64url, 43 characters);
 * only its SHA-256 is stored. A fast hash is enough because the secret is random, not a password.
 */
public final class TokenSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
