package org.openprofiles.adapter.ldap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach and read the organisation's directory: the server, the bind account, where and what
 * to search, how attributes map, and whether remediation may write. {@link #fromVariables} builds it
 * from the {@code PROFILES_LDAP_*} settings (see docs/access-profiles.md), filling what is not given
 * from the {@link Preset}; every complaint names the variable. The password never appears in
 * {@link #toString()} or in any message.
 *
 * @param url             {@code ldap://host[:port]} or {@code ldaps://host[:port]}
 * @param preset          the kind of server, which decides the defaults below
 * @param bindDn          the account to bind as; empty binds anonymously
 * @param bindPassword    its password
 * @param baseDn          where accounts and groups are searched (subtree)
 * @param syncInterval    how often the scheduled sync runs ({@link Duration#ZERO}: on demand only)
 * @param startTls        upgrade an {@code ldap://} connection with StartTLS before binding
 * @param trustStore      PKCS#12 or JKS file of the certificates to trust for TLS; empty: the JVM's
 * @param trustStorePassword its password (may be empty)
 * @param userFilter      LDAP filter selecting accounts
 * @param groupFilter     LDAP filter selecting groups
 * @param attributes      which LDAP attributes hold what
 * @param membership      where memberships are read from
 * @param disabledFilter  accounts matching this filter are disabled (evaluated on the entry as read);
 *                        empty: Active Directory's {@code userAccountControl} bit 0x2
 * @param changeTracking  how incremental reads find changed accounts
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for any one answer (a page, a bind, a modify)
 * @param pageSize        entries per page of the simple paged results control (RFC 2696)
 * @param writeEnabled    whether remediation may modify the directory
 */
public record LdapSettings(
        URI url,
        Preset preset,
        String bindDn,
        String bindPassword,
        String baseDn,
        Duration syncInterval,
        boolean startTls,
        Optional<Path> trustStore,
        String trustStorePassword,
        String userFilter,
        String groupFilter,
        LdapAttributes attributes,
        Membership membership,
        Optional<String> disabledFilter,
        ChangeTracking changeTracking,
        Duration connectTimeout,
        Duration responseTimeout,
        int pageSize,
        boolean writeEnabled) {

    public static final int MAX_PAGE_SIZE = 10_000;

    /** The kind of directory server; decides the defaults of every mapping. */
    public enum Preset implements SettingValue {
        ACTIVE_DIRECTORY("active-directory"),
        OPENLDAP("openldap");

        private final String setting;

        Preset(String setting) {
            this.setting = setting;
        }

        @Override
        public String setting() {
            return setting;
        }
    }

    /** Where an account's groups come from. */
    public enum Membership implements SettingValue {
        /**
         * The account's own {@code memberOf} values (Active Directory; OpenLDAP with the memberof
         * overlay), nesting from the groups' {@code memberOf}. Holds only the group graph in memory.
         */
        MEMBER_OF("member-of"),
        /**
         * The groups' {@code member} values (any LDAP server). Every membership is held while the
         * accounts are read, compactly (12 bytes each: 24 MB for 2,000,000).
         */
        MEMBER("member");

        private final String setting;

        Membership(String setting) {
            this.setting = setting;
        }

        @Override
        public String setting() {
            return setting;
        }
    }

    /** How an incremental read finds what changed. */
    public enum ChangeTracking implements SettingValue {
        /** Active Directory: {@code uSNChanged} against the root DSE's {@code highestCommittedUSN} */
        USN("usn"),
        /** any server keeping {@code modifyTimestamp} (OpenLDAP) */
        MODIFY_TIMESTAMP("modify-timestamp"),
        /** every read is full */
        NONE("none");

        private final String setting;

        ChangeTracking(String setting) {
            this.setting = setting;
        }

        @Override
        public String setting() {
            return setting;
        }
    }

    public LdapSettings {
        if (url == null || url.getHost() == null) {
            throw new IllegalArgumentException("PROFILES_LDAP_URL must be ldap://host[:port] or ldaps://host[:port]");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            throw new IllegalArgumentException(
                    "PROFILES_LDAP_URL must start with ldap:// or ldaps://, was '" + url + "'");
        }
        if (preset == null || attributes == null || membership == null || changeTracking == null) {
            throw new IllegalArgumentException("preset, attributes, membership and change tracking must be given");
        }
        bindDn = bindDn == null ? "" : bindDn.strip();
        bindPassword = bindPassword == null ? "" : bindPassword;
        if (!bindDn.isEmpty() && bindPassword.isEmpty()) {
            throw new IllegalArgumentException(
                    "PROFILES_LDAP_BIND_PASSWORD is required when PROFILES_LDAP_BIND_DN is set");
        }
        baseDn = requireDn(baseDn, "PROFILES_LDAP_BASE_DN");
        if (!bindDn.isEmpty()) {
            requireDn(bindDn, "PROFILES_LDAP_BIND_DN");
        }
        syncInterval = syncInterval == null ? Duration.ZERO : syncInterval;
        if (syncInterval.isNegative()) {
            throw new IllegalArgumentException("PROFILES_LDAP_SYNC_INTERVAL must not be negative");
        }
        if (startTls && scheme.equals("ldaps")) {
            throw new IllegalArgumentException(
                    "PROFILES_LDAP_START_TLS cannot be combined with an ldaps:// URL (already TLS)");
        }
        trustStore = trustStore == null ? Optional.empty() : trustStore;
        if (trustStore.isPresent() && !Files.isReadable(trustStore.get())) {
            throw new IllegalArgumentException("PROFILES_LDAP_TRUST_STORE: no readable file at " + trustStore.get());
        }
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
        userFilter = LdapFilters.require(userFilter, "PROFILES_LDAP_USER_FILTER");
        groupFilter = LdapFilters.require(groupFilter, "PROFILES_LDAP_GROUP_FILTER");
        disabledFilter = disabledFilter == null
                ? Optional.empty()
                : disabledFilter.map(String::strip).filter(f -> !f.isEmpty());
        disabledFilter.ifPresent(f -> LdapFilters.require(f, "PROFILES_LDAP_DISABLED_FILTER"));
        connectTimeout = positive(connectTimeout, "PROFILES_LDAP_CONNECT_TIMEOUT");
        responseTimeout = positive(responseTimeout, "PROFILES_LDAP_RESPONSE_TIMEOUT");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "PROFILES_LDAP_PAGE_SIZE must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    /** Whether the connection is (or becomes, through StartTLS) encrypted. */
    public boolean usesTls() {
        return startTls || url.getScheme().equalsIgnoreCase("ldaps");
    }

    public int port() {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return url.getScheme().equalsIgnoreCase("ldaps") ? 636 : 389;
    }

    /** The URL without anything but scheme, host and port: what messages name. */
    public String server() {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + ":" + port();
    }

    @Override
    public String toString() {
        return "LdapSettings[" + server() + ", preset=" + preset.setting() + ", bindDn=" + bindDn + ", baseDn=" + baseDn
                + ", startTls=" + startTls + ", pageSize=" + pageSize + ", writeEnabled=" + writeEnabled + "]";
    }

    /** The names of the settings {@link #fromVariables} reads, each with what it means; for docs and help. */
    public static final Map<String, String> VARIABLES = variables();

    private static Map<String, String> variables() {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("PROFILES_LDAP_URL", "ldap://host[:port] or ldaps://host[:port]; empty: no directory is read");
        v.put("PROFILES_LDAP_PRESET", "active-directory (default) or openldap: decides every default below");
        v.put("PROFILES_LDAP_BIND_DN", "account to bind as; empty: anonymous");
        v.put("PROFILES_LDAP_BIND_PASSWORD", "its password (also PROFILES_LDAP_BIND_PASSWORD_FILE)");
        v.put("PROFILES_LDAP_BASE_DN", "where accounts and groups are searched (subtree); required");
        v.put(
                "PROFILES_LDAP_SYNC_INTERVAL",
                "time between scheduled syncs, e.g. 15m, 1h, PT30M; 0: on demand only [1h]");
        v.put("PROFILES_LDAP_START_TLS", "true: StartTLS before binding (ldap:// only) [false]");
        v.put("PROFILES_LDAP_TRUST_STORE", "PKCS#12 or JKS file of the CA certificates to trust; empty: the JVM's");
        v.put("PROFILES_LDAP_TRUST_STORE_PASSWORD", "password of the trust store (may be empty)");
        v.put("PROFILES_LDAP_USER_FILTER", "filter selecting accounts [preset]");
        v.put("PROFILES_LDAP_GROUP_FILTER", "filter selecting groups [preset]");
        v.put(
                "PROFILES_LDAP_ATTRIBUTES",
                "overrides: id=attr[:binary-guid|uuid],login=,displayName=,groupName=,member=,memberOf=");
        v.put(
                "PROFILES_LDAP_CATALOG_ATTRIBUTES",
                "catalog key to LDAP attribute: key=attr[:text|filetime|generalized-time],…");
        v.put("PROFILES_LDAP_MEMBERSHIP", "member-of (the account's memberOf) or member (the groups' member) [preset]");
        v.put("PROFILES_LDAP_DISABLED_FILTER", "accounts matching this filter are disabled [preset]");
        v.put("PROFILES_LDAP_CHANGE_TRACKING", "usn, modify-timestamp or none [preset]");
        v.put("PROFILES_LDAP_CONNECT_TIMEOUT", "time to wait for a connection [10s]");
        v.put("PROFILES_LDAP_RESPONSE_TIMEOUT", "time to wait for any one answer, e.g. a page [60s]");
        v.put("PROFILES_LDAP_PAGE_SIZE", "entries per paged-results page, 1-10000 [500]");
        v.put("PROFILES_LDAP_WRITE_ENABLED", "true: remediation may modify the directory [false]");
        return java.util.Collections.unmodifiableMap(v);
    }

    /**
     * The settings given by these variables (names as in {@link #VARIABLES}; a missing or blank one
     * takes its default), or empty when {@code PROFILES_LDAP_URL} is empty. The bind password comes
     * already read (the configuration layer resolves {@code PROFILES_LDAP_BIND_PASSWORD_FILE}).
     *
     * @throws IllegalArgumentException naming the variable at fault
     */
    public static Optional<LdapSettings> fromVariables(Map<String, String> variables) {
        String url = value(variables, "PROFILES_LDAP_URL", "");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Preset preset = SettingValue.parse(
                Preset.class,
                value(variables, "PROFILES_LDAP_PRESET", Preset.ACTIVE_DIRECTORY.setting()),
                "PROFILES_LDAP_PRESET");
        boolean ad = preset == Preset.ACTIVE_DIRECTORY;
        String trustStore = value(variables, "PROFILES_LDAP_TRUST_STORE", "");
        return Optional.of(new LdapSettings(
                uri(url),
                preset,
                value(variables, "PROFILES_LDAP_BIND_DN", ""),
                variables.getOrDefault("PROFILES_LDAP_BIND_PASSWORD", ""),
                value(variables, "PROFILES_LDAP_BASE_DN", ""),
                duration(value(variables, "PROFILES_LDAP_SYNC_INTERVAL", "1h"), "PROFILES_LDAP_SYNC_INTERVAL"),
                bool(value(variables, "PROFILES_LDAP_START_TLS", "false"), "PROFILES_LDAP_START_TLS"),
                trustStore.isEmpty() ? Optional.empty() : Optional.of(Path.of(trustStore)),
                variables.getOrDefault("PROFILES_LDAP_TRUST_STORE_PASSWORD", ""),
                value(
                        variables,
                        "PROFILES_LDAP_USER_FILTER",
                        ad ? "(&(objectClass=user)(!(objectClass=computer)))" : "(objectClass=inetOrgPerson)"),
                value(
                        variables,
                        "PROFILES_LDAP_GROUP_FILTER",
                        ad ? "(objectClass=group)" : "(objectClass=groupOfNames)"),
                LdapAttributes.defaults(preset)
                        .withOverrides(value(variables, "PROFILES_LDAP_ATTRIBUTES", ""))
                        .withCatalog(value(variables, "PROFILES_LDAP_CATALOG_ATTRIBUTES", "")),
                SettingValue.parse(
                        Membership.class,
                        value(variables, "PROFILES_LDAP_MEMBERSHIP", ad ? "member-of" : "member"),
                        "PROFILES_LDAP_MEMBERSHIP"),
                Optional.of(value(
                        variables, "PROFILES_LDAP_DISABLED_FILTER", ad ? "" : "(pwdAccountLockedTime=000001010000Z)")),
                SettingValue.parse(
                        ChangeTracking.class,
                        value(variables, "PROFILES_LDAP_CHANGE_TRACKING", ad ? "usn" : "modify-timestamp"),
                        "PROFILES_LDAP_CHANGE_TRACKING"),
                duration(value(variables, "PROFILES_LDAP_CONNECT_TIMEOUT", "10s"), "PROFILES_LDAP_CONNECT_TIMEOUT"),
                duration(value(variables, "PROFILES_LDAP_RESPONSE_TIMEOUT", "60s"), "PROFILES_LDAP_RESPONSE_TIMEOUT"),
                integer(value(variables, "PROFILES_LDAP_PAGE_SIZE", "500"), "PROFILES_LDAP_PAGE_SIZE"),
                bool(value(variables, "PROFILES_LDAP_WRITE_ENABLED", "false"), "PROFILES_LDAP_WRITE_ENABLED")));
    }

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

    /** {@code 0}, {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
    static Duration duration(String value, String variable) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    variable + " must be a duration such as 30s, 15m, 1h or PT15M, was '" + value + "'");
        }
    }

    private static String value(Map<String, String> variables, String name, String fallback) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("PROFILES_LDAP_URL is not a URL: '" + url + "'");
        }
    }

    private static boolean bool(String value, String variable) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true or false, was '" + value + "'");
        };
    }

    private static int integer(String value, String variable) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number, was '" + value + "'");
        }
    }

    private static Duration positive(Duration value, String variable) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(variable + " must be longer than zero");
        }
        return value;
    }

    private static String requireDn(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is required");
        }
        if (!com.unboundid.ldap.sdk.DN.isValidDN(value.strip())) {
            throw new IllegalArgumentException(variable + " is not a distinguished name: '" + value + "'");
        }
        return value.strip();
    }
}
