package org.openprofiles.domain.access.directory;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openprofiles.domain.access.AttributeValue;

/**
 * What to read: every account, or only those changed since {@code since}; and which catalog
 * attributes (keys as the attribute catalog spells them) to deliver with each account.
 */
public record DirectoryReadRequest(Optional<Watermark> since, Set<String> attributeKeys) {

    public DirectoryReadRequest {
        since = since == null ? Optional.empty() : since;
        attributeKeys = attributeKeys == null
                ? Set.of()
                : attributeKeys.stream().map(AttributeValue::normalizeKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Every group and every account. */
    public static DirectoryReadRequest full(Set<String> attributeKeys) {
        return new DirectoryReadRequest(Optional.empty(), attributeKeys);
    }

    /**
     * Every group, and the accounts changed since {@code watermark}; the source falls back to a
     * full read when it cannot honour the watermark (and says so in its result).
     */
    public static DirectoryReadRequest changesSince(Watermark watermark, Set<String> attributeKeys) {
        return new DirectoryReadRequest(Optional.of(watermark), attributeKeys);
    }
}
