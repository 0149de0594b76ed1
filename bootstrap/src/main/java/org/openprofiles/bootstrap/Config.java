package org.openprofiles.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openprofiles.adapter.ca.CaKeyAlgorithm;
import org.openprofiles.adapter.ca.EmbeddedCaSettings;
import org.openprofiles.adapter.ldap.LdapAttributes;
import org.openprofiles.adapter.ldap.LdapSettings;
import org.openprofiles.adapter.ldap.LdapSettings.ChangeTracking;
import org.openprofiles.adapter.ldap.LdapSettings.Membership;
import org.openprofiles.adapter.ldap.LdapSettings.Preset;
import org.openprofiles.adapter.ldap.SettingValue;
import org.openprofiles.adapter.rest.security.OidcSettings;
import org.openprofiles.adapter.rest.shared.ClientCertificates;
import org.openprofiles.adapter.rest.shared.RequestIntake;
import org.openprofiles.adapter.rest.shared.SignInThrottle;
import org.openprofiles.adapter.rest.shared.TlsSettings;
import org.openprofiles.adapter.rest.shared.TrustedProxies;
import org.openprofiles.application.access.DirectorySyncSchedule;
import org.openprofiles.application.shared.ChangeAwareCache;

/**
 * The server's configuration. {@link #settings()} is the ONE list of settings: it drives the
 * command-line flags, {@code --help}, {@code serve --print-config}, the configuration file and
 * the README's table (a test keeps that in step). Each setting is read, first found wins, from
 * its flag, its environment variable, the configuration file ({@code --config} /
 * {@code PROFILES_CONFIG}, Java properties keyed by the variable names) and its default.
 *
 * <p>Adding a setting: one {@code define(...)} line below (name, default, description, parser)
 * and a typed accessor; see docs/operations.md, "Adding a setting".
 */
public final class Config {

    private static final List<Setting<?>> ALL = new ArrayList<>();

