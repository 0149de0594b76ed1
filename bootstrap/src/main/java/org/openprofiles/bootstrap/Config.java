package org.openprofiles.bootstrap;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openprofiles.adapter.rest.security.OidcSettings;

/**
 * The server's configuration, read from environment variables and matching command-line flags;
 * a flag wins over its variable, and both win over the default. {@link #OPTIONS} is the single
 * list behind parsing, {@code --help} and the README's table.
 */
public record Config(
        String httpHost,
        int httpPort,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        Path dataDir,
        Duration shutdownGrace,
        Optional<String> adminToken,
        Optional<OidcSettings> oidc,
        ZoneId profilesTimeZone) {

    /** One setting: its variable, its flag, its default and what it does. */
    public record Option(String env, String flag, String defaultValue, String description) {}

    public static final List<Option> OPTIONS = List.of(
            new Option("PROFILES_HTTP_HOST", "--http-host", "127.0.0.1", "address to listen on"),
            new Option("PROFILES_HTTP_PORT", "--http-port", "8080", "port to listen on; 0 picks a free port"),
            new Option(
                    "PROFILES_DB_URL",
                    "--db-url",
                    "",
                    "JDBC URL of an external PostgreSQL; empty starts the embedded one"),
            new Option("PROFILES_DB_USER", "--db-user", "postgres", "database user"),
            new Option("PROFILES_DB_PASSWORD", "--db-password", "", "database password"),
            new Option(
                    "PROFILES_DB_POOL_SIZE",
                    "--db-pool-size",
                    String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() * 2)),
                    "connections in the pool (default: 2 per core)"),
            new Option(
                    "PROFILES_DATA_DIR",
                    "--data-dir",
                    "./data",
                    "where the embedded PostgreSQL keeps its data (survives restarts)"),
            new Option(
                    "PROFILES_SHUTDOWN_GRACE_SECONDS",
                    "--shutdown-grace-seconds",
                    "10",
                    "how long a stop waits for requests in flight"),
            new Option(
                    "PROFILES_ADMIN_TOKEN",
                    "--admin-token",
                    "",
                    "first start only: the admin's API token (>= 32 chars); empty generates and prints one"),
            new Option(
                    "PROFILES_OIDC_ISSUER",
                    "--oidc-issuer",
                    "",
                    "OpenID Connect issuer (iss) whose JWT access tokens are accepted; empty: API tokens only"),
            new Option("PROFILES_OIDC_AUDIENCE", "--oidc-audience", "", "audience (aud) such a JWT must name"),
            new Option(
                    "PROFILES_OIDC_JWKS",
                    "--oidc-jwks",
                    "",
                    "the issuer's signing keys: a JWKS file, or an https URL (http on loopback only)"),
            new Option(
                    "PROFILES_OIDC_USER_CLAIM",
                    "--oidc-user-claim",
                    "sub",
                    "JWT claim holding the user's id (UUID) or login"),
            new Option(
                    "PROFILES_OIDC_ROLES_CLAIM",
                    "--oidc-roles-claim",
                    "",
                    "JWT claim listing role names; empty: roles come from the stored user"),
            new Option(
                    "PROFILES_TIME_ZONE",
                    "--time-zone",
                    "UTC",
                    "time zone of the access profiles' M/d/yyyy dates (an IANA id such as Europe/Berlin)"));

    /** Asked for {@code --help}: the caller prints {@link #help()} and exits 0. */
    public static final class HelpRequested extends Exception {
        HelpRequested() {
            super("help requested", null, false, false);
        }
    }

    /** A setting that cannot be used; the message names it. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    public static Config load(Map<String, String> environment, String... args) throws HelpRequested, Invalid {
        Map<String, String> values = new LinkedHashMap<>();
        for (Option option : OPTIONS) {
            String fromEnv = environment.get(option.env());
            values.put(option.flag(), fromEnv != null ? fromEnv : option.defaultValue());
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!values.containsKey(flag)) {
                throw new Invalid("unknown option " + flag + " (see --help)");
            }
            if (arg.contains("=")) {
                values.put(flag, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                values.put(flag, args[++i]);
            } else {
                throw new Invalid("option " + flag + " needs a value");
            }
        }
        String dbUrl = values.get("--db-url").strip();
        if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new Invalid("--db-url / PROFILES_DB_URL must be a jdbc:postgresql: URL, was '" + dbUrl + "'");
        }
        return new Config(
                nonBlank(values, "--http-host"),
                integer(values, "--http-port", 0, 65_535),
                dbUrl.isEmpty() ? Optional.empty() : Optional.of(dbUrl),
                values.get("--db-user"),
                values.get("--db-password"),
                integer(values, "--db-pool-size", 1, 200),
                Path.of(nonBlank(values, "--data-dir")),
                Duration.ofSeconds(integer(values, "--shutdown-grace-seconds", 0, 600)),
                adminToken(values.get("--admin-token")),
                oidc(values),
                zone(values.get("--time-zone")));
    }

    /** The text of {@code --help}. */
    public static String help() {
        String rows = OPTIONS.stream()
                .map(o -> String.format(
                        Locale.ROOT,
                        "  %-26s %-32s %s%s",
                        o.flag() + " VALUE",
                        o.env(),
                        o.description(),
                        o.defaultValue().isEmpty() ? "" : " [" + o.defaultValue() + "]"))
                .collect(Collectors.joining("\n"));
        return """
                OpenProfiles server: certificate and access profile management.

                Usage: java -jar openprofiles-server.jar [--flag VALUE | --flag=VALUE]...

                Every flag has an environment variable; a flag wins over its variable.

                  flag                       variable                         meaning [default]
                """ + rows + "\n";
    }

    @Override
    public String toString() {
        return "Config[http=" + httpHost + ":" + httpPort + ", db=" + dbUrl.orElse("embedded in " + dataDir)
                + ", poolSize=" + dbPoolSize + "]";
    }

    private static Optional<String> adminToken(String value) throws Invalid {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.strip().length() < 32) {
            throw new Invalid("--admin-token / PROFILES_ADMIN_TOKEN must be at least 32 characters");
        }
        return Optional.of(value.strip());
    }

    /** OpenID Connect is on when any of issuer, audience or JWKS is set; then all three are needed. */
    private static Optional<OidcSettings> oidc(Map<String, String> values) throws Invalid {
        String issuer = values.get("--oidc-issuer");
        String audience = values.get("--oidc-audience");
        String jwks = values.get("--oidc-jwks");
        if (isBlank(issuer) && isBlank(audience) && isBlank(jwks)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OidcSettings(
                    issuer,
                    audience,
                    jwks,
                    values.get("--oidc-user-claim"),
                    Optional.ofNullable(values.get("--oidc-roles-claim"))));
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static ZoneId zone(String value) throws Invalid {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new Invalid("--time-zone / PROFILES_TIME_ZONE must be a time zone such as UTC or Europe/Berlin, was '"
                    + value + "'");
        }
    }

    private static String nonBlank(Map<String, String> values, String flag) throws Invalid {
        String value = values.get(flag);
        if (value == null || value.isBlank()) {
            throw new Invalid(flag + " / " + envOf(flag) + " must not be empty");
        }
        return value.strip();
    }

    private static int integer(Map<String, String> values, String flag, int min, int max) throws Invalid {
        String value = values.get(flag).strip();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new Invalid(
                        flag + " / " + envOf(flag) + " must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new Invalid(flag + " / " + envOf(flag) + " must be a whole number, was '" + value + "'");
        }
    }

    private static String envOf(String flag) {
        return OPTIONS.stream()
                .filter(o -> o.flag().equals(flag))
                .findFirst()
                .map(Option::env)
                .orElse("?");
    }
}
