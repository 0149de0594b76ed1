package org.openprofiles.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

class AccessRulesTest {

    private static AttributeDefinition text(String key, Integer maxLength, String forbidden) {
        return new AttributeDefinition(
                key,
                null,
                FieldType.TEXT_FIELD,
                false,
                Optional.ofNullable(maxLength),
                forbidden,
                false,
                List.of(),
                "");
    }

    private static AttributeDefinition of(String key, FieldType type) {
        return new AttributeDefinition(key, null, type, false, Optional.empty(), "", false, List.of(), "");
    }

    @Test
    void initialsAreTheUpperCasedFirstLettersOfTheFirstTwoWordsUnlessGiven() {
        assertEquals("T", Initials.derive("Test"));
        assertEquals("T", Initials.derive("Test1"));
        assertEquals("HR", Initials.derive("human resources department"));
        assertEquals("SE", Initials.derive("sales-emea"));
        assertEquals("ABC", Initials.of(" ABC ", "Whatever"));
        assertEquals("W", Initials.of("  ", "Whatever"));
    }

    @Test
    void aDraftListsEveryRuleItBreaks() {
        GroupId group = new GroupId(java.util.UUID.randomUUID());
        ProfileDraft draft = new ProfileDraft(" ", "", 20, "ABCD", List.of(group, group), List.of());
        assertEquals(
                List.of("name", "color", "initials", "groups[1]"),
                draft.violations().stream().map(Violation::field).toList());
        assertEquals(List.of(), new ProfileDraft("Ok", null, 19, null, null, null).violations());
        assertEquals("x".repeat(256), new ProfileDraft("x".repeat(256), "", 0, null, null, null).name());
        assertEquals(
                "name",
                new ProfileDraft("x".repeat(257), "", 0, null, null, null)
                        .violations()
                        .get(0)
                        .field());
    }

    @Test
    void valuesAreCheckedAgainstTheirDefinitionAndCanonicalised() {
        assertEquals(
                "2030-01-31T00:00:00",
                of("accountexpires", FieldType.DATE_PICKER)
                        .check("2030-01-31", "f")
                        .value());
        assertEquals(
                "2030-01-31T08:30:00",
                of("accountexpires", FieldType.DATE_PICKER)
                        .check("2030-01-31T08:30", "f")
                        .value());
        assertEquals("true", of("flag", FieldType.CHECKBOX).check("TRUE", "f").value());
        assertEquals("42", of("n", FieldType.NUMBER_FIELD).check("+42", "f").value());
        assertEquals(
                "invalid_number_field",
                of("n", FieldType.NUMBER_FIELD)
                        .check("4.2", "f")
                        .violations()
                        .get(0)
                        .code());
        assertEquals(
                "too_long",
                text("comment", 3, "").check("abcd", "f").violations().get(0).code());
        assertEquals(
                "forbidden_character",
                text("title", null, ";").check("a;b", "f").violations().get(0).code());
        AttributeDefinition combo = new AttributeDefinition(
                "office",
                "Office",
                FieldType.COMBO_BOX,
                true,
                Optional.empty(),
                "",
                false,
                List.of("Berlin", "Paris"),
                "");
        assertEquals(
                "not_a_defined_value",
                combo.check("Rome", "f").violations().get(0).code());
        assertEquals("required", combo.check("", "f").violations().get(0).code());
        assertTrue(combo.check("Paris", "f").violations().isEmpty());
    }

    @Test
    void theCatalogRefusesUnknownAndRepeatedAttributesNamingTheirPosition() {
        AttributeCatalog catalog = AttributeCatalog.of(List.of(text("department", 5, "")));
        AttributeCatalog.Checked checked = catalog.check(
                List.of(
                        new AttributeValue("Department", "Sales"),
                        new AttributeValue("DEPARTMENT", "x"),
                        new AttributeValue("shoesize", "42"),
                        new AttributeValue("department", "toolong")),
                "ldapAttributes");
        assertEquals(
                List.of("ldapAttributes[1]", "ldapAttributes[2]"),
                checked.violations().stream().map(Violation::field).toList().subList(0, 2));
        assertEquals(
                List.of("duplicate_attribute", "unknown_attribute", "duplicate_attribute"),
                checked.violations().stream().map(Violation::code).toList());
        assertThrows(
                Invalid.class,
                () -> new AttributeDefinition(
                        "9bad", null, FieldType.TEXT_FIELD, false, Optional.empty(), "", false, List.of(), ""));
    }

    @Test
    void theFqdnIsReadFromTheDomainComponentsOfTheDistinguishedName() {
        assertEquals("corp.example.com", Fqdn.of("CN=Alice,OU=Staff,DC=corp,dc=example,DC=com"));
        assertEquals("", Fqdn.of("CN=Alice"));
        assertEquals("", Fqdn.of(null));
        assertEquals("", Fqdn.of(""));
        assertEquals("corp.example.com", Fqdn.of("CN=Alice, dc=corp ,DC= example , DC=com "));
        assertEquals("example.com", Fqdn.of("DC = corp,DC=example,OU=DC,DC=com"), "'DC =' is not a DC part");
        assertEquals(".com", Fqdn.of("CN=Alice,DC=,DC=com"), "an empty component stays one");
    }
}
