package org.openprofiles.domain.access;

/** The DNS domain of a directory object, from the {@code DC=} parts of its distinguished name. */
public final class Fqdn {

    private Fqdn() {}

    /**
     * {@code CN=Alice,OU=Staff,DC=corp,DC=example,DC=com} → {@code corp.example.com}: the values of
     * the {@code DC=} parts (any case, spaces around a part and its value ignored), in order, joined
     * by dots; empty when there are none. Read in one pass without splitting: every row of an
     * assignment list asks for it.
     */
    public static String of(String dn) {
        if (dn == null) {
            return "";
        }
        StringBuilder fqdn = null;
        int start = 0;
        while (start <= dn.length()) {
            int comma = dn.indexOf(',', start);
            int end = comma < 0 ? dn.length() : comma;
            int from = skipSpaces(dn, start, end);
            if (end - from >= 3 && dn.regionMatches(true, from, "DC=", 0, 3)) {
                int valueFrom = skipSpaces(dn, from + 3, end);
                int valueTo = end;
                while (valueTo > valueFrom && Character.isWhitespace(dn.charAt(valueTo - 1))) {
                    valueTo--;
                }
                if (fqdn == null) {
                    fqdn = new StringBuilder(dn.length() - valueFrom);
                } else {
                    fqdn.append('.');
                }
                fqdn.append(dn, valueFrom, valueTo);
            }
            start = end + 1;
        }
        return fqdn == null ? "" : fqdn.toString();
    }

    private static int skipSpaces(String text, int from, int to) {
        int at = from;
        while (at < to && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
