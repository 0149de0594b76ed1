package org.openprofiles.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's own {@code postmaster.pid} in a cluster directory: which process serves the cluster
 * and on which port. The command-line tools attach through it, a start finds a postmaster an
 * earlier run left behind through it, and the server watches its database's process with it.
 *
 * @param pid     the postmaster's process id (line 1)
 * @param dataDir the cluster directory the postmaster serves (line 2)
 * @param started when the postmaster started, in seconds since the epoch (line 3), or -1 when not written yet
 * @param port    the port it listens on (line 4), or -1 while PostgreSQL has not written it yet
 * @param status  {@code starting}, {@code ready}, {@code stopping} … (line 8), or empty when not written yet
 */
record PostmasterPid(long pid, Path dataDir, long started, int port, String status) {

    static final String FILE = "postmaster.pid";

    /** The file in {@code cluster}, or empty when there is none or it is unreadable (being written, say). */
    static Optional<PostmasterPid> read(Path cluster) {
        try {
            List<String> lines = Files.readAllLines(cluster.resolve(FILE));
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            long started = line(lines, 3).map(Long::parseLong).orElse(-1L);
            int port = line(lines, 4).map(Integer::parseInt).orElse(-1);
            String status = line(lines, 8).orElse("");
            return Optional.of(new PostmasterPid(pid, Path.of(lines.get(1).strip()), started, port, status));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Line {@code number} (from 1), stripped, when it is there and not blank. */
    private static Optional<String> line(List<String> lines, int number) {
        return lines.size() >= number && !lines.get(number - 1).isBlank()
                ? Optional.of(lines.get(number - 1).strip())
                : Optional.empty();
    }

    /** True once PostgreSQL accepts connections (status "ready" in line 8; PostgreSQL 10 and later). */
    boolean ready() {
        return status.equals("ready");
    }

    /** The process, while it runs. */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /**
     * True when the process with this id is a PostgreSQL server binary. False when the id now
     * belongs to something else (a reboot or a new container reuses process ids), and also when
     * the process's command cannot be read.
     */
    boolean isPostgres() {
        return process()
                .flatMap(p -> p.info().command())
                .map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .isPresent();
    }
}
