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
import org.openprofiles.adapter.rest.security.OidcSettings;
import org.openprofiles.adapter.rest.shared.ClientCertificates;
import org.openprofiles.adapter.rest.shared.TlsSettings;
import org.openprofiles.adapter.rest.shared.TrustedProxies;
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
