package org.openprofiles.bootstrap;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar openprofiles-server.jar [COMMAND] [OPTIONS]}: hands the words to the command
 * line ({@link Cli}; {@code serve} when no command is named) and exits with its code.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code = Cli.run(args, new Cli.Io(System.getenv(), System.out, System.err, System.console() != null));
        // The console's queued lines are written before the process ends (System.exit does not wait for them).
        QueuedConsoleAppender.drainConsole();
        // After 'serve' was stopped by a signal the JVM is already shutting down; exit then only waits for it.
        System.exit(code);
    }
}