    public static final Setting<String> HTTP_HOST =
            define(Setting.of("http-host", "127.0.0.1", "address to listen on", Config::nonBlank));
    public static final Setting<Integer> HTTP_PORT = define(Setting.of(
            "http-port",
            "8080",
            "port to listen on; 0 picks a free one and the start-up line says which",
            text -> integer(text, 0, 65_535)));
    public static final Setting<Optional<URI>> PUBLIC_BASE_URL = define(Setting.of(
            "public-base-url",
            "",
            "the URL clients use to reach the service (scheme, host, port, path prefix); every absolute URI the "
                    + "server writes starts with it. Empty: the listener's own address",
            Config::baseUrl));
    public static final Setting<TrustedProxies> TRUSTED_PROXIES = define(Setting.of(
            "trusted-proxies",
            "",
            "addresses or CIDR ranges of reverse proxies whose Forwarded / X-Forwarded-* headers are believed; "
                    + "empty: none",
            TrustedProxies::parse));
    public static final Setting<List<String>> CORS_ALLOWED_ORIGINS = define(Setting.of(
            "cors-allowed-origins",
            "",
            "browser origins (https://app.example.org) allowed to call the API, comma-separated; empty: none",
            Config::origins));
    public static final Setting<Optional<String>> TLS_KEYSTORE = define(Setting.of(
            "tls-keystore",
            "",
            "PKCS#12 file with the server's key and certificate chain; set, the listener speaks HTTPS only",
            Config::readableFile));
    public static final Setting<Optional<String>> TLS_KEYSTORE_PASSWORD =
            define(Setting.secret("tls-keystore-password", "password of the TLS keystore"));
    public static final Setting<Optional<Integer>> TLS_REDIRECT_PORT = define(Setting.of(
            "tls-redirect-port",
            "",
            "with TLS: a plain-HTTP port that only redirects to HTTPS (308); empty: no plain HTTP at all",
            text -> Setting.optional(text).map(t -> integer(t, 0, 65_535))));
    public static final Setting<Optional<String>> TLS_CLIENT_CA = define(Setting.of(
            "tls-client-ca",
            "",
            "with TLS: PEM file of the CA certificates whose client certificates sign users in (mutual TLS); "
                    + "empty: no client certificates",
            Config::readableFile));
    public static final Setting<ClientCertificates.UserField> TLS_CLIENT_USER = define(Setting.of(
            "tls-client-user",
            "subject:CN",
            "which part of a client certificate names the user (a login or user id): subject:<RDN> "
                    + "such as subject:CN or subject:UID, or san:email, san:uri, san:dns",
            ClientCertificates.UserField::parse));
    public static final Setting<Integer> HTTP_MAX_BODY_KIB = define(Setting.of(
            "http-max-body-kib",
            "1024",
            "largest request body of an ordinary route, in KiB; a larger one is refused with 413",
            text -> integer(text, 1, 1_048_576)));
    public static final Setting<Integer> HTTP_MAX_BULK_BODY_MIB = define(Setting.of(
            "http-max-bulk-body-mib",
            "64",
            "largest request body of a bulk route (imports, large profiles and attribute definitions), in MiB",
            text -> integer(text, 1, 1024)));
    public static final Setting<Integer> HTTP_BODY_BUFFER_MIB = define(Setting.of(
                    "http-body-buffer-mib",
                    String.valueOf(
                            Math.max(64, Math.min(256, Runtime.getRuntime().maxMemory() / 4 / 1024 / 1024))),
                    "memory all request bodies being received may hold together, in MiB; beyond it 503",
                    text -> integer(text, 1, 65_536))
            .shownDefault("a quarter of the heap, 64–256"));
    public static final Setting<Duration> HTTP_BODY_TIMEOUT_SECONDS = define(Setting.of(
            "http-body-timeout-seconds",
            "60",
            "how long a request body may take to arrive; a slower one is refused with 408",
            text -> Duration.ofSeconds(integer(text, 1, 3600))));
    public static final Setting<Integer> HTTP_MAX_HEADER_KIB = define(Setting.of(
            "http-max-header-kib",
            "16",
            "largest request header block (request line and fields), in KiB; a larger one is refused with 431",
            text -> integer(text, 1, 256)));
    public static final Setting<Integer> AUTH_FAILURES_PER_SOURCE = define(Setting.of(
            "auth-failures-per-source",
            "20",
            "failed sign-ins one client address may make per throttle window before it gets 429; 0: no limit",
            text -> integer(text, 0, 1_000_000)));
    public static final Setting<Integer> AUTH_FAILURES_PER_USER = define(Setting.of(
            "auth-failures-per-user",
            "10",
            "failed sign-ins with one user's revoked or expired tokens per throttle window before they get 429; "
                    + "0: no limit",
            text -> integer(text, 0, 1_000_000)));
    public static final Setting<Duration> AUTH_THROTTLE_SECONDS = define(Setting.of(
            "auth-throttle-seconds",
            "60",
            "the throttle window: failures are counted, and a throttled caller waits, this long",
            text -> Duration.ofSeconds(integer(text, 1, 86_400))));
    public static final Setting<Optional<String>> DB_URL = define(Setting.of(
            "db-url", "", "JDBC URL of an external PostgreSQL; empty starts the embedded one", Config::jdbcUrl));
    public static final Setting<String> DB_USER =
            define(Setting.of("db-user", "postgres", "database user", text -> text));
    public static final Setting<Optional<String>> DB_PASSWORD =
            define(Setting.secret("db-password", "database password"));
    public static final Setting<Integer> DB_POOL_SIZE = define(Setting.of(
                    "db-pool-size",
                    String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() * 2)),
                    "connections in the pool",
                    text -> integer(text, 1, 200))
            .shownDefault("2 per core"));
    public static final Setting<Integer> CACHE_ENTRIES = define(Setting.of(
            "cache-entries",
            "10000",
            "entries each in-memory cache keeps at most (API tokens' owners, profile templates); 0 turns caching off",
            text -> integer(text, 0, 1_000_000)));
    public static final Setting<Duration> CACHE_SECONDS = define(Setting.of(
            "cache-seconds",
            "300",
            "how long a cached entry is kept at most; a change drops it at once on every node anyway (0: caching off)",
            text -> Duration.ofSeconds(integer(text, 0, 86_400))));
    public static final Setting<Path> DATA_DIR = define(Setting.of(
            "data-dir",
            "./data",
            "where the embedded PostgreSQL keeps its cluster (<dir>/postgres) and the CA its keys (<dir>/ca)",
            text -> Path.of(nonBlank(text))));
    public static final Setting<Duration> SHUTDOWN_GRACE_SECONDS = define(Setting.of(
            "shutdown-grace-seconds",
            "10",
            "how long a stop waits for requests in flight",
            text -> Duration.ofSeconds(integer(text, 0, 600))));
    public static final Setting<Optional<String>> ADMIN_TOKEN = define(
            Setting.secret(
                    "admin-token",
                    "first start only: the admin's API token (at least 32 characters); empty generates one and prints it once"));
    public static final Setting<Optional<String>> OIDC_ISSUER = define(Setting.of(
            "oidc-issuer",
            "",
            "OpenID Connect issuer (iss) whose JWT access tokens are accepted; empty: API tokens only",
            Setting::optional));
    public static final Setting<Optional<String>> OIDC_AUDIENCE =
            define(Setting.of("oidc-audience", "", "audience (aud) such a JWT must name", Setting::optional));
    public static final Setting<Optional<String>> OIDC_JWKS = define(Setting.of(
            "oidc-jwks",
            "",
            "the issuer's signing keys: a JWKS file, or an https URL (http on loopback only)",
            Setting::optional));
    public static final Setting<String> OIDC_USER_CLAIM = define(
            Setting.of("oidc-user-claim", "sub", "JWT claim holding the user's id (UUID) or login", Config::nonBlank));
    public static final Setting<Optional<String>> OIDC_ROLES_CLAIM = define(Setting.of(
            "oidc-roles-claim",
            "",
            "JWT claim listing role names; empty: roles come from the stored user",
            Setting::optional));
    public static final Setting<Optional<String>> OIDC_CONSOLE_CLIENT_ID = define(Setting.of(
            "oidc-console-client-id",
            "",
            "public client id the web console signs in with (authorization code + PKCE); empty: token sign-in only",
            Setting::optional));
    public static final Setting<ZoneId> TIME_ZONE = define(Setting.of(
            "time-zone",
            "UTC",
            "time zone of the access profiles' M/d/yyyy dates (an IANA id such as Europe/Berlin)",
            Config::zone));
    public static final Setting<Optional<URI>> LDAP_URL = define(Setting.of(
            "ldap-url",
            "",
            "the organisation's directory: ldap://host[:port] or ldaps://host[:port]; empty: no directory is read",
            text -> Setting.optional(text).map(LdapSettings::url)));
    public static final Setting<Preset> LDAP_PRESET = define(Setting.of(
            "ldap-preset",
            Preset.ACTIVE_DIRECTORY.setting(),
            "kind of directory: active-directory or openldap; decides every mapping not set below",
            text -> SettingValue.parse(Preset.class, text)));
    public static final Setting<Optional<String>> LDAP_BIND_DN = define(Setting.of(
            "ldap-bind-dn",
            "",
            "account the service binds as (read-only is enough without remediation); empty: anonymous",
            text -> Setting.optional(text).map(LdapSettings::dn)));
    public static final Setting<Optional<String>> LDAP_BIND_PASSWORD =
            define(Setting.secret("ldap-bind-password", "password of the bind account"));
    public static final Setting<Optional<String>> LDAP_BASE_DN = define(Setting.of(
            "ldap-base-dn",
            "",
            "where accounts and groups are searched (subtree); required with a directory",
            text -> Setting.optional(text).map(LdapSettings::dn)));
    public static final Setting<Duration> LDAP_SYNC_INTERVAL = define(Setting.of(
            "ldap-sync-interval",
            "1h",
            "time between scheduled directory syncs (30s, 15m, 1h, PT30M); 0: on demand only",
            Config::duration));
    public static final Setting<Duration> LDAP_FULL_SYNC_INTERVAL = define(Setting.of(
            "ldap-full-sync-interval",
            "24h",
            "a scheduled sync reads the whole directory (and so finds removed accounts) when the last full one is "
                    + "older than this; otherwise it reads only changes; 0: every sync is full",
            Config::duration));
    public static final Setting<Boolean> LDAP_START_TLS =
            define(Setting.of("ldap-start-tls", "false", "StartTLS before binding (ldap:// only)", Config::bool));
    public static final Setting<Optional<String>> LDAP_TRUST_STORE = define(Setting.of(
            "ldap-trust-store",
            "",
            "PKCS#12 or JKS file of the CA certificates to trust for LDAPS / StartTLS; empty: the JVM's",
            Config::readableFile));
    public static final Setting<Optional<String>> LDAP_TRUST_STORE_PASSWORD =
            define(Setting.secret("ldap-trust-store-password", "password of the LDAP trust store"));
    public static final Setting<Optional<String>> LDAP_USER_FILTER = define(Setting.of(
            "ldap-user-filter",
            "",
            "LDAP filter selecting accounts; empty: the preset's",
            text -> Setting.optional(text).map(LdapSettings::filter)));
    public static final Setting<Optional<String>> LDAP_GROUP_FILTER = define(Setting.of(
            "ldap-group-filter",
            "",
            "LDAP filter selecting groups; empty: the preset's",
            text -> Setting.optional(text).map(LdapSettings::filter)));
    public static final Setting<String> LDAP_ATTRIBUTES = define(Setting.of(
            "ldap-attributes",
            "",
            "attribute names replacing the preset's: id=attr[:binary-guid|uuid],login=,displayName=,groupName=,"
                    + "member=,memberOf=",
            Config::attributeOverrides));
    public static final Setting<String> LDAP_CATALOG_ATTRIBUTES = define(Setting.of(
            "ldap-catalog-attributes",
            "",
            "catalog key to LDAP attribute where they differ: key=attr[:text|filetime|generalized-time],...",
            Config::catalogMappings));
    public static final Setting<Optional<Membership>> LDAP_MEMBERSHIP = define(Setting.of(
            "ldap-membership",
            "",
            "where memberships are read: member-of (the account's memberOf) or member (the groups' member); "
                    + "empty: the preset's",
            text -> Setting.optional(text).map(t -> SettingValue.parse(Membership.class, t))));
    public static final Setting<Optional<String>> LDAP_DISABLED_FILTER = define(Setting.of(
            "ldap-disabled-filter",
            "",
            "accounts matching this LDAP filter are disabled; empty: the preset's",
            text -> Setting.optional(text).map(LdapSettings::filter)));
    public static final Setting<Optional<ChangeTracking>> LDAP_CHANGE_TRACKING = define(Setting.of(
            "ldap-change-tracking",
            "",
            "how incremental syncs find changes: usn, modify-timestamp or none; empty: the preset's",
            text -> Setting.optional(text).map(t -> SettingValue.parse(ChangeTracking.class, t))));
    public static final Setting<Duration> LDAP_CONNECT_TIMEOUT = define(
            Setting.of("ldap-connect-timeout", "10s", "time to wait for a directory connection", Config::positive));
    public static final Setting<Duration> LDAP_RESPONSE_TIMEOUT = define(Setting.of(
            "ldap-response-timeout", "60s", "time to wait for any one answer of the directory", Config::positive));
    public static final Setting<Integer> LDAP_PAGE_SIZE = define(Setting.of(
            "ldap-page-size",
            String.valueOf(LdapSettings.DEFAULT_PAGE_SIZE),
            "entries per page of a directory search (simple paged results)",
            text -> integer(text, 1, LdapSettings.MAX_PAGE_SIZE)));
    public static final Setting<Boolean> LDAP_WRITE_ENABLED = define(Setting.of(
            "ldap-write-enabled",
            "false",
            "remediation may modify the directory (each apply still needs the operator's opt-in)",
            Config::bool));

    public static final Setting<String> LOG_FORMAT = define(Setting.of(
            "log-format",
            "text",
            "how log lines (on stderr) are written: text (one readable line each) or json (one JSON object each)",
            text -> oneOf(text, "text", "json")));
    public static final Setting<Boolean> ACCESS_LOG = define(Setting.of(
            "access-log",
            "true",
            "one log line per request (logger org.openprofiles.access): true or false",
            Config::bool));
    public static final Setting<Boolean> METRICS = define(Setting.of(
            "metrics",
            "true",
            "collect metrics and serve them at /metrics (role metrics-reader): true or false",
            Config::bool));
    public static final Setting<CaKeyAlgorithm> CA_ALGORITHM = define(Setting.of(
            "ca-algorithm",
            "EC_P384",
            "key of the root and issuing CA the embedded CA creates on first start: EC_P384 or RSA_3072",
            CaKeyAlgorithm::parse));
    public static final Setting<Optional<String>> CA_KEYSTORE = define(Setting.of(
            "ca-keystore",
            "",
            "an existing CA keystore (PKCS#12: the issuing key with its chain up to the root) to use, read only; "
                    + "empty: the embedded CA keeps its own in <data-dir>/ca",
            Config::readableFile));
    public static final Setting<Optional<String>> CA_KEYSTORE_PASSWORD = define(Setting.secret(
            "ca-keystore-password",
            "password of the CA keystore; empty: generated on first start into <data-dir>/ca/keystore.password"));
    public static final Setting<Optional<String>> CA_KEY_ALIAS = define(Setting.of(
            "ca-key-alias", "", "alias of the issuing key, when the CA keystore holds several", Setting::optional));
    public static final Setting<String> CA_NAME = define(Setting.of(
            "ca-name",
            EmbeddedCaSettings.DEFAULT_CA_NAME,
            "name in the subjects of the CAs created on first start",
            Config::nonBlank));
    public static final Setting<Duration> CA_OCSP_VALIDITY = define(Setting.of(
            "ca-ocsp-validity",
            "PT15M",
            "how long an OCSP answer may be cached (its nextUpdate), ISO-8601: 1 minute to 7 days",
            Config::duration));

    /** The variable and flag naming the configuration file; not a setting itself (a file cannot name a file). */
    public static final String CONFIG_ENV = "PROFILES_CONFIG";

    public static final String CONFIG_FLAG = "--config";

    private static final String MASK = "********";

    /** Where a value came from, as {@code --print-config} shows it. */
    public record Source(String description) {
        static final Source DEFAULT = new Source("default");
    }

    private record Value(String text, Object parsed, Source source) {}

    /** A setting that cannot be used; the message names it. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<Setting<?>, Value> values;
    private final List<String> warnings;

    private Config(Map<Setting<?>, Value> values, List<String> warnings) {
        this.values = values;
        this.warnings = List.copyOf(warnings);
    }

    private static <T> Setting<T> define(Setting<T> setting) {
        ALL.add(setting);
        return setting;
    }

    /** Every setting, in the order of {@code --help} and the README. */
    public static List<Setting<?>> settings() {
        return Collections.unmodifiableList(ALL);
    }

    /**
     * Reads every setting from the command line's flags (keyed by flag, e.g. {@code --http-port},
     * {@code --db-password-file}, {@code --config}), the environment, and the configuration file
     * the flag or the environment names.
     */
    public static Config load(Map<String, String> flags, Map<String, String> environment) throws Invalid {
        List<String> warnings = new ArrayList<>();
        Optional<Path> file = Optional.ofNullable(flags.get(CONFIG_FLAG))
                .or(() -> Optional.ofNullable(environment.get(CONFIG_ENV)))
                .filter(name -> !name.isBlank())
                .map(Path::of);
        Map<String, String> fileValues = file.isPresent() ? readFile(file.get(), warnings) : Map.of();
        Map<Setting<?>, Value> values = new LinkedHashMap<>();
        for (Setting<?> setting : ALL) {
            Value value = resolve(setting, flags, environment, fileValues, file, warnings);
            values.put(setting, value);
        }
        Config config = new Config(values, warnings);
        config.checkTogether();
        return config;
    }

    /**
     * Environment plus command-line words ({@code --flag VALUE} or {@code --flag=VALUE}): for tests
     * and tools that have no picocli command at hand.
     */
    public static Config load(Map<String, String> environment, String... args) throws Invalid {
        Map<String, String> flags = new HashMap<>();
        Set<String> known = new java.util.HashSet<>(List.of(CONFIG_FLAG));
        for (Setting<?> setting : ALL) {
            known.add(setting.flag());
            if (setting.secret()) {
                known.add(setting.fileFlag());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!known.contains(flag)) {
                throw new Invalid("unknown option " + flag + " (see --help)");
            }
            if (arg.contains("=")) {
                flags.put(flag, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                flags.put(flag, args[++i]);
            } else {
                throw new Invalid("option " + flag + " needs a value");
            }
        }
        return load(flags, environment);
    }

    /** Starts a configuration in code (tests, tools): every setting at its default until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings given in code; they count as flags (nothing is printed: {@link #warnings()} is up to the caller). */
    public static final class Builder {
        private final Map<String, String> flags = new HashMap<>();

        private Builder() {}

        public Builder with(Setting<?> setting, String value) {
            flags.put(setting.flag(), value);
            return this;
        }

        public Config build() throws Invalid {
            return load(flags, Map.of());
        }
    }

    /** The value of one setting. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting).parsed();
    }

    /** Where a setting's value came from. */
    public Source sourceOf(Setting<?> setting) {
        return values.get(setting).source();
    }

    /** What the operator should know about how the settings were given (secrets on the command line, open files). */
    public List<String> warnings() {
        return warnings;
    }

    /** Every setting with its value (secrets masked) and its source, one per line: {@code serve --print-config}. */
    public String describe() {
        int width = ALL.stream().mapToInt(s -> s.env().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Setting<?> setting : ALL) {
            Value value = values.get(setting);
            String shown = setting.secret() && !value.text().isEmpty() ? MASK : value.text();
            text.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s = %-30s (%s)%n",
                    setting.env(),
                    shown.isEmpty() ? "(empty)" : shown,
                    value.source().description()));
        }
        return text.toString();
    }

    // Typed accessors, named after what the wiring needs.

    public String httpHost() {
        return get(HTTP_HOST);
    }

    public int httpPort() {
        return get(HTTP_PORT);
    }

    public Optional<URI> publicBaseUrl() {
        return get(PUBLIC_BASE_URL);
    }

    public TrustedProxies trustedProxies() {
        return get(TRUSTED_PROXIES);
    }

    public List<String> corsAllowedOrigins() {
        return get(CORS_ALLOWED_ORIGINS);
    }

    /** HTTPS on the listener, when a keystore is configured. */
    public Optional<TlsSettings> tls() {
        return get(TLS_KEYSTORE)
                .map(keystore -> new TlsSettings(
                        Path.of(keystore),
                        get(TLS_KEYSTORE_PASSWORD).orElse("").toCharArray(),
                        get(TLS_REDIRECT_PORT),
                        get(TLS_CLIENT_CA).map(Path::of),
                        get(TLS_CLIENT_USER)));
    }

    /** Request body and header limits for the intake in front of Jersey. */
    public RequestIntake.Limits httpLimits() {
        return new RequestIntake.Limits(
                get(HTTP_MAX_BODY_KIB) * 1024L,
                get(HTTP_MAX_BULK_BODY_MIB) * 1024L * 1024L,
                get(HTTP_BODY_TIMEOUT_SECONDS),
                get(HTTP_BODY_BUFFER_MIB) * 1024L * 1024L,
                get(HTTP_MAX_HEADER_KIB) * 1024);
    }

    /** How failed sign-ins are throttled. */
    public SignInThrottle.Limits signInLimits() {
        return new SignInThrottle.Limits(
                get(AUTH_FAILURES_PER_SOURCE), get(AUTH_FAILURES_PER_USER), get(AUTH_THROTTLE_SECONDS));
    }

    public Optional<String> dbUrl() {
        return get(DB_URL);
    }

    public String dbUser() {
        return get(DB_USER);
    }

    public String dbPassword() {
        return get(DB_PASSWORD).orElse("");
    }

    public int dbPoolSize() {
        return get(DB_POOL_SIZE);
    }

    /** How the caches of what rarely changes are bounded. */
    public ChangeAwareCache.Settings cacheSettings() {
        return new ChangeAwareCache.Settings(get(CACHE_ENTRIES), get(CACHE_SECONDS));
    }

    public Path dataDir() {
        return get(DATA_DIR);
    }

    public Duration shutdownGrace() {
        return get(SHUTDOWN_GRACE_SECONDS);
    }

    public Optional<String> adminToken() {
        return get(ADMIN_TOKEN);
    }

    /** OpenID Connect is on when any of issuer, audience or JWKS is set; {@link #load} checked that all three are. */
    public Optional<OidcSettings> oidc() {
        if (get(OIDC_ISSUER).isEmpty()
                && get(OIDC_AUDIENCE).isEmpty()
                && get(OIDC_JWKS).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OidcSettings(
                get(OIDC_ISSUER).orElse(""),
                get(OIDC_AUDIENCE).orElse(""),
                get(OIDC_JWKS).orElse(""),
                get(OIDC_USER_CLAIM),
                get(OIDC_ROLES_CLAIM)));
    }

    /** The web console's OpenID Connect client id, when it signs in with the provider. */
    public Optional<String> consoleOidcClientId() {
        return get(OIDC_CONSOLE_CLIENT_ID);
    }

    public ZoneId profilesTimeZone() {
        return get(TIME_ZONE);
    }

    /** {@code true} for JSON log lines, {@code false} for text. */
    public boolean jsonLogs() {
        return get(LOG_FORMAT).equals("json");
    }

    public boolean accessLog() {
        return get(ACCESS_LOG);
    }

    public boolean metrics() {
        return get(METRICS);
    }

    /**
     * The embedded certificate authority's settings; {@code listener} is the server's own address,
     * the base of the CRL, CA-certificate and OCSP URLs in issued certificates when no public base
     * URL is set.
     */
    public EmbeddedCaSettings certificateAuthority(URI listener) {
        String base = publicBaseUrl().orElse(listener).toString();
        return new EmbeddedCaSettings(
                dataDir(),
                get(CA_ALGORITHM),
                get(CA_KEYSTORE).map(Path::of),
                get(CA_KEYSTORE_PASSWORD),
                Optional.empty(),
                get(CA_KEY_ALIAS),
                base,
                get(CA_NAME),
                get(CA_OCSP_VALIDITY));
    }

    /** The organisation's directory, when {@link #LDAP_URL} is set; {@link #load} checked the settings together. */
    public Optional<LdapSettings> ldap() {
        return get(LDAP_URL)
                .map(url -> LdapSettings.builder(
                                get(LDAP_PRESET), url, get(LDAP_BASE_DN).orElse(""))
                        .bind(
                                get(LDAP_BIND_DN).orElse(""),
                                get(LDAP_BIND_PASSWORD).orElse(""))
                        .startTls(get(LDAP_START_TLS))
                        .trustStore(
                                get(LDAP_TRUST_STORE).map(Path::of),
                                get(LDAP_TRUST_STORE_PASSWORD).orElse(""))
                        .userFilter(get(LDAP_USER_FILTER).orElse(""))
                        .groupFilter(get(LDAP_GROUP_FILTER).orElse(""))
                        .attributes(get(LDAP_ATTRIBUTES))
                        .catalogAttributes(get(LDAP_CATALOG_ATTRIBUTES))
                        .membership(get(LDAP_MEMBERSHIP).orElse(null))
                        .disabledFilter(get(LDAP_DISABLED_FILTER).orElse(""))
                        .changeTracking(get(LDAP_CHANGE_TRACKING).orElse(null))
                        .timeouts(get(LDAP_CONNECT_TIMEOUT), get(LDAP_RESPONSE_TIMEOUT))
                        .pageSize(get(LDAP_PAGE_SIZE))
                        .writeEnabled(get(LDAP_WRITE_ENABLED))
                        .build());
    }

    /** When scheduled directory syncs run, and how often one of them reads everything. */
    public DirectorySyncSchedule directorySyncSchedule() {
        return new DirectorySyncSchedule(get(LDAP_SYNC_INTERVAL), get(LDAP_FULL_SYNC_INTERVAL));
    }

    @Override
    public String toString() {
        return "Config[http=" + httpHost() + ":" + httpPort() + ", db=" + dbUrl().orElse("embedded in " + dataDir())
                + ", poolSize=" + dbPoolSize() + "]";
    }

    /** Rules that involve more than one setting. */
    private void checkTogether() throws Invalid {
        try {
            oidc();
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
        if (get(TLS_KEYSTORE).isEmpty()) {
            for (Setting<?> needsTls : List.of(TLS_REDIRECT_PORT, TLS_CLIENT_CA)) {
                if (!values.get(needsTls).text().isEmpty()) {
                    throw new Invalid(needsTls + " needs " + TLS_KEYSTORE + " (HTTPS) to be set");
                }
            }
        }
        if (get(OIDC_CONSOLE_CLIENT_ID).isPresent() && get(OIDC_ISSUER).isEmpty()) {
            throw new Invalid(OIDC_CONSOLE_CLIENT_ID + " needs " + OIDC_ISSUER);
        }
        if (get(CA_KEYSTORE).isPresent() && get(CA_KEYSTORE_PASSWORD).isEmpty()) {
            throw new Invalid(CA_KEYSTORE + " needs " + CA_KEYSTORE_PASSWORD + " (or its _FILE form)");
        }
        try {
            new EmbeddedCaSettings(
                    dataDir(), null, null, null, null, null, "http://localhost/", get(CA_NAME), get(CA_OCSP_VALIDITY));
        } catch (IllegalArgumentException e) {
            throw new Invalid("the CA settings: " + e.getMessage());
        }
        if (get(LDAP_URL).isPresent()) {
            if (get(LDAP_BASE_DN).isEmpty()) {
                throw new Invalid(LDAP_BASE_DN + " is required with " + LDAP_URL);
            }
            if (get(LDAP_BIND_DN).isPresent() && get(LDAP_BIND_PASSWORD).isEmpty()) {
                throw new Invalid(LDAP_BIND_PASSWORD + " is required with " + LDAP_BIND_DN);
            }
            if (get(LDAP_START_TLS) && get(LDAP_URL).get().getScheme().equals("ldaps")) {
                throw new Invalid(
                        LDAP_START_TLS + " cannot be combined with an ldaps:// " + LDAP_URL + " (it is TLS already)");
            }
            try {
                ldap();
            } catch (IllegalArgumentException e) {
                throw new Invalid("the directory settings (" + LDAP_URL + " and the other PROFILES_LDAP_*) are not "
                        + "usable: " + e.getMessage());
            }
        }
        if (get(HTTP_MAX_BODY_KIB) > get(HTTP_MAX_BULK_BODY_MIB) * 1024) {
            throw new Invalid(HTTP_MAX_BODY_KIB + " must not be larger than " + HTTP_MAX_BULK_BODY_MIB);
        }
        if (get(HTTP_MAX_BULK_BODY_MIB) > get(HTTP_BODY_BUFFER_MIB)) {
            throw new Invalid(HTTP_MAX_BULK_BODY_MIB + " must not be larger than " + HTTP_BODY_BUFFER_MIB);
        }
        Optional<String> admin = get(ADMIN_TOKEN);
        if (admin.isPresent() && admin.get().length() < 32) {
            throw new Invalid(ADMIN_TOKEN + " must be at least 32 characters");
        }
    }

    /** A value as given: its text, or for a secret the file that holds it. */
    private record Given(String text, Optional<String> fileName, Source source) {}

    private static Value resolve(
            Setting<?> setting,
            Map<String, String> flags,
            Map<String, String> environment,
            Map<String, String> file,
            Optional<Path> fileName,
            List<String> warnings)
            throws Invalid {
        Optional<Given> given = given(setting, flags, setting.flag(), setting.fileFlag(), "flag ");
        if (given.isEmpty()) {
            given = given(setting, environment, setting.env(), setting.fileEnv(), "environment ");
        }
        if (given.isEmpty()) {
            given = given(
                    setting,
                    file,
                    setting.env(),
                    setting.fileEnv(),
                    "file " + fileName.map(Path::toString).orElse("") + ": ");
        }
        if (setting.secret() && flags.containsKey(setting.flag())) {
            warnings.add("warning: " + setting.flag() + " puts a secret on the command line, where other users of "
                    + "this machine can read it (ps); use " + setting.fileFlag() + ", " + setting.fileEnv() + " or "
                    + setting.env() + " instead");
        }
        String text = setting.defaultValue();
        Source source = Source.DEFAULT;
        if (given.isPresent()) {
            source = given.get().source();
            text = given.get().fileName().isPresent()
                    ? readSecretFile(setting, given.get().fileName().get())
                    : given.get().text();
        }
        try {
            return new Value(text, setting.parse(text), source);
        } catch (IllegalArgumentException | DateTimeException e) {
            String from = source.description().startsWith("file ") ? " (" + source.description() + ")" : "";
            throw new Invalid(setting + " " + e.getMessage() + from);
        }
    }

    /** The value given under {@code key}, or for a secret the file named under {@code fileKey}. */
    private static Optional<Given> given(
            Setting<?> setting, Map<String, String> source, String key, String fileKey, String where) throws Invalid {
        String value = source.get(key);
        String fileName = setting.secret() ? source.get(fileKey) : null;
        if (value != null && fileName != null) {
            throw new Invalid(setting + ": give " + key + " or " + fileKey + ", not both");
        }
        if (value != null) {
            return Optional.of(new Given(value, Optional.empty(), new Source(where + key)));
        }
        if (fileName != null) {
            return Optional.of(
                    new Given("", Optional.of(fileName), new Source(where + fileKey + " (" + fileName + ")")));
        }
        return Optional.empty();
    }

    private static String readSecretFile(Setting<?> setting, String fileName) throws Invalid {
        try {
            String content = Files.readString(Path.of(fileName), StandardCharsets.UTF_8);
            // A file written by `echo` or an editor ends with a newline that is not part of the secret.
            return content.replaceAll("[\r\n]+$", "");
        } catch (IOException | RuntimeException e) {
            throw new Invalid(setting.fileFlag() + " / " + setting.fileEnv() + ": cannot read " + fileName + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static Map<String, String> readFile(Path file, List<String> warnings) throws Invalid {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid(CONFIG_FLAG + " / " + CONFIG_ENV + ": cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        Map<String, Setting<?>> byKey = new HashMap<>();
        for (Setting<?> setting : ALL) {
            byKey.put(setting.env(), setting);
            if (setting.secret()) {
                byKey.put(setting.fileEnv(), setting);
            }
        }
        Map<String, String> values = new HashMap<>();
        boolean holdsSecret = false;
        for (String key : properties.stringPropertyNames()) {
            Setting<?> setting = byKey.get(key);
            if (setting == null) {
                throw new Invalid("config file " + file + ": unknown setting " + key
                        + " (keys are the variable names, e.g. PROFILES_HTTP_PORT)");
            }
            holdsSecret |= setting.secret()
                    && key.equals(setting.env())
                    && !properties.getProperty(key).isBlank();
            values.put(key, properties.getProperty(key));
        }
        if (holdsSecret && readableByOthers(file)) {
            warnings.add(
                    "warning: config file " + file + " holds a secret and other users of this machine can read it; "
                            + "chmod 600 it, or name a secret file instead (…_FILE)");
        }
        return values;
    }

    private static boolean readableByOthers(Path file) {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    // Parsers. Their messages complete "<flag> / <variable> ...".

    private static String oneOf(String text, String... allowed) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(value)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", was '" + text + "'");
        }
        return value;
    }

    private static String nonBlank(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return text.strip();
    }

    private static int integer(String text, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, was '" + text + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false, was '" + text + "'");
        };
    }

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

    /** {@code 0}, {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h}, {@code 1d} (no unit: seconds) or ISO-8601 ({@code PT15M}). */
    static Duration duration(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
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
            Duration parsed = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("must not be negative, was '" + text + "'");
            }
            return parsed;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a duration such as 30s, 15m, 1h or PT15M, was '" + text + "'");
        }
    }

    private static Duration positive(String text) {
        Duration parsed = duration(text);
        if (parsed.isZero()) {
            throw new IllegalArgumentException("must be longer than zero, was '" + text + "'");
        }
        return parsed;
    }

    /** The text itself, once the adapter accepted it on any preset's names. */
    private static String attributeOverrides(String text) {
        LdapAttributes.defaults(Preset.ACTIVE_DIRECTORY).withOverrides(text);
        return text.strip();
    }

    private static String catalogMappings(String text) {
        LdapAttributes.defaults(Preset.ACTIVE_DIRECTORY).withCatalog(text);
        return text.strip();
    }

    private static Optional<String> jdbcUrl(String text) {
        Optional<String> url = Setting.optional(text);
        if (url.isPresent() && !url.get().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("must be a jdbc:postgresql: URL, was '" + text + "'");
        }
        return url;
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a time zone such as UTC or Europe/Berlin, was '" + text + "'");
        }
    }

    private static Optional<String> readableFile(String text) {
        Optional<String> name = Setting.optional(text);
        if (name.isPresent() && !Files.isReadable(Path.of(name.get()))) {
            throw new IllegalArgumentException("names no readable file: " + name.get());
        }
        return name;
    }

    private static Optional<URI> baseUrl(String text) {
        Optional<String> value = Setting.optional(text);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null
                    || uri.getUserInfo() != null) {
                throw new IllegalArgumentException(
                        "must be an http(s) URL with a host and no query, was '" + text + "'");
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null)
                    .resolve(path.endsWith("/") ? path : path + "/"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an http(s) URL, was '" + text + "'");
        }
    }

    private static List<String> origins(String text) {
        List<String> origins = new ArrayList<>();
        for (String item : Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList()) {
            if (!item.equals("*") && !item.matches("https?://[^/\\s?#]+")) {
                throw new IllegalArgumentException("must list origins such as https://app.example.org (scheme, host, "
                        + "optional port; no path) or *, was '" + item + "'");
            }
            origins.add(item.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(origins);
    }
}
