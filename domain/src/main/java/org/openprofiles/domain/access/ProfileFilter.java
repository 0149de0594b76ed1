package org.openprofiles.domain.access;

import java.util.Optional;

/** Narrows the profile list: an exact name (case-insensitive) and/or text contained in name or description. */
public record ProfileFilter(Optional<String> name, Optional<String> search) {

    public ProfileFilter {
        name = name == null ? Optional.empty() : name.map(String::strip).filter(s -> !s.isEmpty());
        search = search == null ? Optional.empty() : search.map(String::strip).filter(s -> !s.isEmpty());
    }

    public static ProfileFilter none() {
        return new ProfileFilter(Optional.empty(), Optional.empty());
    }
}
