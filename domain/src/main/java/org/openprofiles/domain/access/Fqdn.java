package org.openprofiles.domain.access;

import java.util.ArrayList;
import java.util.List;

/** The DNS domain of a directory object, from the {@code DC=} parts of its distinguished name. */
public final class Fqdn {

    private Fqdn() {}

    /** {@code CN=Alice,OU=Staff,DC=corp,DC=example,DC=com} → {@code corp.example.com}. */
    public static String of(String distinguishedName) {
        List<String> parts = new ArrayList<>();
        for (String rdn : distinguishedName == null ? new String[0] : distinguishedName.split(",")) {
            String part = rdn.strip();
            if (part.regionMatches(true, 0, "DC=", 0, 3)) {
                parts.add(part.substring(3).strip());
            }
        }
        return String.join(".", parts);
    }
}
