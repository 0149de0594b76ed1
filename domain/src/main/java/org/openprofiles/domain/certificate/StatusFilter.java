package org.openprofiles.domain.certificate;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openprofiles.domain.shared.Invalid;

/**
 * The {@code status} filter of a profile list. The Certificate Management document lists
 * "Active, Approved, Canceled, Completed, Denied, Executing, Failed, None, Pending" — one profile
 * status and the request statuses — and clients may send any of them, in any case. Every profile
 * status name is accepted too. A listed name that no profile status has matches no profile.
 */
public record StatusFilter(Optional<Set<ProfileStatus>> statuses) {

    /** The values the document lists that are request statuses, not profile statuses. */
    public static final List<String> REQUEST_STATUS_NAMES =
            List.of("Approved", "Canceled", "Completed", "Denied", "Executing", "Failed", "Pending");

    public StatusFilter {
        statuses = statuses == null
                ? Optional.empty()
                : statuses.map(s -> s.isEmpty() ? Set.<ProfileStatus>of() : Set.copyOf(EnumSet.copyOf(s)));
    }

    public static StatusFilter any() {
        return new StatusFilter(Optional.empty());
    }

    public static StatusFilter only(ProfileStatus status) {
        return new StatusFilter(Optional.of(Set.of(status)));
    }

    /** Every value accepted, as documented: the document's list and then the other profile statuses. */
    public static List<String> allowedValues() {
        Set<String> names = new LinkedHashSet<>(List.of(
                "Active", "Approved", "Canceled", "Completed", "Denied", "Executing", "Failed", "None", "Pending"));
        Stream.of(ProfileStatus.values()).map(ProfileStatus::displayName).forEach(names::add);
        return List.copyOf(names);
    }

    /** Parses the query value (absent or blank: no filter); anything unknown is {@link Invalid} naming {@code status}. */
    public static StatusFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return any();
        }
        Optional<ProfileStatus> status = ProfileStatus.fromName(value);
        if (status.isPresent()) {
            return only(status.get());
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (REQUEST_STATUS_NAMES.stream()
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(lower))) {
            return new StatusFilter(Optional.of(Set.of()));
        }
        throw new Invalid(
                "invalid_status",
                "status",
                "status must be one of " + allowedValues().stream().collect(Collectors.joining(", "))
                        + " (any case), was '" + value + "'");
    }

    /** True when no profile can match: the caller need not ask storage. */
    public boolean matchesNothing() {
        return statuses.map(Set::isEmpty).orElse(false);
    }
}
