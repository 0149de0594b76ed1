package org.openprofiles.adapter.jdbc.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.shared.Sql;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Access profiles in {@code access_profile} with their groups and attribute values in two child
 * tables. Any number of profiles is read in one statement: each row carries its groups and its
 * attribute values as arrays in their order ({@link #WITH_DETAILS}), gathered by index per profile.
 */
public final class JdbiAccessProfiles implements AccessProfiles {

    private static final String COLUMNS = "id, name, description, color, initials, created_at, modified_at, version";

    /**
     * The profiles' columns and details, FROM {@code access_profile p} onwards: each profile's
     * groups (ids, names, DNs) and attribute values (keys, values) as arrays in their order, read
     * through the child tables' primary keys for the profiles the statement returns only.
     */
    private static final String WITH_DETAILS = """
            SELECT p.id, p.name, p.description, p.color, p.initials, p.created_at, p.modified_at, p.version,
                   g.ids AS group_ids, g.names AS group_names, g.dns AS group_dns,
                   a.keys AS attribute_keys, a.vals AS attribute_values
              FROM access_profile p
              LEFT JOIN LATERAL (
                   SELECT array_agg(dg.id ORDER BY pg.position) AS ids,
                          array_agg(dg.name ORDER BY pg.position) AS names,
                          array_agg(dg.distinguished_name ORDER BY pg.position) AS dns
                     FROM access_profile_group pg
                     JOIN directory_group dg ON dg.id = pg.group_id
                    WHERE pg.profile_id = p.id) g ON true
              LEFT JOIN LATERAL (
                   SELECT array_agg(pa.name ORDER BY pa.position) AS keys,
                          array_agg(pa.value ORDER BY pa.position) AS vals
                     FROM access_profile_attribute pa
                    WHERE pa.profile_id = p.id) a ON true
            """;

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
        List<AccessProfile> rows = listed(WITH_DETAILS, filter, page, JdbiAccessProfiles::profile);
        return withinBudget(rows, page.limit(), AccessProfile::details, AccessProfile::name);
    }

    @Override
    public Page<AccessProfileId> listIds(ProfileFilter filter, PageRequest page) {
        // The profile rows alone, through the name index: what a page holds is counted in "details".
        List<Listed<AccessProfileId>> rows = listed(
                "SELECT p.id, p.name, p.details FROM access_profile p",
                filter,
                page,
                (rs, ctx) ->
                        new Listed<>(new AccessProfileId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getInt(3)));
        return withinBudget(rows, page.limit(), Listed::weight, Listed::name).map(Listed::item);
    }

    /** One row of the list before its budget: the item, its name (the cursor) and its size. */
    private record Listed<T>(T item, String name, long weight) {}

    /** The rows of one page of {@code select} (FROM {@code access_profile p}): filtered, by name, one more than the limit. */
    private <T> List<T> listed(String select, ProfileFilter filter, PageRequest page, RowMapper<T> mapper) {
        Optional<String> after =
                page.cursor().map(c -> db.cursors().decode(c, 1).get(0));
        // Only the filters this request has: fewer arguments, and a plan that walks the name index.
        String sql = select + " WHERE true"
                + (filter.name().isEmpty() ? "" : " AND lower(p.name) = lower(:name)")
                + (filter.search().isEmpty()
                        ? ""
                        : " AND (strpos(lower(p.name), lower(:search)) > 0"
                                + " OR strpos(lower(p.description), lower(:search)) > 0)")
                + (after.isEmpty() ? "" : " AND lower(p.name) > lower(:after)")
                + " ORDER BY lower(p.name) LIMIT :limit";
        return db.withHandle(h -> {
            var query = h.createQuery(sql).bind("limit", page.limit() + 1);
            filter.name().ifPresent(name -> query.bind("name", name));
            filter.search().ifPresent(search -> query.bind("search", search));
            after.ifPresent(name -> query.bind("after", name));
            return query.map(mapper).list();
        });
    }

    /**
     * The page's profiles: at most {@code limit}, and — so that one response stays bounded whatever
     * the profiles hold — only as many as fit {@link #MAX_LISTED_DETAILS} groups and attribute
     * values together (always at least one). A cut page links to the rest like any other.
     */
    private <T> Page<T> withinBudget(
            List<T> rowsPlusOne, int limit, ToLongFunction<T> weight, Function<T, String> name) {
        List<T> kept = new ArrayList<>();
        long spent = 0;
        for (T candidate : rowsPlusOne) {
            long size = weight.applyAsLong(candidate);
            if (kept.size() == limit || (!kept.isEmpty() && spent + size > MAX_LISTED_DETAILS)) {
                return new Page<>(kept, Optional.of(db.cursors().encode(name.apply(kept.get(kept.size() - 1)))));
            }
            kept.add(candidate);
            spent += size;
        }
        return Page.last(kept);
    }

    @Override
    public List<AccessProfile> findAll(Collection<AccessProfileId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.withHandle(h -> h.createQuery(WITH_DETAILS + " WHERE p.id = ANY(:ids) ORDER BY lower(p.name)")
                .bindArray(
                        "ids",
                        UUID.class,
                        ids.stream().map(AccessProfileId::value).toList())
                .map(JdbiAccessProfiles::profile)
                .list());
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
                                                            modified_at, version, details)
                                VALUES (:id, :name, :description, :color, :initials, :createdAt, :modifiedAt, 1,
                                        :details)
                                """)
                        .bind("details", profile.details())
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
            changed(profile.id());
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
                                       initials = :initials, modified_at = :modifiedAt, version = version + 1,
                                       details = :details
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
                        .bind("details", profile.details())
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
            changed(profile.id());
            return profile.withVersion(stored);
        });
    }

    @Override
    public boolean delete(AccessProfileId id) {
        // Groups, attribute values and assignments go with it (ON DELETE CASCADE).
        boolean deleted = db.withHandle(h -> h.createUpdate("DELETE FROM access_profile WHERE id = :id")
                        .bind("id", id.value())
                        .execute())
                == 1;
        if (deleted) {
            changed(id);
        }
        return deleted;
    }

    /** Caches of access profiles drop this one when the unit of work commits (the trigger tells other nodes). */
    private void changed(AccessProfileId id) {
        db.changed(new ChangeFeed.Change(ChangeFeed.Topic.ACCESS_PROFILE, id.value()));
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

    /** A row of {@link #WITH_DETAILS}: the profile with its groups and attribute values. */
    private static AccessProfile profile(ResultSet rs, StatementContext ctx) throws SQLException {
        Row row = row(rs, ctx);
        UUID[] groupIds = array(rs, "group_ids", UUID[].class);
        String[] groupNames = array(rs, "group_names", String[].class);
        String[] groupDns = array(rs, "group_dns", String[].class);
        List<Group> groups = new ArrayList<>(groupIds.length);
        for (int i = 0; i < groupIds.length; i++) {
            groups.add(new Group(new GroupId(groupIds[i]), groupNames[i], groupDns[i]));
        }
        String[] keys = array(rs, "attribute_keys", String[].class);
        String[] values = array(rs, "attribute_values", String[].class);
        List<AttributeValue> attributes = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            attributes.add(new AttributeValue(keys[i], values[i]));
        }
        return new AccessProfile(
                new AccessProfileId(row.id()),
                row.name(),
                row.description(),
                row.color(),
                row.initials(),
                row.createdAt().toInstant(),
                row.modifiedAt().toInstant(),
                groups,
                attributes,
                row.version());
    }

    /** An array column, empty when SQL gave NULL (array_agg over no rows). */
    private static <T> T[] array(ResultSet rs, String column, Class<T[]> type) throws SQLException {
        Array array = rs.getArray(column);
        return array == null
                ? type.cast(java.lang.reflect.Array.newInstance(type.getComponentType(), 0))
                : type.cast(array.getArray());
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
