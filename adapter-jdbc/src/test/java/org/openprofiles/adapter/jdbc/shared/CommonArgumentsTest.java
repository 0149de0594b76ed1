package org.openprofiles.adapter.jdbc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class CommonArgumentsTest {

    private static final String ECHO = """
            SELECT CAST(:id AS uuid) AS id, CAST(:name AS text) AS name, CAST(:count AS integer) AS count,
                   CAST(:total AS bigint) AS total, CAST(:enabled AS boolean) AS enabled,
                   CAST(:at AS timestamptz) AS at
            """;

    @Test
    void eachCommonTypeReachesTheDatabaseAsTheValueItIs(TestDatabase db) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-02T23:59:58.123456Z");
        Map<String, Object> row = db.jdbi()
                .withHandle(h -> h.createQuery(ECHO)
                        .bind("id", id)
                        .bind("name", "Zoë's profile")
                        .bind("count", 42)
                        .bind("total", 9_000_000_000L)
                        .bind("enabled", true)
                        .bind("at", at)
                        .mapToMap()
                        .one());
        assertEquals(id, row.get("id"));
        assertEquals("Zoë's profile", row.get("name"));
        assertEquals(42, row.get("count"));
        assertEquals(9_000_000_000L, row.get("total"));
        assertEquals(true, row.get("enabled"));
        assertEquals(at, ((java.sql.Timestamp) row.get("at")).toInstant());
    }

    @Test
    void aNullOfEachCommonTypeIsSqlNull(TestDatabase db) {
        Map<String, Object> row = db.jdbi()
                .withHandle(h -> h.createQuery(ECHO)
                        .bindByType("id", null, UUID.class)
                        .bindByType("name", null, String.class)
                        .bindByType("count", null, Integer.class)
                        .bindByType("total", null, Long.class)
                        .bindByType("enabled", null, Boolean.class)
                        .bindByType("at", null, Instant.class)
                        .mapToMap()
                        .one());
        assertEquals(6, row.size());
        row.forEach((column, value) -> assertNull(value, column));
    }

    /**
     * The point of the factory: a statement's common parameters are answered before Jdbi walks its
     * list of factories. A factory registered before the service's configuration is further down
     * that list; it is asked for a type only when nothing in front of it answered.
     */
    @Test
    void theCommonTypesAreAnsweredBeforeAnyOtherFactoryIsAsked(TestDatabase db) {
        List<Type> asked = new ArrayList<>();
        Jdbi jdbi = Jdbi.create(
                db.settings().url(), db.settings().user(), db.settings().password());
        jdbi.registerArgument(new ArgumentFactory.Preparable() {
            @Override
            public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
                asked.add(type);
                return Optional.empty();
            }
        });
        Database.configure(jdbi);

        jdbi.withHandle(h -> h.createQuery(ECHO)
                .bind("id", UUID.randomUUID())
                .bind("name", "x")
                .bind("count", 1)
                .bind("total", 2L)
                .bind("enabled", false)
                .bind("at", Instant.now())
                .mapToMap()
                .one());
        assertEquals(List.of(), asked, "no factory behind the common ones was asked");

        jdbi.withHandle(h -> h.createQuery("SELECT CAST(:day AS date)")
                .bind("day", LocalDate.of(2026, 12, 2))
                .mapToMap()
                .one());
        assertTrue(asked.contains(LocalDate.class), "other types still go down the list: " + asked);
    }
}
