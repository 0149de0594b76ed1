package org.openprofiles.bootstrap;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.openprofiles.adapter.ca.EmbeddedCertificateAuthority;
import org.openprofiles.domain.certificate.pki.CaCertificate;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ca}: the embedded certificate authority's files, worked on directly (no running server
 * needed): {@code ca show} lists its CAs, {@code ca rotate} replaces the issuing CA under the same
 * root. Both take the server's settings ({@code --data-dir}, the CA settings, the public base URL).
 */
@Command(
        name = "ca",
        mixinStandardHelpOptions = true,
        description = "The embedded certificate authority's keystore, worked on directly (no running server needed).")
final class CaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: show or rotate");
    }

    /** The CA the settings describe, its URLs on the public base URL (or the listener's address). */
    static EmbeddedCertificateAuthority open(Config config) {
        URI listener = URI.create("http://" + config.httpHost() + ":" + config.httpPort() + "/");
        return new EmbeddedCertificateAuthority(config.certificateAuthority(listener), Clock.systemUTC());
    }

    static void print(Cli.Io io, CaCertificates certificates) {
        for (CaCertificate ca : certificates.all()) {
            io.out().println(ca.role() + "  " + ca.id() + "  " + ca.subject() + "  valid until " + ca.notAfter());
        }
    }

    /** {@code ca show}: the root, the issuing CA and earlier issuing CAs (creating them on first use). */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Lists the CA's certificates.")
    static final class Show implements Callable<Integer>, Cli.UsesSettings {
        private final Cli.Io io;

        @Spec
        CommandSpec spec;

        Show(Cli.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws Exception {
            print(io, open(io.config(spec)).start());
            return Cli.OK;
        }
    }

    /**
     * {@code ca rotate}: a new issuing CA under the same root; the old one stays, retired, to sign
     * CRLs and OCSP answers for what it issued. Servers sharing the directory issue from the new one
     * once restarted.
     */
    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = "Replaces the issuing CA with a new one under the same root (the embedded keystore only); "
                    + "restart the servers sharing it afterwards.")
    static final class Rotate implements Callable<Integer>, Cli.UsesSettings {
        private final Cli.Io io;

        @Spec
        CommandSpec spec;

        Rotate(Cli.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws Exception {
            Config config = io.config(spec);
            if (config.get(Config.CA_KEYSTORE).isPresent()) {
                throw new Cli.Refused(
                        "an operator's CA keystore is never written: add the new issuing key to it and set "
                                + Config.CA_KEY_ALIAS);
            }
            EmbeddedCertificateAuthority authority = open(config);
            authority.start();
            CaCertificates rotated = authority.rotateIssuingCa();
            io.out()
                    .println("The issuing CA is now " + rotated.issuing().id() + " ("
                            + rotated.issuing().subject() + "); restart every server that shares "
                            + config.dataDir().resolve("ca") + " to issue from it.");
            print(io, rotated);
            return Cli.OK;
        }
    }
}
