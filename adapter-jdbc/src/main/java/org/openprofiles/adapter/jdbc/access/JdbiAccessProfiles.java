package org.openprofiles.adapter.jdbc.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.shared.Sql;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Access profiles in {@code access_profile} with their groups and attribute values in two child
 * tables. Any number of profiles is read in three statements: the rows, then all their groups,
 * then all their attribute values.
 */
public final class JdbiAccessProfiles implements AccessProfiles {

    private static final String COLUMNS = "id, name, description, color, initials, created_at, modified_at, version";

    /**
     * The most groups and attribute values one page of the list carries, all profiles together:
     * about 2 MB of JSON. A single profile holds at most {@code ProfileDraft.MAX_GROUPS} groups
     * and {@code MAX_ATTRIBUTES} values, so a page always has room for at least one.
     */
    static final long MAX_LISTED_DETAILS = 10_000;

    private final JdbiTransactions db;

    public JdbiAccessProfiles(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Page<AccessProfile> list(ProfileFilter filter, PageRequest page) {
        Optional<String> after =
                page.cursor().map(c -> db.cursors().decode(c, 1).get(0));
        return db.withHandle(h -> {
            List<Weighed> rows = h.createQuery("SELECT " + COLUMNS + """
                                 , (SELECT count(*) FROM access_profile_group g WHERE g.profile_id = p.id)
                                   + (SELECT count(*) FROM access_profile_attribute a WHERE a.profile_id = p.id)
                                   AS weight
                             FROM access_profile p
                            WHERE (CAST(:name AS text) IS NULL OR lower(name) = lower(CAST(:name AS text)))
                              AND (CAST(:search AS text) IS NULL
                                   OR strpos(lower(name), lower(CAST(:search AS text))) > 0
                                   OR strpos(lower(description), lower(CAST(:search AS text))) > 0)
                              AND (CAST(:after AS text) IS NULL OR lower(name) > lower(CAST(:after AS text)))
                            ORDER BY lower(name)
                            LIMIT :limit
                            """)
                    .bind("name", filter.name().orElse(null))
                    .bind("search", filter.search().orElse(null))
                    .bind("after", after.orElse(null))
                    .bind("limit", page.limit() + 1)
                    .map((rs, ctx) -> new Weighed(row(rs, ctx), rs.getLong("weight")))
                    .list();
            Page<Row> slice = withinBudget(rows, page.limit());
            List<AccessProfile> profiles = withDetails(h, slice.items());
            return new Page<>(profiles, slice.nextCursor());
        });
    }

    /** A listed profile with the number of groups and attribute values it would bring into the page. */
    private record Weighed(Row row, long weight) {}

    /**
     * The page's rows: at most {@code limit}, and — so that one response stays bounded whatever
     * the profiles hold — only as many as fit {@link #MAX_LISTED_DETAILS} groups and attribute
     * values together (always at least one). A cut page links to the rest like any other.
     */
    private Page<Row> withinBudget(List<Weighed> rowsPlusOne, int limit) {
        List<Row> kept = new ArrayList<>();
        long spent = 0;
        for (Weighed candidate : rowsPlusOne) {
            if (kept.size() == limit || (!kept.isEmpty() && spent + candidate.weight() > MAX_LISTED_DETAILS)) {
                return new Page<>(
                        kept,
                        Optional.of(
                                db.cursors().encode(kept.get(kept.size() - 1).name())));
            }
            kept.add(candidate.row());
            spent += candidate.weight();
        }
        return Page.last(kept);
    }

    @Override
    public List<AccessProfile> findAll(Collection<AccessProfileId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.withHandle(h -> withDetails(
                h,
                h.createQuery("SELECT " + COLUMNS + " FROM access_profile WHERE id = ANY(:ids) ORDER BY lower(name)")
                        .bindArray(
                                "ids",
                                UUID.class,
                                ids.stream().map(AccessProfileId::value).toList())
                        .map(JdbiAccessProfiles::row)
                        .list()));
    }

    @Override
    public Optional<AccessProfile> find(AccessProfileId id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    @Override
    public Set<AccessProfileId> existing(Collection<AccessProfileId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return db.withHandle(h -> new HashSet<>(h.createQuery("SELECT id FROM access_profile WHERE id = ANY(:ids)")
                .bindArray(
                        "ids",
                        UUID.class,
                        ids.stream().map(AccessProfileId::value).toList())
                .map((rs, ctx) -> new AccessProfileId(rs.getObject("id", UUID.class)))
                .list()));
    }

    @Override
    public boolean nameTaken(String name, Optional<AccessProfileId> except) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM access_profile
                                        WHERE lower(name) = lower(:name)
                                          AND (CAST(:except AS uuid) IS NULL OR id <> CAST(:except AS uuid)))
                        """)
                .bind("name", name)
                .bind("except", except.map(AccessProfileId::value).orElse(null))
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public void add(AccessProfile profile) {
        db.withHandle(h -> {
            try {
                h.createUpdate("""
                                INSERT INTO access_profile (id, name, description, color, initials, created_at,
                                                            modified_at, version)
                                VALUES (:id, :name, :description, :color, :initials, :createdAt, :modifiedAt, 1)
                                """)
                        .bind("id", profile.id().value())
                        .bind("name", profile.name())
                        .bind("description", profile.description())
                        .bind("color", profile.color())
                        .bind("initials", profile.initials())
                        .bind("createdAt", profile.createdAt())
                        .bind("modifiedAt", profile.modifiedAt())
                        .execute();
            } catch (UnableToExecuteStatementException e) {
                throw duplicateOr(e);
            }
            insertDetails(h, profile);
            return null;
        });
    }

    @Override
    public AccessProfile update(AccessProfile profile) {
        return db.withHandle(h -> {
            Optional<Long> version;
            try {
                version = h.createQuery("""
                                UPDATE access_profile
                                   SET name = :name, description = :description, color = :color,
                                       initials = :initials, modified_at = :modifiedAt, version = version + 1
                                 WHERE id = :id AND version = :version
                                RETURNING version
                                """)
                        .bind("id", profile.id().value())
                        .bind("name", profile.name())
                        .bind("description", profile.description())
                        .bind("color", profile.color())
                        .bind("initials", profile.initials())
                        .bind("modifiedAt", profile.modifiedAt())
                        .bind("version", profile.version())
                        .mapTo(Long.class)
                        .findOne();
            } catch (UnableToExecuteStatementException e) {
                throw duplicateOr(e);
            }
            long stored = version.orElseThrow(AccessProfile::changedMeanwhile);
            h.createUpdate("DELETE FROM access_profile_group WHERE profile_id = :id")
                    .bind("id", profile.id().value())
                    .execute();
            h.createUpdate("DELETE FROM access_profile_attribute WHERE profile_id = :id")
                    .bind("id", profile.id().value())
                    .execute();
            insertDetails(h, profile);
            return profile.withVersion(stored);
        });
    }

    @Override
    public boolean delete(AccessProfileId id) {
        // Groups, attribute values and assignments go with it (ON DELETE CASCADE).
        return db.withHandle(h -> h.createUpdate("DELETE FROM access_profile WHERE id = :id")
                        .bind("id", id.value())
                        .execute())
                == 1;
    }

    private static void insertDetails(Handle h, AccessProfile profile) {
        if (!profile.groups().isEmpty()) {
            h.createUpdate("""
                            INSERT INTO access_profile_group (profile_id, group_id, position)
                            SELECT :id, g, o FROM unnest(CAST(:groups AS uuid[])) WITH ORDINALITY AS t (g, o)
                            """)
                    .bind("id", profile.id().value())
                    .bindArray(
                            "groups",
                            UUID.class,
                            profile.groups().stream().map(g -> g.id().value()).toList())
                    .execute();
        }
        if (!profile.attributes().isEmpty()) {
            h.createUpdate("""
                            INSERT INTO access_profile_attribute (profile_id, name, value, position)
                            SELECT :id, k, v, o
                              FROM unnest(CAST(:keys AS text[]), CAST(:values AS text[])) WITH ORDINALITY AS t (k, v, o)
                            """)
                    .bind("id", profile.id().value())
                    .bindArray(
                            "keys",
                            String.class,
                            profile.attributes().stream()
                                    .map(AttributeValue::key)
                                    .toList())
                    .bindArray(
                            "values",
                            String.class,
                            profile.attributes().stream()
                                    .map(AttributeValue::value)
                                    .toList())
                    .execute();
        }
    }

    /** The profiles of {@code rows}, in that order, with groups and attribute values: two statements. */
    private static List<AccessProfile> withDetails(Handle h, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<Group>> groups = new HashMap<>();
        h.createQuery("""
                        SELECT pg.profile_id, g.id, g.name, g.distinguished_name
                          FROM access_profile_group pg
                          JOIN directory_group g ON g.id = pg.group_id
                         WHERE pg.profile_id = ANY(:ids)
                         ORDER BY pg.profile_id, pg.position
                        """)
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> Map.entry(rs.getObject("profile_id", UUID.class), JdbiDirectory.group(rs)))
                .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        Map<UUID, List<AttributeValue>> attributes = new HashMap<>();
        h.createQuery("""
                        SELECT profile_id, name, value
                          FROM access_profile_attribute
                         WHERE profile_id = ANY(:ids)
                         ORDER BY profile_id, position
                        """)
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> Map.entry(
                        rs.getObject("profile_id", UUID.class),
                        new AttributeValue(rs.getString("name"), rs.getString("value"))))
                .forEach(e -> attributes
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return rows.stream()
                .map(r -> new AccessProfile(
                        new AccessProfileId(r.id()),
                        r.name(),
                        r.description(),
                        r.color(),
                        r.initials(),
                        r.createdAt().toInstant(),
                        r.modifiedAt().toInstant(),
                        groups.getOrDefault(r.id(), List.of()),
                        attributes.getOrDefault(r.id(), List.of()),
                        r.version()))
                .toList();
    }

    private static RuntimeException duplicateOr(UnableToExecuteStatementException e) {
        if (Sql.isUniqueViolation(e)) {
            return AccessProfile.nameOrIdTaken();
        }
        return e;
    }

    private record Row(
            UUID id,
            String name,
            String description,
            int color,
            String initials,
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            long version) {}

    private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("color"),
                rs.getString("initials"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("modified_at", OffsetDateTime.class),
                rs.getLong("version"));
    }
}
