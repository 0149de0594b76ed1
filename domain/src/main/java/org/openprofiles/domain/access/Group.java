package org.openprofiles.domain.access;

import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Text;

/** A directory group, as a directory feed delivers it. */
public record Group(GroupId id, String name, String distinguishedName) {

    public Group {
        if (id == null) {
            throw new Invalid("required", "id", "a group needs an id");
        }
        if (name == null || name.isBlank()) {
            throw new Invalid("required", "name", "group " + id + " needs a name");
        }
        name = Text.atMost(name.strip(), Text.NAME, "name");
        distinguishedName =
                distinguishedName == null ? "" : Text.atMost(distinguishedName.strip(), Text.LONG, "distinguishedName");
    }
}
