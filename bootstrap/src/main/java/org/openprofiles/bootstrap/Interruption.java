package org.openprofiles.bootstrap;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during long work: the JVM's shutdown hook asks the work to stop (and runs
 * {@code onStop}, e.g. cancelling a running query), then waits for the work to clean up and say
 * what was committed before the JVM exits.
 */
final class Interruption implements AutoCloseable {

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean requested;

    Interruption(Runnable onStop) {
        this.hook = new Thread(
                () -> {
                    requested = true;
                    onStop.run();
                    try {
                        finished.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "openprofiles-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once Ctrl-C was pressed: stop at the next safe point. */
    boolean requested() {
        return requested;
    }

    /** The work is over (done, failed or stopped): the JVM may exit. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that the work has finished.
        }
    }
}
