package org.openprofiles.bootstrap;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code version}: which build this is. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version and exits.")
final class VersionCommand implements Callable<Integer> {

    private final Cli.Io io;

    VersionCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.out().println(new Cli.Version().getVersion()[0]);
        return Cli.OK;
    }
}
