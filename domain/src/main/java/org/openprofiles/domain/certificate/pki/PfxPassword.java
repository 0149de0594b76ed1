package org.openprofiles.domain.certificate.pki;

import java.util.Arrays;
import org.openprofiles.domain.shared.Invalid;

/**
 * The password a client gives to protect a PFX (PKCS#12) holding a key the server generated or
 * recovered. Never printed: {@link #toString()} hides it, and {@link #clear()} wipes it once used.
 */
public final class PfxPassword {

    public static final int MAX_LENGTH = 256;

    private final char[] chars;

    private PfxPassword(char[] chars) {
        this.chars = chars;
    }

    /**
     * A password from the client's request, {@code field} naming it in errors. An empty password
     * would leave the key unprotected, so it is refused.
     */
    public static PfxPassword of(String password, String field) {
        if (password == null || password.isEmpty()) {
            throw new Invalid("pfx_password_required", field, field + " is required to protect the private key");
        }
        if (password.length() > MAX_LENGTH) {
            throw new Invalid("too_long", field, field + " must be at most " + MAX_LENGTH + " characters");
        }
        return new PfxPassword(password.toCharArray());
    }

    /** A copy of the password's characters; the caller wipes it after use. */
    public char[] chars() {
        return chars.clone();
    }

    /** Overwrites the password in memory; it cannot be used afterwards. */
    public void clear() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "PfxPassword[hidden]";
    }
}
