package org.openprofiles.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.openprofiles.adapter.jdbc.shared.DatabaseUnavailable;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.ServiceUnavailable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line of {@code openprofiles-server.jar}: picocli subcommands, {@code serve} the
 * default so that {@code java -jar openprofiles-server.jar [--flag VALUE]...} keeps starting the
 * server. Every command that touches the database takes every setting of {@link Config} as a
 * flag (generated from the one list, like the usage text), plus {@code --config FILE}.
 */
@Command(
        name = "openprofiles",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Certificate and access profile management behind two published HTTP APIs.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    done",
            "  1    failed: the database, a file or the network could not be used",
            "  2    a bad command line or setting",
            "  3    refused: the data said no (unknown user, database not empty, invalid file, ...)",
            "  130  stopped by Ctrl-C (the command says what was committed)",
            "",
            "Without a command, 'serve' runs. 'openprofiles COMMAND --help' describes a command."
        })
final class Cli implements Runnable {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int REFUSED = 3;
    static final int INTERRUPTED = 130;

    /** What a command works with: the environment, where it prints, and whether that is a terminal. */
    record Io(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {

        /** Reads the settings from the command's flags, the environment and the config file; prints warnings. */
        Config config(CommandSpec spec) throws Config.Invalid {
            return config(flags(spec));
        }

        /** Reads the settings from {@code flags} (by flag), the environment and the config file; prints warnings. */
        Config config(Map<String, String> flags) throws Config.Invalid {
            Config config = Config.load(flags, env);
            config.warnings().forEach(w -> err.println("openprofiles: " + w));
            return config;
        }
    }

    /** A command's failure that the data caused, not the machine (exit 3). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Marks commands that take the settings as flags. */
    interface UsesSettings {}

    private final Io io;

    private Cli(Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        // Not reached: 'serve' runs when no command is given (see run(String[], Io)).
        io.out().println(new CommandLine(this).getUsageMessage());
    }

    /** Parses and runs {@code args}; returns the exit code. */
    static int run(String[] args, Io io) {
        String[] withCommand = withDefaultCommand(args);
        // The plain start has nothing to parse: it serves without building the command line,
        // which picocli does by reflection (about a tenth of a start before this).
        if (withCommand.length == 1 && withCommand[0].equals("serve")) {
            try {
                return ServeCommand.serveWithoutOptions(io);
            } catch (Exception e) {
                return failure(e, io);
            }
        }
        // Only the command that runs is built, with its setting flags: every command with every
        // setting as a flag is a noticeable part of a server start's CPU. Help of the whole
        // program (and anything that is not a command) still gets every command.
        CommandLine cli = COMMANDS.contains(withCommand[0]) ? commandLine(io, Set.of(withCommand[0])) : commandLine(io);
        return cli.execute(withCommand);
    }

    /** The top-level commands, in the order help lists them. */
    private static final List<String> COMMANDS = List.of(
            "serve",
            "demo",
            "migrate",
            "admin",
            "ca",
            "backup",
            "restore",
            "import",
            "export",
            "version",
            "cds-archive");

    static CommandLine commandLine(Io io) {
        return commandLine(io, Set.copyOf(COMMANDS));
    }

    /** The program with the top-level commands in {@code commands} (and all of their subcommands). */
    private static CommandLine commandLine(Io io, Set<String> commands) {
        CommandLine cli = new CommandLine(new Cli(io));
        for (String name : COMMANDS) {
            if (commands.contains(name)) {
                cli.addSubcommand(name, command(name, io));
            }
        }
        addSettingOptions(cli);
        cli.setOut(new java.io.PrintWriter(io.out(), true));
        cli.setErr(new java.io.PrintWriter(io.err(), true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> failure(e, io));
        return cli;
    }

    private static Object command(String name, Io io) {
        return switch (name) {
            case "serve" -> new ServeCommand(io);
            case "demo" -> new ServeCommand.Demo(io);
            case "migrate" -> new MigrateCommand(io);
            case "admin" -> {
                CommandLine admin = new CommandLine(new AdminCommand());
                admin.addSubcommand("create-token", new AdminCommand.CreateToken(io));
                admin.addSubcommand("reset-token", new AdminCommand.ResetToken(io));
                yield admin;
            }
            case "ca" -> {
                CommandLine ca = new CommandLine(new CaCommand());
                ca.addSubcommand("show", new CaCommand.Show(io));
                ca.addSubcommand("rotate", new CaCommand.Rotate(io));
                yield ca;
            }
            case "backup" -> new BackupCommand(io);
            case "restore" -> new BackupCommand.Restore(io);
            case "import" -> new TransferCommand.Import(io);
            case "export" -> new TransferCommand.Export(io);
            case "version" -> new VersionCommand(io);
            case "cds-archive" -> new CdsArchiveCommand(io);
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** {@code serve} when the first word is not a command: today's {@code java -jar … --http-port 9000} keeps working. */
    private static String[] withDefaultCommand(String[] args) {
        Set<String> topLevel = Set.of("-h", "--help", "-V", "--version");
        if (args.length > 0 && (COMMANDS.contains(args[0]) || topLevel.contains(args[0]))) {
            return args;
        }
        String[] withServe = new String[args.length + 1];
        withServe[0] = "serve";
        System.arraycopy(args, 0, withServe, 1, args.length);
        return withServe;
    }

    private static void addSettingOptions(CommandLine command) {
        if (command.getCommand() instanceof UsesSettings) {
            CommandSpec spec = command.getCommandSpec();
            spec.usageMessage().sortOptions(false);
            spec.addOption(OptionSpec.builder(Config.CONFIG_FLAG)
                    .paramLabel("FILE")
                    .type(String.class)
                    .description("configuration file: Java properties keyed by the variable names "
                            + "(PROFILES_HTTP_PORT=9000) [" + Config.CONFIG_ENV + "]")
                    .build());
            for (Setting<?> setting : Config.settings()) {
                String shown = setting.shownDefault().isEmpty() ? "" : ", default " + setting.shownDefault();
                spec.addOption(OptionSpec.builder(setting.flag())
                        .paramLabel("VALUE")
                        .type(String.class)
                        .description(setting.description() + " [" + setting.env() + shown + "]")
                        .build());
                if (setting.secret()) {
                    spec.addOption(OptionSpec.builder(setting.fileFlag())
                            .paramLabel("FILE")
                            .type(String.class)
                            .description("file holding " + setting.flag().substring(2)
                                    + " (the flag itself shows in ps) [" + setting.fileEnv() + "]")
                            .build());
                }
            }
        }
        command.getSubcommands().values().forEach(Cli::addSettingOptions);
    }

    /** The setting flags given on the command line, keyed by flag. */
    static Map<String, String> flags(CommandSpec spec) {
        Map<String, String> flags = new HashMap<>();
        for (OptionSpec option : spec.options()) {
            if (option.longestName().startsWith("--")
                    && option.getValue() instanceof String value
                    && option.type() == String.class) {
                flags.put(option.longestName(), value);
            }
        }
        return flags;
    }

    /** One line on stderr and the exit code that says what kind of failure it was. */
    static int failure(Exception e, Io io) {
        int code;
        String message;
        if (e instanceof Config.Invalid || e instanceof CommandLine.ParameterException) {
            code = USAGE;
            message = e.getMessage();
        } else if (e instanceof Refused) {
            code = REFUSED;
            message = e.getMessage();
        } else if (e instanceof Invalid invalid) {
            code = REFUSED;
            List<String> lines = new ArrayList<>();
            invalid.violations().stream().limit(20).forEach(v -> lines.add("  " + v.field() + ": " + v.message()));
            message = e.getMessage() + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines));
        } else if (e instanceof DomainFailure) {
            code = REFUSED;
            message = e.getMessage();
        } else if (e instanceof DatabaseUnavailable || e instanceof UncheckedIOException || e instanceof IOException) {
            code = FAILED;
            message = "cannot " + (e instanceof DatabaseUnavailable ? "start" : "continue") + ": " + e.getMessage();
        } else if (e instanceof ServiceUnavailable) {
            code = FAILED;
            message = "cannot continue: " + e.getMessage();
        } else {
            code = FAILED;
            message = "failed: " + e;
        }
        io.err().println("openprofiles: " + message);
        return code;
    }

    /** The version, from the jar's build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"OpenProfiles " + number() + " (Java " + System.getProperty("java.version") + ")"};
        }

        static String number() {
            Properties properties = new Properties();
            try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                return "unknown";
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
