package org.openprofiles.adapter.rest.apidocs;

import java.util.Locale;
import java.util.Map;

/**
 * The vendors' routes as their documents write them. The resources declare the vendor paths in
 * lower case (requests are lower-cased before matching, so any casing works); a client reading the
 * API description should see {@code /api/v1/Profiles/CreateUpdate} and
 * {@code /CertificateManagement/api/v1.0/profiles}, as in the vendors' documents. A segment not
 * listed here keeps the resource's spelling.
 */
final class PublishedPaths {

    private static final String CM = "/certificatemanagement/";
    private static final String ARM = "/api/v1/profiles";

    /** The vendor's spelling of each lower-case segment under {@code /api/v1/Profiles}. */
    private static final Map<String, String> ARM_SEGMENTS = Map.ofEntries(
            Map.entry("colors", "Colors"),
            Map.entry("configuration", "Configuration"),
            Map.entry("createupdate", "CreateUpdate"),
            Map.entry("delete", "Delete"),
            Map.entry("attributes", "Attributes"),
            Map.entry("attributesbyaccount", "AttributesByAccount"),
            Map.entry("groupsbyaccount", "GroupsByAccount"),
            Map.entry("assignmentsbyprofileid", "AssignmentsByProfileId"),
            Map.entry("assign", "Assign"),
            Map.entry("unassign", "Unassign"),
            Map.entry("compliance", "Compliance"),
            Map.entry("additionalprofileinformation", "AdditionalProfileInformation"));

    private PublishedPaths() {}

    /** {@code path} as the vendor's document spells it (unchanged outside the vendor prefixes). */
    static String of(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith(CM)) {
            return "/CertificateManagement/" + path.substring(CM.length());
        }
        if (lower.equals(ARM) || lower.startsWith(ARM + "/")) {
            StringBuilder published = new StringBuilder("/api/v1/Profiles");
            for (String segment : path.substring(ARM.length()).split("/")) {
                if (!segment.isEmpty()) {
                    published.append('/').append(ARM_SEGMENTS.getOrDefault(segment, segment));
                }
            }
            return published.toString();
        }
        return path;
    }
}
