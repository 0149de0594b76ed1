package org.openprofiles.bootstrap;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting of the server, defined once in {@link Config}: its name gives the environment
 * variable ({@code PROFILES_HTTP_PORT}), the flag ({@code --http-port}) and the key in a
 * configuration file; it has a default, a description for {@code --help} and the README, a parser
 * that turns text into the typed value, and whether it is a secret. A secret is also read from a
 * file ({@code PROFILES_DB_PASSWORD_FILE}, {@code --db-password-file}) and is never printed.
 *
 * @param <T> the type of the parsed value
 */
public final class Setting<T> {

    /** Turns the text of a setting into its value; throws {@link IllegalArgumentException} saying what is wrong. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text);
    }

    private final String name;
    private final String defaultValue;
    private final String shownDefault;
    private final String description;
    private final boolean secret;
    private final Parser<T> parser;

    private Setting(
            String name,
            String defaultValue,
            String shownDefault,
            String description,
            boolean secret,
            Parser<T> parser) {
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a setting name is lower-case words joined by '-': " + name);
        }
        this.name = name;
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.shownDefault = shownDefault;
        this.description = description;
        this.secret = secret;
        this.parser = parser;
    }

    /** A setting with a default ("" for none) and a parser for its text. */
    public static <T> Setting<T> of(String name, String defaultValue, String description, Parser<T> parser) {
        return new Setting<>(name, defaultValue, defaultValue, description, false, parser);
    }

    /** A secret: no default, accepted from a file as well, masked wherever settings are shown. */
    public static Setting<Optional<String>> secret(String name, String description) {
        return new Setting<>(name, "", "", description, true, Setting::optional);
    }

    /** The same setting, with its default described in words in help and docs (e.g. "2 per core"). */
    public Setting<T> shownDefault(String words) {
        return new Setting<>(name, defaultValue, words, description, secret, parser);
    }

    /** Text that is empty when unset. */
    public static Optional<String> optional(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    public String name() {
        return name;
    }

    /** The environment variable, and the key in a configuration file: {@code PROFILES_HTTP_PORT}. */
    public String env() {
        return "PROFILES_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The command-line flag: {@code --http-port}. */
    public String flag() {
        return "--" + name;
    }

    /** For a secret: the variable naming a file that holds it. */
    public String fileEnv() {
        return env() + "_FILE";
    }

    /** For a secret: the flag naming a file that holds it. */
    public String fileFlag() {
        return flag() + "-file";
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The default as help and the README show it; empty when there is none. */
    public String shownDefault() {
        return shownDefault;
    }

    public String description() {
        return description;
    }

    public boolean secret() {
        return secret;
    }

    T parse(String text) {
        return parser.parse(text);
    }

    @Override
    public String toString() {
        return flag() + " / " + env();
    }
}
