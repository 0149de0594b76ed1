package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.FieldType;

/**
 * The contract of {@link AttributeCatalogs}: the catalog starts with the documented default
 * attributes (docs/access-profiles.md), keeps attributes in the order they were first defined, and
 * defining a key again replaces its definition in place.
 */
public abstract class AttributeCatalogsContract extends StorageContract {

    /** The default catalog as docs/access-profiles.md lists it, in its order. */
    private static final List<String> DEFAULT_KEYS = List.of(
            "accountexpires",
            "comment",
            "company",
            "department",
            "departmentnumber",
            "description",
            "division",
            "employeetype",
            "l",
            "manager",
            "physicaldeliveryofficename",
            "postalcode",
            "st",
            "streetaddress",
            "telephonenumber",
            "title");

    private AttributeCatalogs catalogs() {
        return storage().attributeCatalogs();
    }

    private List<String> keys() {
        return new ArrayList<>(catalogs().catalog().definitions().keySet());
    }

    /** A definition without constraints. */
    private static AttributeDefinition plain(String key, String label, FieldType type) {
        return new AttributeDefinition(key, label, type, false, Optional.empty(), "", false, List.of(), "");
    }

    @Test
    void theCatalogStartsWithTheDocumentedDefaultAttributes() {
        assertEquals(DEFAULT_KEYS, keys().subList(0, DEFAULT_KEYS.size()));
        AttributeDefinition expires =
                catalogs().catalog().find("accountExpires").orElseThrow();
        assertEquals(FieldType.DATE_PICKER, expires.type());
        assertEquals("0001-01-01T00:00:00", expires.defaultValue());
        AttributeDefinition comment = catalogs().catalog().find("comment").orElseThrow();
        assertEquals(
                new AttributeDefinition(
                        "comment", "Comment", FieldType.TEXT_FIELD, false, Optional.of(1024), "", false, List.of(), ""),
                comment);
        assertEquals("City", catalogs().catalog().find("l").orElseThrow().label());
    }

    @Test
    void aDefinitionComesBackWithEveryConstraint() {
        AttributeDefinition combo = new AttributeDefinition(
                "Region" + Fixtures.token(),
                "Sales region",
                FieldType.COMBO_BOX,
                true,
                Optional.of(20),
                "<>",
                true,
                List.of("North", "South"),
                "North");
        AttributeDefinition number = plain("floor" + Fixtures.token(), "", FieldType.NUMBER_FIELD);
        catalogs().define(combo);
        catalogs().define(number);
        assertEquals(Optional.of(combo), catalogs().catalog().find(combo.key()));
        assertEquals(Optional.of(number), catalogs().catalog().find(number.key()));
    }

    @Test
    void newAttributesComeAfterTheOnesDefinedBefore() {
        AttributeDefinition first = fixtures().attribute("First");
        AttributeDefinition second = plain("a0" + Fixtures.token(), "Second", FieldType.CHECKBOX);
        catalogs().define(second);
        List<String> keys = keys();
        assertEquals(keys.size() - 1, keys.indexOf(second.key()), "the newest comes last, whatever its key");
        assertEquals(keys.size() - 2, keys.indexOf(first.key()));
    }

    @Test
    void definingAKeyAgainReplacesItsDefinitionInPlace() {
        AttributeDefinition original = fixtures().attribute("Original");
        AttributeDefinition later = fixtures().attribute("Later");
        AttributeDefinition replaced = new AttributeDefinition(
                original.key().toUpperCase(java.util.Locale.ROOT),
                "Replaced",
                FieldType.CHECKBOX,
                true,
                Optional.empty(),
                "",
                false,
                List.of(),
                "false");
        catalogs().define(replaced);
        assertEquals(Optional.of(replaced), catalogs().catalog().find(original.key()));
        List<String> keys = keys();
        assertEquals(keys.indexOf(later.key()) - 1, keys.indexOf(original.key()), "it keeps its place");
        assertEquals(keys.size(), keys.stream().distinct().count());

        AttributeDefinition department = catalogs().catalog().find("department").orElseThrow();
        AttributeDefinition changedDefault = new AttributeDefinition(
                "department", "Dept.", department.type(), false, Optional.of(64), "", false, List.of(), "");
        catalogs().define(changedDefault);
        assertEquals(DEFAULT_KEYS, keys().subList(0, DEFAULT_KEYS.size()), "a default keeps its place too");
        assertEquals(
                "Dept.", catalogs().catalog().find("department").orElseThrow().label());
    }
}
