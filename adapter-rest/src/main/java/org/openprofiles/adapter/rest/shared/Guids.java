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

    /** How the vendors write "no reference": never {@code null}. */
    public static final UUID NIL_UUID = new UUID(0, 0);

    /** {@link #NIL_UUID} as it is written on the wire. */
    public static final String NIL = NIL_UUID.toString();

    private static final Pattern FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {}

    public static UUID parse(String value, String field) {
        String text = value == null ? "" : value.strip();
        if (!FORM.matcher(text).matches()) {
            throw new Invalid("invalid_guid", field, field + " must be a GUID like " + NIL + ", was '" + value + "'");
        }
        return UUID.fromString(text);
    }

    /**
     * A reference that may be absent: blank, missing or the nil GUID is empty; a malformed GUID
     * is a 400 naming {@code field}.
     */
    public static Optional<UUID> parseReference(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        UUID parsed = parse(value, field);
        return parsed.equals(NIL_UUID) ? Optional.empty() : Optional.of(parsed);
    }

    public static String write(Optional<UUID> value) {
        return value.map(UUID::toString).orElse(NIL);
    }
}
