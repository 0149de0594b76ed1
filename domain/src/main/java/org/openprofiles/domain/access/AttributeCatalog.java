package org.openprofiles.domain.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.shared.Invalid.Violation;

/** The LDAP attributes profiles may set, by key; checks a profile's attribute values against them. */
public record AttributeCatalog(Map<String, AttributeDefinition> definitions) {

    public AttributeCatalog {
        definitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    }

    public static AttributeCatalog of(List<AttributeDefinition> definitions) {
        Map<String, AttributeDefinition> byKey = new LinkedHashMap<>();
        definitions.forEach(d -> byKey.put(d.key(), d));
        return new AttributeCatalog(byKey);
    }

    public Optional<AttributeDefinition> find(String key) {
        return Optional.ofNullable(definitions.get(AttributeValue.normalizeKey(key)));
    }

    /**
     * Checks every value (field names {@code <listField>[i]}); returns the canonical values and
     * every violation: unknown attributes, attributes given twice, broken constraints.
     */
    public Checked check(List<AttributeValue> values, String listField) {
        List<AttributeValue> canonical = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            AttributeValue value = values.get(i);
            String field = listField + "[" + i + "]";
            if (!seen.add(value.key())) {
                violations.add(new Violation(
                        field, "duplicate_attribute", "attribute '" + value.key() + "' is given more than once"));
                continue;
            }
            Optional<AttributeDefinition> definition = find(value.key());
            if (definition.isEmpty()) {
                violations.add(new Violation(
                        field, "unknown_attribute", "attribute '" + value.key() + "' is not in the attribute catalog"));
                continue;
            }
            AttributeDefinition.Checked checked = definition.get().check(value.value(), field);
            violations.addAll(checked.violations());
            canonical.add(new AttributeValue(value.key(), checked.value()));
        }
        return new Checked(canonical, violations);
    }

    /** Checked values: canonical when {@code violations} is empty. */
    public record Checked(List<AttributeValue> values, List<Violation> violations) {}
}
