package org.openprofiles.adapter.jdbc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A start on a schema that has exactly this build's migrations skips Flyway; a schema that lacks
 * any of them (even an older one merged late), has a failed one, or one whose file changed since
 * it was applied goes through Flyway, whose validation stops a changed one.
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
    void theBuildsMigrationsAreListedWithTheChecksumsFlywayRecordedForThem(TestDatabase db) {
        Map<String, Migrations.Bundled> bundled = Migrations.bundled().orElseThrow();
        assertTrue(bundled.keySet().containsAll(Set.of("1", "2", "10", "20", "60")), bundled.toString());

        Map<String, Migrations.Bundled> recorded = db
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT version, script, checksum FROM flyway_schema_history WHERE version IS NOT NULL")
                        .map((row, ctx) -> new Migrations.Bundled(
                                row.getString("version"), row.getString("script"), row.getInt("checksum")))
                        .list())
                .stream()
                .collect(Collectors.toMap(Migrations.Bundled::version, m -> m));
        assertEquals(recorded, bundled);
    }

    @Test
    void aMigrationChangedSinceItWasAppliedGoesThroughFlywayWhichStopsIt(TestDatabase db) {
        db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '10'");
        try {
            assertFalse(Migrations.upToDate(dataSource(db)), "the file no longer has the checksum applied");
            DatabaseUnavailable stopped =
                    assertThrows(DatabaseUnavailable.class, () -> Migrations.migrate(dataSource(db)));
            assertTrue(stopped.getMessage().contains("failed validation"), stopped.getMessage());
            assertTrue(
                    stopped.getCause().getMessage().contains("checksum mismatch"),
                    stopped.getCause().getMessage());
        } finally {
            db.execute("UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '10'");
        }
        db.execute("UPDATE flyway_schema_history SET script = 'V10__renamed.sql' WHERE version = '10'");
        try {
            assertFalse(Migrations.upToDate(dataSource(db)), "a file of another name");
        } finally {
            db.execute(
                    "UPDATE flyway_schema_history SET script = 'V10__certificate_profiles.sql' WHERE version = '10'");
        }
        assertTrue(Migrations.upToDate(dataSource(db)));
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
