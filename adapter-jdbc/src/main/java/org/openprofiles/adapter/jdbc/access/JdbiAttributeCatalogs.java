package org.openprofiles.adapter.jdbc.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.domain.access.AttributeCatalog;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.FieldType;

/** The attribute catalog in {@code attribute_definition}, in the order attributes were defined. */
public final class JdbiAttributeCatalogs implements AttributeCatalogs {

    private final JdbiTransactions db;

    public JdbiAttributeCatalogs(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public AttributeCatalog catalog() {
        return AttributeCatalog.of(db.withHandle(
                h -> h.createQuery("""
                        SELECT key, label, field_type, required, max_length, forbidden_chars,
                               allow_only_defined_values, defined_values, default_value
                          FROM attribute_definition
                         ORDER BY position, key
                        """).map(JdbiAttributeCatalogs::map).list()));
    }

    @Override
    public void define(AttributeDefinition definition) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO attribute_definition (key, label, field_type, required, max_length, forbidden_chars,
                                                          allow_only_defined_values, defined_values, default_value,
                                                          position)
                        VALUES (:key, :label, :type, :required, :maxLength, :forbiddenChars, :allowOnlyDefined,
                                :definedValues, :defaultValue,
                                (SELECT COALESCE(max(position), 0) + 1 FROM attribute_definition))
                        ON CONFLICT (key) DO UPDATE
                           SET label = excluded.label, field_type = excluded.field_type, required = excluded.required,
                               max_length = excluded.max_length, forbidden_chars = excluded.forbidden_chars,
                               allow_only_defined_values = excluded.allow_only_defined_values,
                               defined_values = excluded.defined_values, default_value = excluded.default_value,
                               version = attribute_definition.version + 1
                        """)
                .bind("key", definition.key())
                .bind("label", definition.label())
                .bind("type", definition.type().wireName())
                .bind("required", definition.required())
                .bind("maxLength", definition.maxLength().orElse(null))
                .bind("forbiddenChars", definition.forbiddenChars())
                .bind("allowOnlyDefined", definition.allowOnlyDefinedValues())
                .bindArray("definedValues", String.class, definition.definedValues())
                .bind("defaultValue", definition.defaultValue())
                .execute());
    }

    static AttributeDefinition map(ResultSet rs, StatementContext ctx) throws SQLException {
        int maxLength = rs.getInt("max_length");
        Optional<Integer> max = rs.wasNull() ? Optional.empty() : Optional.of(maxLength);
        return new AttributeDefinition(
                rs.getString("key"),
                rs.getString("label"),
                FieldType.fromWireName(rs.getString("field_type")).orElseThrow(),
                rs.getBoolean("required"),
                max,
                rs.getString("forbidden_chars"),
                rs.getBoolean("allow_only_defined_values"),
                List.of((String[]) rs.getArray("defined_values").getArray()),
                rs.getString("default_value"));
    }
}
