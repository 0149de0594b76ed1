package org.openprofiles.adapter.rest.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openprofiles.domain.shared.Invalid;

/**
 * GUIDs on the wire: read in the vendor's 8-4-4-4-12 form in any case (anything looser is a 400
 * naming the parameter), written lower-case with dashes, absent references as the nil GUID.
 */
public final class Guids {

    /** How the vendor writes "no profile": never {@code null}. */
    public static final String NIL = "00000000-0000-0000-0000-000000000000";

    private static final Pattern FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {
    }

    public static UUID parse(String value, String field) {
        String text = value == null ? "" : value.strip();
        if (!FORM.matcher(text).matches()) {
            throw new Invalid("invalid_guid", field, field + " must be a GUID like " + NIL + ", was '" + value + "'");
        }
        return UUID.fromString(text);
    }

    public static String write(Optional<UUID> value) {
        return value.map(UUID::toString).orElse(NIL);
    }
}
