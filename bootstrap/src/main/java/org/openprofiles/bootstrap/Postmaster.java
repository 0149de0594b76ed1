package org.openprofiles.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server this process started on a cluster: the port it listens on, and how to stop
 * it (which also gives up the cluster's owner lock, {@link EmbeddedDatabase#OWNER_LOCK}).
 *
 * <p>{@link #start} starts it from binaries already known ({@link PostgresBinaries}) the way
 * zonky does — {@code pg_ctl start} with the same owner lock and the same kind of options, so
 * PostgreSQL runs in a session of its own and outlives a killed server as before — but without
 * zonky's fixed pauses: zonky looks every 100 ms, this looks at PostgreSQL's own status line in
 * {@code postmaster.pid} every few milliseconds and is done when it says "ready". {@link #zonky}
 * wraps a server zonky started (a first start, or binaries not known yet).
 */
final class Postmaster {

    /** How often {@code postmaster.pid} is looked at while PostgreSQL starts. */
    private static final long POLL_MILLIS = 5;

    /** How long {@code pg_ctl stop} waits for a fast shutdown (zonky's value). */
    private static final int STOP_WAIT_SECONDS = 5;

    /** How many of PostgreSQL's last output lines a failed start reports. */
    private static final int OUTPUT_LINES = 10;

    private final int port;
    private final Closeable stop;

    private Postmaster(int port, Closeable stop) {
        this.port = port;
        this.stop = stop;
    }

    /** The PostgreSQL zonky started; stopping it is zonky's. */
    static Postmaster zonky(EmbeddedPostgres postgres) {
        return new Postmaster(postgres.getPort(), postgres);
    }

    /** PostgreSQL could not be run from the known binaries, or exited while starting: they may be broken, or the cluster may be. */
    static final class DidNotStart extends Exception {
        DidNotStart(String message, Throwable cause) {
            super(message, cause);
        }
    }

    int port() {
        return port;
    }

    /** Stops PostgreSQL (fast shutdown) and gives up the owner lock. */
    void stop() throws IOException {
        stop.close();
    }

    /**
     * Starts PostgreSQL on {@code cluster} (initialised already) with {@code binaries}, on
     * {@code port} (0: a free one), with {@code settings} on its command line, and waits up to
     * {@code wait} for it to accept connections (crash recovery included).
     *
     * @throws DidNotStart when PostgreSQL could not be run or exited while starting
     * @throws IllegalStateException when another process holds the cluster's owner lock, or
     *     PostgreSQL did not get ready in time
     */
    static Postmaster start(
            PostgresBinaries.Known binaries, Path cluster, int port, Map<String, String> settings, Duration wait)
            throws DidNotStart {
        OwnerLock lock = OwnerLock.take(cluster);
        try {
            int chosen = port != 0 ? port : EmbeddedDatabase.freePort();
            List<String> options = new ArrayList<>(List.of("-p", Integer.toString(chosen)));
            settings.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
            long launched = System.currentTimeMillis();
            ProcessBuilder builder = new ProcessBuilder(binaries.command(
                            "pg_ctl",
                            List.of(
                                    "-D",
                                    cluster.toString(),
                                    "-o",
                                    String.join(" ", options),
                                    "-w",
                                    "-t",
                                    Long.toString(wait.toSeconds()),
                                    "start")))
                    .redirectErrorStream(true);
            Process pgCtl = builder.start();
            // PostgreSQL inherits pg_ctl's output and writes its log there for as long as it runs.
            Output output = Output.drain(pgCtl);
            awaitReady(cluster, pgCtl, output, launched, wait);
            return new Postmaster(chosen, () -> {
                try {
                    stop(binaries, cluster);
                } finally {
                    lock.close();
                }
            });
        } catch (IOException e) {
            lock.close();
            throw new DidNotStart("cannot run " + binaries.program("pg_ctl") + ": " + e.getMessage(), e);
        } catch (DidNotStart | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Waits until {@code postmaster.pid} says "ready" for a postmaster started by this launch (its
     * process runs, and it started at most 2 s before the launch, as pg_ctl itself checks), or
     * pg_ctl says it is ready (exit 0) or that it is not (any other exit).
     */
    private static void awaitReady(Path cluster, Process pgCtl, Output output, long launched, Duration wait)
            throws DidNotStart {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<PostmasterPid> pid = PostmasterPid.read(cluster);
            if (pid.isPresent()
                    && pid.get().ready()
                    && pid.get().started() >= launched / 1000 - 2
                    && pid.get().process().isPresent()) {
                return;
            }
            if (!pgCtl.isAlive()) {
                if (pgCtl.exitValue() == 0) {
                    return;
                }
                throw new DidNotStart(
                        "PostgreSQL did not start (pg_ctl exit " + pgCtl.exitValue() + "): " + output.last(), null);
            }
            try {
                pgCtl.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DidNotStart("interrupted while PostgreSQL started", e);
            }
        }
        // Not a reason to try other binaries: it runs, and may still be recovering.
        throw new IllegalStateException(
                "PostgreSQL did not get ready within " + wait.toSeconds() + " s: " + output.last());
    }

    /** {@code pg_ctl stop} in fast mode, as zonky stops it; a postmaster that is gone already is no failure here. */
    private static void stop(PostgresBinaries.Known binaries, Path cluster) throws IOException {
        Process pgCtl = new ProcessBuilder(binaries.command(
                        "pg_ctl",
                        List.of(
                                "-D",
                                cluster.toString(),
                                "stop",
                                "-m",
                                "fast",
                                "-t",
                                Integer.toString(STOP_WAIT_SECONDS),
                                "-w")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            pgCtl.waitFor(STOP_WAIT_SECONDS + 5L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while PostgreSQL stopped", e);
        }
    }

    /**
     * zonky's lock on {@code <cluster>/epg-lock}, held while this process runs the cluster's
     * PostgreSQL: {@link EmbeddedDatabase} refuses a cluster whose lock a live process holds.
     */
    private static final class OwnerLock implements Closeable {
        private final FileOutputStream file;
        private final FileLock lock;

        private OwnerLock(FileOutputStream file, FileLock lock) {
            this.file = file;
            this.lock = lock;
        }

        /** Takes the lock, or fails as zonky does ({@link IllegalStateException}) when it is held. */
        static OwnerLock take(Path cluster) {
            Path path = cluster.resolve(EmbeddedDatabase.OWNER_LOCK);
            FileOutputStream file = null;
            try {
                file = new FileOutputStream(path.toFile());
                FileLock lock = file.getChannel().tryLock();
                if (lock == null) {
                    throw new IllegalStateException("could not lock " + path);
                }
                return new OwnerLock(file, lock);
            } catch (IOException e) {
                closeQuietly(file);
                throw new IllegalStateException("could not lock " + path + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                closeQuietly(file);
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException e) {
                // Closing the file below releases it as well.
            }
            closeQuietly(file);
        }

        private static void closeQuietly(FileOutputStream file) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    // Nothing left to do.
                }
            }
        }
    }

    /**
     * Reads what pg_ctl and PostgreSQL write (zonky reads it too and logs it at a level that is
     * off), keeping the last lines for the message of a failed start.
     */
    private static final class Output {
        private final Deque<String> lines = new ArrayDeque<>();
        private Thread reader;

        static Output drain(Process process) {
            Output output = new Output();
            output.reader = new Thread(
                    () -> {
                        try (BufferedReader in = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line = in.readLine(); line != null; line = in.readLine()) {
                                output.add(line);
                            }
                        } catch (IOException e) {
                            // PostgreSQL stopped, or the stream was closed.
                        }
                    },
                    "postgres-output");
            output.reader.setDaemon(true);
            output.reader.start();
            return output;
        }

        private synchronized void add(String line) {
            if (lines.size() == OUTPUT_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }

        /** The last lines, once the output ended (PostgreSQL gave up) or after a moment when it goes on. */
        String last() {
            try {
                reader.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                return lines.isEmpty() ? "(no output)" : String.join(" / ", lines);
            }
        }
    }
}
