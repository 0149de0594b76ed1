package org.openprofiles.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openprofiles.application.security.CreateTokenAsOperator;
import org.openprofiles.application.security.ResetTokensAsOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code admin}: an operator's ways back in, working on the database directly (no running server
 * needed, a running one is fine). Both are recorded in the audit trail with the operating-system
 * account that ran them.
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Operator commands on the database directly (no running server needed).")
final class AdminCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: create-token or reset-token");
    }

    /** {@code admin create-token}: one more token for a user. */
    @Command(
            name = "create-token",
            mixinStandardHelpOptions = true,
            description = "Issues a new API token for a user (by login) and prints it once. Audited.")
    static final class CreateToken implements Callable<Integer>, Cli.UsesSettings {
        private final Cli.Io io;

        @Spec
        CommandSpec spec;

        @Option(names = "--login", defaultValue = "admin", description = "the user's login [default: ${DEFAULT-VALUE}]")
        String login;

        @Option(
                names = "--name",
                defaultValue = "command line",
                description = "a label for people [default: ${DEFAULT-VALUE}]")
        String name;

        @Option(
                names = "--expires-in-days",
                description = "the token stops working after this many days; default: never")
        Integer expiresInDays;

        CreateToken(Cli.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws Exception {
            Config config = io.config(spec);
            Optional<Instant> expiry =
                    Optional.ofNullable(expiresInDays).map(days -> Instant.now().plus(Duration.ofDays(days)));
            try (OfflineDatabase database = OfflineDatabase.open(config)) {
                Wiring w = database.wiring();
                CreateTokenAsOperator.Issued issued = new CreateTokenAsOperator(
                                w.users, w.credentials, w.transactions, w.audit, Clock.systemUTC())
                        .create(login, name, expiry, operator());
                io.out()
                        .println("API token for '" + issued.user().login() + "' ("
                                + issued.user().id() + "): " + issued.secret() + "  -- shown once");
            }
            return Cli.OK;
        }
    }

    /** {@code admin reset-token}: revoke all of a user's tokens and issue one new one. */
    @Command(
            name = "reset-token",
            mixinStandardHelpOptions = true,
            description = {
                "Revokes every token of a user (by login) and prints one new token. Audited.",
                "The recovery for a lost admin token: 'java -jar openprofiles-server.jar admin reset-token'."
            })
    static final class ResetToken implements Callable<Integer>, Cli.UsesSettings {
        private final Cli.Io io;

        @Spec
        CommandSpec spec;

        @Option(names = "--login", defaultValue = "admin", description = "the user's login [default: ${DEFAULT-VALUE}]")
        String login;

        ResetToken(Cli.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws Exception {
            Config config = io.config(spec);
            try (OfflineDatabase database = OfflineDatabase.open(config)) {
                Wiring w = database.wiring();
                ResetTokensAsOperator.Reset reset = new ResetTokensAsOperator(
                                w.users, w.credentials, w.transactions, w.audit, Clock.systemUTC())
                        .reset(login, operator());
                io.out()
                        .println("Revoked " + reset.revoked() + " token(s) of '"
                                + reset.issued().user().login() + "'. New API token: "
                                + reset.issued().secret() + "  -- shown once");
            }
            return Cli.OK;
        }
    }

    private static String operator() {
        return System.getProperty("user.name", "unknown");
    }
}
