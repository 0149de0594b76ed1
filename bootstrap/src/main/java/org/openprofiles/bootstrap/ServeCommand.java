package org.openprofiles.bootstrap;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve} (the default command): starts the server, prints a first start's admin token the
 * moment it exists, and on SIGTERM or Ctrl-C stops gracefully.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Starts the server (the default command): migrates the database, listens, serves until stopped.")
class ServeCommand implements Callable<Integer>, Cli.UsesSettings {

    private final Cli.Io io;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--print-config",
            description = "print every setting, its value (secrets masked) and where it " + "came from, then exit")
    boolean printConfig;

    @Option(
            names = "--demo",
            description = "on an empty database: load the demo data (the API documents' examples, "
                    + "a small directory, users) and print their tokens, then serve")
    boolean demo;

    ServeCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        return serve(io.config(spec));
    }

    /**
     * Serves with the settings of the environment and the configuration file alone: what
     * {@code java -jar openprofiles-server.jar} (or {@code serve} alone) asks for, which has no
     * command line to parse ({@link Cli#run}).
     */
    static int serveWithoutOptions(Cli.Io io) throws Exception {
        return new ServeCommand(io).serve(io.config(Map.of()));
    }

    private int serve(Config config) throws Exception {
        if (printConfig) {
            io.out().print(config.describe());
            return Cli.OK;
        }
        LogFormat.apply(config);
        Server server = Server.start(config);
        // First: nothing may fail between creating the admin and showing its token.
        server.firstStart()
                .generatedToken()
                .ifPresent(token -> io.out()
                        .println("First start: created user 'admin' ("
                                + server.firstStart().adminId() + ") with API token " + token
                                + "  -- shown once, store it now; use it as 'Authorization: Bearer <token>'"
                                + " (lost? see 'admin reset-token --help')"));
        if (server.firstStart().created()
                && server.firstStart().generatedToken().isEmpty()) {
            io.out().println("First start: created user 'admin' with the token from PROFILES_ADMIN_TOKEN");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            // "stopped" and every line before it reach stderr before the JVM halts.
                            QueuedConsoleAppender.drainConsole();
                            stopped.countDown();
                        },
                        "openprofiles-shutdown"));
        if (demo || this instanceof Demo) {
            String adminToken =
                    server.firstStart().generatedToken().or(config::adminToken).orElse(null);
            new DemoData(server.uri(), config.tls())
                    .load(adminToken, server.firstStart().created(), io.out());
        }
        if (config.publicBaseUrl().isEmpty()
                && !config.httpHost().startsWith("127.")
                && !config.httpHost().equals("localhost")) {
            io.err()
                    .println("openprofiles: note: " + Config.PUBLIC_BASE_URL.env() + " is not set; absolute links "
                            + "name this machine (" + server.uri().getScheme() + "://<hostname>:"
                            + server.uri().getPort() + "/)");
        }
        io.out().println("OpenProfiles listening on " + server.uri());
        stopped.await();
        return Cli.OK;
    }

    /** {@code demo}: {@code serve --demo}. */
    @Command(
            name = "demo",
            mixinStandardHelpOptions = true,
            description = "Same as 'serve --demo': loads the demo data into an empty database, prints the users' "
                    + "tokens and serves, so that the README's example calls work as they are.")
    static final class Demo extends ServeCommand {
        Demo(Cli.Io io) {
            super(io);
        }
    }
}
