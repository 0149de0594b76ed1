package org.openprofiles.adapter.rest.shared;

import org.openprofiles.domain.shared.Invalid;

/**
 * What no text from a client may hold, whatever the route: the NUL character, which PostgreSQL
 * cannot store and no identity data needs. Checked where text enters — JSON strings and keys,
 * query parameters, path segments — so it is a 400 naming the field, never a database error.
 */
public final class TextRules {

    private TextRules() {}

    /** {@code text} unchanged, or {@link Invalid} naming {@code field} when it holds a NUL. */
    public static String checked(String text, String field) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw new Invalid("nul_character", field, field + " must not contain the NUL character (U+0000)");
        }
        return text;
    }
}
