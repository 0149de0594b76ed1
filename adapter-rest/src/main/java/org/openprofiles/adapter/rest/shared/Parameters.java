package org.openprofiles.adapter.rest.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.domain.shared.Invalid;

/**
 * Parses path and query parameters of the admin API into values, so that a malformed one is a
 * 400 naming the parameter rather than Jersey's 404.
 */
public final class Parameters {

    public static final int MAX_TEXT_LENGTH = 256;

    private Parameters() {}

    public static Optional<UUID> optionalUuid(String value, String name) {
        return blank(value) ? Optional.empty() : Optional.of(Guids.parse(value, name));
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2026-11-23T10:00:00Z}. */
    public static Optional<Instant> optionalInstant(String value, String name) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new Invalid(
                    "invalid_instant",
                    name,
                    name + " must be an ISO-8601 instant such as 2026-01-31T09:00:00Z, was '" + value + "'");
        }
    }

    public static Optional<String> optionalText(String value, String name) {
        if (blank(value)) {
            return Optional.empty();
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new Invalid("too_long", name, name + " must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return Optional.of(value.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
