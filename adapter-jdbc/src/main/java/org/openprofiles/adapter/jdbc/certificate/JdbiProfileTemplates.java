package org.openprofiles.adapter.jdbc.certificate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.shared.JsonColumns;
import org.openprofiles.adapter.jdbc.shared.Sql;
import org.openprofiles.application.certificate.CertificateSettingsFields;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.certificate.DataCollectionItem;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.PinPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Profile templates in {@code profile_template}, their policies in {@code template_policy}. Any
 * number of templates is read in two statements: the templates, then all their policies.
 */
public final class JdbiProfileTemplates implements ProfileTemplates {

    private static final String COLUMNS =
            "id, name, description, version, pin_policy, created_at, updated_at, certificate_settings";

    private static final Map<String, CertificateSettings> PARSED_SETTINGS = new ConcurrentHashMap<>();

    private final JdbiTransactions db;

    public JdbiProfileTemplates(JdbiTransactions db) {
        this.db = db;
    }

    /** A template row before its policies are attached. */
    private record Row(
            UUID id,
            String name,
            String description,
            long version,
            PinPolicy pinPolicy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            CertificateSettings certificateSettings) {}

    /** One operation's policy row. */
    private record PolicyRow(UUID template, Optional<ProfileOperation> operation, OperationPolicy policy) {}

    @Override
    public Optional<ProfileTemplate> find(TemplateId id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    @Override
    public Map<TemplateId, ProfileTemplate> findAll(Collection<TemplateId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        UUID[] keys = ids.stream().map(TemplateId::value).distinct().toArray(UUID[]::new);
        return db.withHandle(h -> withPolicies(
                h,
                h.createQuery("SELECT " + COLUMNS + " FROM profile_template WHERE id = ANY (:ids)")
                        .bind("ids", keys)
                        .map(JdbiProfileTemplates::row)
                        .list()));
    }

    @Override
    public void add(ProfileTemplate template) {
        try {
            db.withHandle(h -> {
                h.createUpdate("""
                                INSERT INTO profile_template (id, name, description, version, pin_policy, created_at,
                                                              updated_at, certificate_settings)
                                VALUES (:id, :name, :description, :version, CAST(:pinPolicy AS jsonb), :createdAt,
                                        :updatedAt, CAST(:settings AS jsonb))
                                """)
                        .bind("id", template.id().value())
                        .bind("name", template.name())
                        .bind("description", template.description())
                        .bind("version", template.version())
                        .bind("pinPolicy", JsonColumns.write(pinPolicyColumn(template.pinPolicy())))
                        .bind("createdAt", template.createdAt())
                        .bind("updatedAt", template.updatedAt())
                        .bind("settings", settingsColumn(template.certificateSettings()))
                        .execute();
                insertPolicies(h, template);
                return null;
            });
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw ProfileTemplate.idTaken(template.id());
            }
            throw e;
        }
        db.changed(new ChangeFeed.Change(
                ChangeFeed.Topic.PROFILE_TEMPLATE, template.id().value()));
    }

    @Override
    public void update(ProfileTemplate revised, long expectedVersion) {
        db.withHandle(h -> {
            int changed = h.createUpdate("""
                            UPDATE profile_template
                               SET name = :name, description = :description, version = :version,
                                   pin_policy = CAST(:pinPolicy AS jsonb), updated_at = :updatedAt,
                                   certificate_settings = CAST(:settings AS jsonb)
                             WHERE id = :id AND version = :expected
                            """)
                    .bind("id", revised.id().value())
                    .bind("name", revised.name())
                    .bind("description", revised.description())
                    .bind("version", revised.version())
                    .bind("pinPolicy", JsonColumns.write(pinPolicyColumn(revised.pinPolicy())))
                    .bind("updatedAt", revised.updatedAt())
                    .bind("settings", settingsColumn(revised.certificateSettings()))
                    .bind("expected", expectedVersion)
                    .execute();
            if (changed == 0) {
                boolean exists = h.createQuery("SELECT EXISTS (SELECT 1 FROM profile_template WHERE id = :id)")
                        .bind("id", revised.id().value())
                        .mapTo(Boolean.class)
                        .one();
                throw exists ? ProfileTemplate.changedMeanwhile() : ProfileTemplate.notFound(revised.id());
            }
            h.createUpdate("DELETE FROM template_policy WHERE template_id = :id")
                    .bind("id", revised.id().value())
                    .execute();
            insertPolicies(h, revised);
            return null;
        });
        db.changed(new ChangeFeed.Change(
                ChangeFeed.Topic.PROFILE_TEMPLATE, revised.id().value()));
    }

