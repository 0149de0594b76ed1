package org.openprofiles.domain.certificate.pki;

import java.util.Map;

/** One attribute of a distinguished name: its type (an object identifier) and its text value. */
public record SubjectAttribute(String oid, String value) {

    public static final String COMMON_NAME = "2.5.4.3";
    public static final String ORGANIZATIONAL_UNIT = "2.5.4.11";
    public static final String ORGANIZATION = "2.5.4.10";
    public static final String COUNTRY = "2.5.4.6";

    /** Short names of RFC 4514 (and the usual extras) for printing; other types print as their OID. */
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry(COMMON_NAME, "CN"),
            Map.entry(ORGANIZATIONAL_UNIT, "OU"),
            Map.entry(ORGANIZATION, "O"),
            Map.entry(COUNTRY, "C"),
            Map.entry("2.5.4.7", "L"),
            Map.entry("2.5.4.8", "ST"),
            Map.entry("2.5.4.9", "STREET"),
            Map.entry("2.5.4.5", "SERIALNUMBER"),
            Map.entry("0.9.2342.19200300.100.1.25", "DC"),
            Map.entry("0.9.2342.19200300.100.1.1", "UID"),
            Map.entry("1.2.840.113549.1.9.1", "E"));

    public SubjectAttribute {
        if (oid == null || !oid.matches("[0-2](\\.\\d+)+")) {
            throw new IllegalArgumentException("not an object identifier: " + oid);
        }
        if (value == null) {
            throw new IllegalArgumentException("attribute value must not be null");
        }
    }

    /** "CN", "O", …, or the dotted OID for types without a short name. */
    public String typeName() {
        return SHORT_NAMES.getOrDefault(oid, oid);
    }

    /** Same type, and the same value when case and surrounding spaces are ignored (X.520's caseIgnoreMatch). */
    public boolean matches(SubjectAttribute other) {
        return oid.equals(other.oid) && value.strip().equalsIgnoreCase(other.value.strip());
    }

    /** "CN=Ann Smith", with RFC 4514 escaping of the value. */
    @Override
    public String toString() {
        return typeName() + "=" + escape(value);
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean special = ",+\"\\<>;=".indexOf(c) >= 0
                    || (i == 0 && (c == ' ' || c == '#'))
                    || (i == value.length() - 1 && c == ' ');
            if (special) {
                out.append('\\');
            }
            if (c < 0x20) {
                out.append(String.format("\\%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
