package org.openprofiles.adapter.jdbc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A start on a schema that has exactly this build's migrations skips Flyway; a schema that lacks
 * any of them (even an older one merged late) or has a failed one goes through Flyway.
 */
@ExtendWith(PostgresExtension.class)
class MigrationsTest {

    private static PGSimpleDataSource dataSource(TestDatabase db) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.url());
        dataSource.setUser(db.settings().user());
        dataSource.setPassword(db.settings().password());
        return dataSource;
    }

    @Test
    void theBuildsMigrationFilesAreListedByVersion() {
        Set<String> versions = Migrations.migrationFiles().orElseThrow();
        assertTrue(versions.containsAll(Set.of("1", "2", "10", "20", "60")), versions.toString());
    }

    @Test
    void aSchemaWithExactlyThisBuildsMigrationsIsUpToDateAndMigratesNothing(TestDatabase db) {
        assertTrue(Migrations.upToDate(dataSource(db)));
        assertEquals(0, Migrations.migrate(dataSource(db)));
    }

    @Test
    void aSchemaMissingAnOlderMigrationOrWithAFailedOneIsNotUpToDate(TestDatabase db) {
        db.execute("UPDATE flyway_schema_history SET version = '2.5' WHERE version = '2'");
        assertFalse(Migrations.upToDate(dataSource(db)), "version 2 is not applied");
        db.execute("UPDATE flyway_schema_history SET version = '2' WHERE version = '2.5'");
        assertTrue(Migrations.upToDate(dataSource(db)));
        db.execute("UPDATE flyway_schema_history SET success = false WHERE version = '1'");
        assertFalse(Migrations.upToDate(dataSource(db)), "a failed migration");
        db.execute("UPDATE flyway_schema_history SET success = true WHERE version = '1'");
    }

    @Test
    void aDatabaseWithoutASchemaIsNotUpToDate(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA empty_for_test");
        PGSimpleDataSource empty = dataSource(db);
        empty.setCurrentSchema("empty_for_test");
        assertFalse(Migrations.upToDate(empty));
    }
}
