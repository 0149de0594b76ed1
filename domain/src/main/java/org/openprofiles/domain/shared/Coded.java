package org.openprofiles.domain.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants are written as codes on the wire and in storage: by default the
 * constant's name in lower case with {@code -} between words ({@code ON_DEMAND} → {@code on-demand}).
 */
public interface Coded {

    /** The constant's name (every enum has it). */
    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} whose code is {@code code}, or empty. */
    static <E extends Enum<E> & Coded> Optional<E> ofCode(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
