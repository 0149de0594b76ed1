package org.openprofiles.adapter.memory.access;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.memory.access.AccessTables.DefinitionRow;
import org.openprofiles.domain.access.AttributeCatalog;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.FieldType;

/**
 * The attribute catalog, in the order attributes were first defined. It starts with the default
 * catalog of docs/access-profiles.md, which the JDBI adapter's migration V20 inserts (the attribute
 * catalog contract checks that both start alike).
 */
final class MemoryAttributeCatalogs implements AttributeCatalogs {

    private final AccessTables tables;

    MemoryAttributeCatalogs(AccessTables tables) {
        this.tables = tables;
        tables.transactions.write(() -> {
            defaults().forEach(this::define);
            return null;
        });
    }

    private static List<AttributeDefinition> defaults() {
        return List.of(
                new AttributeDefinition(
                        "accountexpires",
                        "Account Expires",
                        FieldType.DATE_PICKER,
                        false,
                        Optional.empty(),
                        "",
                        false,
                        List.of(),
                        "0001-01-01T00:00:00"),
                text("comment", "Comment", 1024),
                text("company", "Company", 64),
                text("department", "Department", 64),
                text("departmentnumber", "Department Number", 64),
                text("description", "Description", 1024),
                text("division", "Division", 256),
                text("employeetype", "Employee Type", 256),
                text("l", "City", 128),
                text("manager", "Manager", 1024),
                text("physicaldeliveryofficename", "Office", 128),
                text("postalcode", "Postal Code", 40),
                text("st", "State/Province", 128),
                text("streetaddress", "Street", 1024),
                text("telephonenumber", "Telephone Number", 64),
                text("title", "Job Title", 128));
    }

    private static AttributeDefinition text(String key, String label, int maxLength) {
        return new AttributeDefinition(
                key, label, FieldType.TEXT_FIELD, false, Optional.of(maxLength), "", false, List.of(), "");
    }

    @Override
    public AttributeCatalog catalog() {
        return tables.transactions.read(() -> AttributeCatalog.of(tables.definitions.rows().stream()
                .sorted(Comparator.comparingInt(DefinitionRow::position)
                        .thenComparing(d -> d.definition().key()))
                .map(DefinitionRow::definition)
                .toList()));
    }

    @Override
    public void define(AttributeDefinition definition) {
        tables.transactions.write(() -> {
            int position = tables.definitions
                    .get(definition.key())
                    .map(DefinitionRow::position)
                    .orElseGet(() -> tables.definitions.rows().stream()
                                    .mapToInt(DefinitionRow::position)
                                    .max()
                                    .orElse(0)
                            + 1);
            tables.definitions.put(definition.key(), new DefinitionRow(definition, position));
            return null;
        });
    }
}
