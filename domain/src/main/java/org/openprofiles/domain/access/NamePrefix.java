package org.openprofiles.domain.access;

import java.util.Locale;
import java.util.Optional;
import org.openprofiles.domain.shared.Text;

/**
 * The start of a name (an account's samAccountName, a group's name) that a directory list is
 * narrowed to, ignoring case; empty: every name.
 */
public record NamePrefix(Optional<String> lowerCase) {

    public NamePrefix {
        lowerCase = lowerCase == null
                ? Optional.empty()
                : lowerCase.map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT));
        lowerCase.ifPresent(p -> Text.atMost(p, Text.NAME, "name"));
    }

    public static NamePrefix of(String text) {
        return new NamePrefix(Optional.ofNullable(text));
    }

    public static NamePrefix any() {
        return new NamePrefix(Optional.empty());
    }

    /** Whether {@code name} starts with this prefix, ignoring case. */
    public boolean matches(String name) {
        return lowerCase.map(p -> name.toLowerCase(Locale.ROOT).startsWith(p)).orElse(true);
    }
}
