package org.openprofiles.bootstrap;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import org.openprofiles.adapter.jdbc.shared.DatabaseUnavailable;
import org.openprofiles.domain.shared.DomainFailure;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar openprofiles-server.jar}: reads the configuration, starts the server, prints
 * where it listens, and on SIGTERM or Ctrl-C stops it gracefully. Start-up failures print one
 * line and exit non-zero: 2 for a bad setting, 1 for anything the server could not reach or do.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Config config;
        try {
            config = Config.load(System.getenv(), args);
        } catch (Config.HelpRequested help) {
            System.out.print(Config.help());
            return;
        } catch (Config.Invalid invalid) {
            System.err.println("openprofiles: " + invalid.getMessage());
            System.exit(2);
            return;
        }

        Server server;
        try {
            server = Server.start(config);
        } catch (DatabaseUnavailable | UncheckedIOException | DomainFailure e) {
            System.err.println("openprofiles: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "openprofiles-shutdown"));
        server.firstStart()
                .generatedToken()
                .ifPresent(token -> System.out.println("First start: created user 'admin' ("
                        + server.firstStart().adminId() + ") with API token " + token
                        + "  -- shown once, store it now; use it as 'Authorization: Bearer <token>'"));
        if (server.firstStart().created()
                && server.firstStart().generatedToken().isEmpty()) {
            System.out.println("First start: created user 'admin' with the token from PROFILES_ADMIN_TOKEN");
        }
        System.out.println("OpenProfiles listening on " + server.uri());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
