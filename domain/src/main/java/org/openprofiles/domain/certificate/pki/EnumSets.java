package org.openprofiles.domain.certificate.pki;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Unmodifiable copies of enum sets that iterate in declaration order, so certificates are built deterministically. */
final class EnumSets {

    private EnumSets() {}

    static <E extends Enum<E>> Set<E> frozen(Collection<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        if (values != null) {
            copy.addAll(values);
        }
        return Collections.unmodifiableSet(copy);
    }
}
