package org.openprofiles.domain.access;

import java.util.Locale;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Text;

/**
 * One LDAP attribute value a profile requires (or an account has). Attribute names are
 * case-insensitive in LDAP, so the key is kept in lower case, as the vendor document spells them
 * ({@code accountexpires}). An empty value means "no value".
 */
public record AttributeValue(String key, String value) {

    public AttributeValue {
        if (key == null || key.isBlank()) {
            throw new Invalid("required", "key", "an attribute needs a key");
        }
        key = Text.atMost(normalizeKey(key), AttributeDefinition.MAX_KEY_LENGTH, "key");
        value = value == null ? "" : Text.atMost(value, Text.VALUE, key);
    }

    public static String normalizeKey(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }
}