    @Override
    public Page<ProfileTemplate> list(PageRequest page) {
        Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 2));
        List<ProfileTemplate> rows = db.withHandle(h -> List.copyOf(withPolicies(
                        h,
                        h.createQuery("SELECT " + COLUMNS + """
                         FROM profile_template
                        WHERE (CAST(:afterName AS text) IS NULL
                               OR (name, id) > (CAST(:afterName AS text), CAST(:afterId AS uuid)))
                        ORDER BY name, id
                        LIMIT :limit
                        """)
                                .bind("afterName", after.map(a -> a.get(0)).orElse(null))
                                .bind(
                                        "afterId",
                                        after.map(a -> UUID.fromString(a.get(1)))
                                                .orElse(null))
                                .bind("limit", page.limit() + 1)
                                .map(JdbiProfileTemplates::row)
                                .list())
                .values()));
        return Keyset.page(
                rows,
                page.limit(),
                last -> db.cursors().encode(last.name(), last.id().toString()));
    }

    /** Attaches every row's policies, read in one statement; keeps the rows' order. */
    private static Map<TemplateId, ProfileTemplate> withPolicies(Handle h, List<Row> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<PolicyRow> policyRows = h.createQuery("""
                        SELECT template_id, operation, enabled, owner_may_initiate, on_behalf_roles, approvals_needed,
                               approver_role, server_generates_pin, user_supplies_pin, data_collection
                          FROM template_policy
                         WHERE template_id = ANY (:ids)
                        """)
                .bind("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .map((rs, ctx) -> new PolicyRow(
                        rs.getObject("template_id", UUID.class),
                        ProfileOperation.fromWireName(rs.getString("operation")),
                        policy(rs)))
                .list();
        Map<UUID, Map<ProfileOperation, OperationPolicy>> policies = new HashMap<>();
        for (PolicyRow policy : policyRows) {
            // An operation this build does not know (written by a newer one) is skipped, not fatal.
            policy.operation()
                    .ifPresent(operation -> policies.computeIfAbsent(
                                    policy.template(), k -> new EnumMap<>(ProfileOperation.class))
                            .put(operation, policy.policy()));
        }
        Map<TemplateId, ProfileTemplate> result = new LinkedHashMap<>();
        for (Row row : rows) {
            result.put(
                    new TemplateId(row.id()),
                    new ProfileTemplate(
                            new TemplateId(row.id()),
                            row.name(),
                            row.description(),
                            row.version(),
                            policies.getOrDefault(row.id(), Map.of()),
                            row.pinPolicy(),
                            row.createdAt().toInstant(),
                            row.updatedAt().toInstant(),
                            row.certificateSettings()));
        }
        return result;
    }

    private static void insertPolicies(Handle h, ProfileTemplate template) {
        if (template.policies().isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO template_policy (template_id, operation, enabled, owner_may_initiate, on_behalf_roles,
                                             approvals_needed, approver_role, server_generates_pin, user_supplies_pin,
                                             data_collection)
                VALUES (:template, :operation, :enabled, :owner, :roles, :approvals, :approver, :serverPin, :userPin,
                        CAST(:dataCollection AS jsonb))
                """);
        template.policies()
                .forEach((operation, policy) -> batch.bind(
                                "template", template.id().value())
                        .bind("operation", operation.wireName())
                        .bind("enabled", policy.enabled())
                        .bind("owner", policy.ownerMayInitiate())
                        .bind(
                                "roles",
                                policy.onBehalfRoles().stream()
                                        .map(Role::wireName)
                                        .sorted()
                                        .toArray(String[]::new))
                        .bind("approvals", policy.approvalsNeeded())
                        .bind(
                                "approver",
                                policy.approverRole().map(Role::wireName).orElse(null))
                        .bind("serverPin", policy.serverGeneratesPin())
                        .bind("userPin", policy.userSuppliesPin())
                        .bind("dataCollection", JsonColumns.write(dataCollectionColumn(policy.dataCollection())))
                        .add());
        batch.execute();
    }

    static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        Map<String, Object> pin = JsonColumns.readMap(rs.getString("pin_policy"));
        PinPolicy pinPolicy = new PinPolicy(
                ((Number) pin.get("minLength")).intValue(),
                ((Number) pin.get("maxLength")).intValue(),
                Boolean.TRUE.equals(pin.get("requireDigit")),
                Boolean.TRUE.equals(pin.get("requireLowercase")),
                Boolean.TRUE.equals(pin.get("requireUppercase")),
                Boolean.TRUE.equals(pin.get("requireSymbol")));
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getLong("version"),
                pinPolicy,
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                settings(rs.getString("certificate_settings")));
    }

    /**
     * NULL (a template stored before certificate settings existed) is the defaults. Settings are
     * immutable and templates few, so each stored text is parsed once (bounded: cleared past 1,000).
     */
    private static CertificateSettings settings(String column) {
        if (column == null) {
            return CertificateSettings.defaults();
        }
        CertificateSettings known = PARSED_SETTINGS.get(column);
        if (known != null) {
            return known;
        }
        CertificateSettings parsed = CertificateSettingsFields.read(JsonColumns.readMap(column));
        if (PARSED_SETTINGS.size() > 1_000) {
            PARSED_SETTINGS.clear();
        }
        PARSED_SETTINGS.put(column, parsed);
        return parsed;
    }

    private static String settingsColumn(CertificateSettings settings) {
        return JsonColumns.write(CertificateSettingsFields.write(settings));
    }

    private static List<Map<String, Object>> dataCollectionColumn(List<DataCollectionItem> items) {
        return items.stream()
                .map(item -> {
                    Map<String, Object> column = new LinkedHashMap<>();
                    column.put("name", item.name());
                    column.put("description", item.description());
                    column.put("required", item.required());
                    column.put("maxLength", item.maxLength());
                    return column;
                })
                .toList();
    }

    private static List<DataCollectionItem> dataCollection(String column) {
        return ((List<?>) JsonColumns.readValue(column))
                .stream()
                        .map(item -> (Map<?, ?>) item)
                        .map(item -> new DataCollectionItem(
                                (String) item.get("name"),
                                (String) item.get("description"),
                                Boolean.TRUE.equals(item.get("required")),
                                ((Number) item.get("maxLength")).intValue()))
                        .toList();
    }

    private static OperationPolicy policy(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("on_behalf_roles");
        if (array != null) {
            for (Object name : (Object[]) array.getArray()) {
                Role.fromWireName((String) name).ifPresent(roles::add);
            }
        }
        int approvals = rs.getInt("approvals_needed");
        return new OperationPolicy(
                rs.getBoolean("enabled"),
                rs.getBoolean("owner_may_initiate"),
                roles,
                approvals,
                Optional.ofNullable(rs.getString("approver_role")).flatMap(Role::fromWireName),
                rs.getBoolean("server_generates_pin"),
                rs.getBoolean("user_supplies_pin"),
                dataCollection(rs.getString("data_collection")));
    }

    private static Map<String, Object> pinPolicyColumn(PinPolicy pin) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("minLength", pin.minLength());
        column.put("maxLength", pin.maxLength());
        column.put("requireDigit", pin.requireDigit());
        column.put("requireLowercase", pin.requireLowercase());
        column.put("requireUppercase", pin.requireUppercase());
        column.put("requireSymbol", pin.requireSymbol());
        return column;
    }
}
