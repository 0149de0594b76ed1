package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.IssuedKeyPair;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.PfxPassword;
import org.slf4j.LoggerFactory;

/** Passwords and private keys never reach the log, whatever the CA does or fails to do. */
class NoSecretsInLogsTest {

    @TempDir
    Path data;

    @Test
    void noPasswordOrPrivateKeyIsEverLogged() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        try {
            EmbeddedCertificateAuthority ca = TestCa.create(data);
            String keystorePassword =
                    Files.readString(data.resolve("ca/keystore.password")).strip();
            IssuedKeyPair issued = ca.issueWithGeneratedKey(
                    TestCa.ann(),
                    CertificateSettings.builder()
                            .keyGeneration(KeyGeneration.SERVER)
                            .archiveKeys(true)
                            .build(),
                    PfxPassword.of("pfx-secret-0815", "pfxpassword"));
            String privateKey = Base64.getEncoder()
                    .encodeToString(
                            TestPfx.open(issued.pfx(), "pfx-secret-0815").key().getEncoded());
            ca.recoverKey(
                    issued.archivedKey().orElseThrow(),
                    issued.certificate().der(),
                    PfxPassword.of("pfx-other-4711", "p"));
            ca.rotateIssuingCa();
            assertThrows(
                    CertificateAuthorityUnavailable.class,
                    () -> new EmbeddedCertificateAuthority(
                                    new EmbeddedCaSettings(
                                            data,
                                            null,
                                            Optional.empty(),
                                            Optional.of("wrong-secret-1234"),
                                            Optional.empty(),
                                            Optional.empty(),
                                            TestCa.BASE_URL,
                                            null,
                                            null),
                                    Clock.systemUTC())
                            .start());

            StringBuilder everything = new StringBuilder();
            for (ILoggingEvent event : logs.list) {
                everything.append(event.getFormattedMessage()).append('\n');
                if (event.getThrowableProxy() != null) {
                    everything
                            .append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                            .append('\n');
                }
            }
            String logged = everything.toString();
            assertTrue(logged.contains("Certificate authority ready"), "the CA did log: " + logged);
            for (String secret : new String[] {
                keystorePassword,
                "pfx-secret-0815",
                "pfx-other-4711",
                "wrong-secret-1234",
                privateKey.substring(privateKey.length() - 40)
            }) {
                assertFalse(logged.contains(secret), "a secret was logged: " + logged);
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }
    }
}
