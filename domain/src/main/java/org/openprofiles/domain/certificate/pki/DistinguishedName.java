package org.openprofiles.domain.certificate.pki;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A subject name as a list of attributes, most general first (the order they are encoded in:
 * C, O, OU, CN). Each attribute is its own relative distinguished name.
 */
public record DistinguishedName(List<SubjectAttribute> attributes) {

    public DistinguishedName {
        attributes = List.copyOf(attributes);
    }

    public static DistinguishedName empty() {
        return new DistinguishedName(List.of());
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    /** The attributes here that {@code granted} does not hold (type and value, case-insensitively). */
    public List<SubjectAttribute> notIn(DistinguishedName granted) {
        List<SubjectAttribute> extra = new ArrayList<>();
        for (SubjectAttribute attribute : attributes) {
            if (granted.attributes.stream().noneMatch(attribute::matches)) {
                extra.add(attribute);
            }
        }
        return extra;
    }

    /** RFC 4514 text, most specific first: "CN=ann,OU=Staff,O=Example,C=NL". */
    @Override
    public String toString() {
        List<SubjectAttribute> reversed = new ArrayList<>(attributes);
        Collections.reverse(reversed);
        StringBuilder text = new StringBuilder();
        for (SubjectAttribute attribute : reversed) {
            text.append(text.length() == 0 ? "" : ",").append(attribute);
        }
        return text.toString();
    }
}
