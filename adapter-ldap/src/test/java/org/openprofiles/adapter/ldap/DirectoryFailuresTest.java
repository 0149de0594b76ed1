package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.directory.DirectoryReadRequest;
import org.openprofiles.domain.access.directory.DirectoryUnavailable;
import org.openprofiles.domain.access.directory.DirectoryUnavailable.Reason;

/**
 * Every way a read can fail ends in a {@link DirectoryUnavailable} that says what happened, names
 * the server, never the password, and never lets a partial read pass for a complete one.
 */
class DirectoryFailuresTest {

    private final InMemoryDirectory directory = InMemoryDirectory.activeDirectory();

    @AfterEach
    void stop() {
        directory.close();
    }

    private DirectoryUnavailable failedRead(LdapSettings.Builder settings, RecordingSink sink) {
        LdapDirectorySource source = new LdapDirectorySource(settings.build());
        return assertThrows(DirectoryUnavailable.class, () -> source.read(DirectoryReadRequest.full(Set.of()), sink));
    }

    @Test
    void aServerNobodyListensOnIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        DirectoryUnavailable failure = failedRead(
                LdapSettings.builder(
                                LdapSettings.Preset.ACTIVE_DIRECTORY,
                                LdapSettings.url("ldap://127.0.0.1:" + port),
                                directory.baseDn())
                        .bind(directory.bindDn(), directory.bindPassword()),
                new RecordingSink());

        assertEquals(Reason.UNREACHABLE, failure.reason());
        assertTrue(
                failure.getMessage().startsWith("Directory ldap://127.0.0.1:" + port + ": cannot reach the server"),
                failure.getMessage());
    }

    @Test
    void aRefusedBindSaysSoAndNeverShowsThePassword() {
        String wrong = "Wr0ng-but-secret-password";
        DirectoryUnavailable failure = failedRead(
                directory.settings(LdapSettings.Preset.ACTIVE_DIRECTORY).bind(directory.bindDn(), wrong),
                new RecordingSink());

        assertEquals(Reason.BIND_REFUSED, failure.reason());
        assertTrue(
                failure.getMessage()
                        .contains("refused the credentials while binding as " + InMemoryDirectory.AD_BIND_DN),
                failure.getMessage());
        assertFalse(failure.getMessage().contains(wrong));
        assertFalse(failure.getMessage().contains(InMemoryDirectory.PASSWORD));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        // The kernel accepts the connection into the backlog; nobody ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            DirectoryUnavailable failure = failedRead(
                    LdapSettings.builder(
                                    LdapSettings.Preset.ACTIVE_DIRECTORY,
                                    LdapSettings.url("ldap://127.0.0.1:" + silent.getLocalPort()),
                                    directory.baseDn())
                            .bind(directory.bindDn(), directory.bindPassword())
                            .timeouts(Duration.ofSeconds(5), Duration.ofMillis(300)),
                    new RecordingSink());

            assertEquals(Reason.TIMED_OUT, failure.reason(), failure.getMessage());
            assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "bounded by the response timeout");
        }
    }

    @Test
    void aServerStoppedInTheMiddleOfTheAccountsEndsTheReadAsFailed() {
        RecordingSink sink = new RecordingSink() {
            @Override
            public void accounts(List<Account> page) {
                super.accounts(page);
                directory.stop();
            }
        };
        // Pages of one: the read runs at most two pages ahead of the sink (one waiting, one being
        // read), so with six account entries the server is stopped before the last is read.
        DirectoryUnavailable failure = failedRead(
                directory.settings(LdapSettings.Preset.ACTIVE_DIRECTORY).pageSize(1), sink);

        assertEquals(Reason.CONNECTION_LOST, failure.reason(), failure.getMessage());
        assertTrue(failure.getMessage().contains("while reading accounts"), failure.getMessage());
        assertTrue(sink.accountPages.size() <= 3, "the read stopped at the first page it could not get");
        assertTrue(sink.accounts().size() < 4);
    }

    @Test
    void aBaseDnThatDoesNotExistIsRefusedByTheServer() {
        DirectoryUnavailable failure = failedRead(
                LdapSettings.builder(
                                LdapSettings.Preset.ACTIVE_DIRECTORY,
                                LdapSettings.url(directory.url()),
                                "OU=Nowhere,DC=corp,DC=example,DC=com")
                        .bind(directory.bindDn(), directory.bindPassword()),
                new RecordingSink());

        assertEquals(Reason.REFUSED, failure.reason());
        assertTrue(failure.getMessage().contains("no such object"), failure.getMessage());
    }

    @Test
    void whatTheSinkThrowsStopsTheReadAndComesOutUnchanged() {
        IllegalStateException fromSink = new IllegalStateException("database full");
        RecordingSink sink = new RecordingSink() {
            @Override
            public void accounts(List<Account> page) {
                throw fromSink;
            }
        };
        LdapDirectorySource source = new LdapDirectorySource(
                directory.settings(LdapSettings.Preset.ACTIVE_DIRECTORY).build());

        assertSame(
                fromSink,
                assertThrows(
                        IllegalStateException.class, () -> source.read(DirectoryReadRequest.full(Set.of()), sink)));
    }
}
