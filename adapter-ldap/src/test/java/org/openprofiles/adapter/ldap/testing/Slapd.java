package org.openprofiles.adapter.ldap.testing;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenLDAP slapd (Debian's {@code /usr/sbin/slapd}) that a test starts in a temporary
 * directory: a generated slapd.conf (core, cosine, inetOrgPerson schemas; an mdb database; the
 * ppolicy overlay for pwdAccountLockedTime), listening on a free loopback port, loaded with the
 * OpenLDAP fixture through the LDAP protocol. {@link #close()} stops it and deletes the directory.
 */
public final class Slapd implements DirectoryServer {

    public static final Path BINARY = Path.of("/usr/sbin/slapd");
    private static final String BASE = "dc=example,dc=org";
    private static final String ROOT_DN = "cn=admin,dc=example,dc=org";
    private static final String PASSWORD = "Sw0rdfish-slapd-test";

    private final Path home;
    private final Process process;
    private final int port;

    private Slapd(Path home, Process process, int port) {
        this.home = home;
        this.process = process;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static Slapd start(String fixture) throws Exception {
        return start(fixture, null);
    }

    /**
     * A slapd whose database was first filled offline with {@code slapadd} from {@code bulk} (an
     * LDIF file holding the base entry and everything under it), then {@code fixture} (may be
     * null) added over LDAP.
     */
    public static Slapd start(String fixture, Path bulk) throws Exception {
        Path home = Files.createTempDirectory("openprofiles-slapd");
        Files.createDirectories(home.resolve("db"));
        Files.writeString(home.resolve("slapd.conf"), """
                include /etc/ldap/schema/core.schema
                include /etc/ldap/schema/cosine.schema
                include /etc/ldap/schema/inetorgperson.schema
                modulepath /usr/lib/ldap
                moduleload back_mdb
                moduleload ppolicy
                pidfile %1$s/slapd.pid
                argsfile %1$s/slapd.args
                database mdb
                maxsize 1073741824
                suffix "%2$s"
                rootdn "%3$s"
                rootpw %4$s
                directory %1$s/db
                index objectClass eq
                overlay ppolicy
                """.formatted(home, BASE, ROOT_DN, PASSWORD));
        if (bulk != null) {
            Process slapadd = new ProcessBuilder(
                            "/usr/sbin/slapadd",
                            "-q",
                            "-f",
                            home.resolve("slapd.conf").toString(),
                            "-l",
                            bulk.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("slapadd.log").toFile())
                    .start();
            if (slapadd.waitFor() != 0) {
                String log = Files.readString(home.resolve("slapadd.log"));
                delete(home);
                throw new IllegalStateException("slapadd failed: " + log);
            }
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // -d 0: stay in the foreground (no daemon to lose track of) without debug output.
        Process process = new ProcessBuilder(
                        BINARY.toString(),
                        "-f",
                        home.resolve("slapd.conf").toString(),
                        "-h",
                        "ldap://127.0.0.1:" + port + "/",
                        "-d",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("slapd.log").toFile())
                .start();
        Slapd slapd = new Slapd(home, process, port);
        try {
            slapd.awaitReady();
            if (fixture != null) {
                slapd.load(fixture);
            }
            return slapd;
        } catch (Exception e) {
            String log = Files.exists(home.resolve("slapd.log")) ? Files.readString(home.resolve("slapd.log")) : "";
            slapd.close();
            throw new IllegalStateException("slapd did not start: " + log, e);
        }
    }

    private void awaitReady() throws InterruptedException, LDAPException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited with " + process.exitValue());
            }
            try (LDAPConnection connection = admin()) {
                return;
            } catch (LDAPException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private void load(String fixture) throws Exception {
        try (InputStream in = InMemoryDirectory.resource(fixture);
                LDIFReader ldif = new LDIFReader(in);
                LDAPConnection connection = admin()) {
            for (Entry entry = ldif.readEntry(); entry != null; entry = ldif.readEntry()) {
                connection.add(entry);
            }
        }
    }

    @Override
    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    @Override
    public String baseDn() {
        return BASE;
    }

    @Override
    public String bindDn() {
        return ROOT_DN;
    }

    @Override
    public String bindPassword() {
        return PASSWORD;
    }

    @Override
    public LDAPConnection admin() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port, ROOT_DN, PASSWORD);
    }

    @Override
    public long pagedSearches() {
        return -1;
    }

    @Override
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        delete(home);
    }

    private static void delete(Path home) {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
