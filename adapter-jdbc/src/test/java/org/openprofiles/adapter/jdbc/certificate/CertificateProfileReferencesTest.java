package org.openprofiles.adapter.jdbc.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.jdbc.shared.Sql;
import org.openprofiles.adapter.jdbc.shared.TableCopies;
import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.Fixtures;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.postgresql.util.PSQLException;

/**
 * A profile's user and template are checked once per statement (migration V63) with the foreign
 * key's guarantees: an import naming an unknown user or template fails as the foreign key failed
 * it (SQLSTATE 23503, the constraint's name) and writes nothing; a referenced user or template
 * cannot be deleted or re-keyed; and an import racing the deletion of its user, in either order,
 * never leaves a profile without its user.
 */
class CertificateProfileReferencesTest {

    private static final String USER_KEY = "certificate_profile_assigned_user_id_fkey";
    private static final String TEMPLATE_KEY = "certificate_profile_template_id_fkey";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static JdbiStorage storage;
    private static Fixtures fixtures;
    private static JdbiCertificateProfiles profiles;

    @BeforeAll
    static void open() {
        storage = JdbiStorage.fresh();
        fixtures = new Fixtures(storage);
        profiles = (JdbiCertificateProfiles) storage.certificateProfiles();
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @Test
    void anImportNamingAnUnknownUserFailsAsTheForeignKeyFailedItAndWritesNothing() {
        User owner = fixtures.user();
        ProfileTemplate template = fixtures.template();
        List<CertificateProfile> three = List.of(
                Fixtures.profile(owner.id(), template, ProfileStatus.ACTIVE),
                Fixtures.profile(UserId.random(), template, ProfileStatus.ACTIVE),
                Fixtures.profile(owner.id(), template, ProfileStatus.ACTIVE));
        long before = count("SELECT count(*) FROM certificate_profile");

        PSQLException refused = refusal(() -> storage.transactions().run(() -> profiles.addAll(three)));

        assertEquals(Sql.FOREIGN_KEY_VIOLATION, refused.getSQLState());
        assertEquals(USER_KEY, refused.getServerErrorMessage().getConstraint());
        assertEquals("certificate_profile", refused.getServerErrorMessage().getTable());
        assertTrue(
                refused.getServerErrorMessage()
                        .getDetail()
                        .contains(three.get(1).assignedUser().toString()),
                refused.getServerErrorMessage().getDetail());
        assertEquals(before, count("SELECT count(*) FROM certificate_profile"), "nothing written");
    }

    @Test
    void anImportNamingAnUnknownTemplateFailsAsTheForeignKeyFailedItAndWritesNothing() {
        User owner = fixtures.user();
        ProfileTemplate template = fixtures.template();
        CertificateProfile good = Fixtures.profile(owner.id(), template, ProfileStatus.ACTIVE);
        CertificateProfile unknownTemplate = withTemplate(good, TemplateId.random());
        long before = count("SELECT count(*) FROM certificate_profile");

        PSQLException refused =
                refusal(() -> storage.transactions().run(() -> profiles.addAll(List.of(good, unknownTemplate))));

        assertEquals(Sql.FOREIGN_KEY_VIOLATION, refused.getSQLState());
        assertEquals(TEMPLATE_KEY, refused.getServerErrorMessage().getConstraint());
        assertEquals(before, count("SELECT count(*) FROM certificate_profile"), "nothing written");
    }

    @Test
    void aProfileCannotBeMovedToAnUnknownUserOrTemplateButItsStatusChangesFreely() throws SQLException {
        CertificateProfile profile = fixtures.storedProfile(fixtures.user().id(), fixtures.template());
        try (Connection c = connect()) {
            SQLException toUser = assertThrows(
                    SQLException.class,
                    () -> execute(
                            c,
                            "UPDATE certificate_profile SET assigned_user_id = ? WHERE id = ?",
                            UUID.randomUUID(),
                            profile.id().value()));
            assertForeignKey(toUser, USER_KEY);
            SQLException toTemplate = assertThrows(
                    SQLException.class,
                    () -> execute(
                            c,
                            "UPDATE certificate_profile SET template_id = ? WHERE id = ?",
                            UUID.randomUUID(),
                            profile.id().value()));
            assertForeignKey(toTemplate, TEMPLATE_KEY);
            User other = fixtures.user();
            execute(
                    c,
                    "UPDATE certificate_profile SET assigned_user_id = ?, status = 'disabled' WHERE id = ?",
                    other.id().value(),
                    profile.id().value());
        }
    }

    @Test
    void aReferencedUserOrTemplateCannotBeDeletedOrReKeyedAndAnUnreferencedOneCan() throws SQLException {
        User owner = fixtures.user();
        // No policies: their own foreign key (template_policy) would refuse a new id first.
        ProfileTemplate template = fixtures.template(Map.of());
        fixtures.storedProfile(owner.id(), template);
        try (Connection c = connect()) {
            assertForeignKey(
                    assertThrows(
                            SQLException.class,
                            () -> execute(
                                    c,
                                    "DELETE FROM app_user WHERE id = ?",
                                    owner.id().value())),
                    USER_KEY);
            assertForeignKey(
                    assertThrows(
                            SQLException.class,
                            () -> execute(
                                    c,
                                    "UPDATE app_user SET id = ? WHERE id = ?",
                                    UUID.randomUUID(),
                                    owner.id().value())),
                    USER_KEY);
            assertForeignKey(
                    assertThrows(
                            SQLException.class,
                            () -> execute(
                                    c,
                                    "DELETE FROM profile_template WHERE id = ?",
                                    template.id().value())),
                    TEMPLATE_KEY);
            assertForeignKey(
                    assertThrows(
                            SQLException.class,
                            () -> execute(
                                    c,
                                    "UPDATE profile_template SET id = ? WHERE id = ?",
                                    UUID.randomUUID(),
                                    template.id().value())),
                    TEMPLATE_KEY);

            assertEquals(
                    1,
                    execute(
                            c,
                            "DELETE FROM app_user WHERE id = ?",
                            fixtures.user().id().value()));
            assertEquals(
                    1,
                    execute(
                            c,
                            "UPDATE app_user SET display_name = 'renamed' WHERE id = ?",
                            owner.id().value()),
                    "a change that keeps the id is not a removal");
            assertEquals(
                    1,
                    execute(
                            c,
                            "DELETE FROM profile_template WHERE id = ?",
                            fixtures.template().id().value()));
        }
    }

    @Test
    void deletingUsersOrTemplatesIsReadCommittedOnlyWhereTheCheckCouldMissNewProfiles() throws SQLException {
        for (int level : new int[] {Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE}) {
            try (Connection c = connect()) {
                c.setTransactionIsolation(level);
                c.setAutoCommit(false);
                SQLException refused = assertThrows(
                        SQLException.class,
                        () -> execute(
                                c,
                                "DELETE FROM app_user WHERE id = ?",
                                fixtures.user().id().value()));
                assertEquals("0A000", refused.getSQLState(), refused.getMessage());
                c.rollback();
                assertEquals(0, execute(c, "DELETE FROM app_user WHERE false"), "deleting nothing is no removal");
                c.rollback();
            }
        }
    }

    @Test
    void templatesCannotBeTruncatedWithoutTheirProfiles() throws SQLException {
        fixtures.storedProfile(fixtures.user().id(), fixtures.template());
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> execute(
                            c,
                            "TRUNCATE profile_template, template_policy, certificate_request, issued_certificate,"
                                    + " certificate_request_decision, certificate_request_key"));
            assertEquals("0A000", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("certificate_profile"), refused.getMessage());
            c.rollback();
        }
    }

    @Test
    void aBackupStillRestoresUsersAndTemplatesBeforeProfiles() throws SQLException {
        try (Connection c = connect()) {
            List<String> order =
                    TableCopies.tables(c).stream().map(TableCopies.Table::name).toList();
            assertTrue(order.indexOf("app_user") < order.indexOf("certificate_profile"), order.toString());
            assertTrue(order.indexOf("profile_template") < order.indexOf("certificate_profile"), order.toString());
        }
    }

    /** The import holds its user until it commits: the deletion waits for it and then fails. */
    @Test
    void aDeletionOfTheUserOfAnOpenImportWaitsAndFailsOnceTheImportCommits() throws Exception {
        User owner = fixtures.user();
        ProfileTemplate template = fixtures.template();
        CountDownLatch imported = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> importing =
                CompletableFuture.runAsync(() -> storage.transactions().run(() -> {
                    profiles.addAll(List.of(Fixtures.profile(owner.id(), template, ProfileStatus.ACTIVE)));
                    imported.countDown();
                    await(commit);
                }));
        assertTrue(imported.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        CompletableFuture<Integer> deleting = CompletableFuture.supplyAsync(() -> deleteUserAndCommit(owner.id()));
        waitUntilBlocked("DELETE FROM app_user");

        commit.countDown();
        importing.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertForeignKey(failureOf(deleting), USER_KEY);
        assertEquals(1, profilesOf(owner));
        assertEquals(0, orphans());
    }

    /** The deletion holds the user until it commits: the import waits for it and then fails. */
    @Test
    void anImportForAUserBeingDeletedWaitsAndFailsOnceTheDeletionCommits() throws Exception {
        User owner = fixtures.user();
        CompletableFuture<Void> importing = importWhileDeletionIsOpen(owner, Connection::commit);

        assertForeignKey(failureOf(importing), USER_KEY);
        assertEquals(0, profilesOf(owner));
        assertEquals(0, orphans());
    }

    /** A deletion that rolls back releases the user, and the waiting import goes through. */
    @Test
    void anImportWaitingForADeletionThatRollsBackGoesThrough() throws Exception {
        User owner = fixtures.user();
        CompletableFuture<Void> importing = importWhileDeletionIsOpen(owner, Connection::rollback);

        importing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, profilesOf(owner));
        assertEquals(0, orphans());
    }

    /** How a transaction that deleted a user ends. */
    private interface Ending {
        void end(Connection deleter) throws SQLException;
    }

    /**
     * Deletes {@code owner} in a transaction left open, imports a profile of theirs meanwhile, and
     * once the import waits for the deletion, ends the deletion with {@code ending}: the import.
     */
    private static CompletableFuture<Void> importWhileDeletionIsOpen(User owner, Ending ending) throws Exception {
        ProfileTemplate template = fixtures.template();
        try (Connection deleter = connect()) {
            deleter.setAutoCommit(false);
            assertEquals(
                    1,
                    execute(
                            deleter,
                            "DELETE FROM app_user WHERE id = ?",
                            owner.id().value()));
            CompletableFuture<Void> importing = CompletableFuture.runAsync(() -> storage.transactions()
                    .run(() -> profiles.addAll(List.of(Fixtures.profile(owner.id(), template, ProfileStatus.ACTIVE)))));
            waitUntilBlocked("COPY certificate_profile");
            ending.end(deleter);
            return importing;
        }
    }

    // helpers -----------------------------------------------------------------------------------

    private static CertificateProfile withTemplate(CertificateProfile p, TemplateId template) {
        return new CertificateProfile(
                CertificateProfileId.random(),
                p.status(),
                p.flags(),
                Optional.empty(),
                Optional.empty(),
                p.assignedUser(),
                template,
                p.templateVersion(),
                p.comment(),
                p.createdAt(),
                p.updatedAt());
    }

    private static int deleteUserAndCommit(UserId user) {
        try (Connection c = connect()) {
            return execute(c, "DELETE FROM app_user WHERE id = ?", user.value());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long profilesOf(User owner) {
        return count("SELECT count(*) FROM certificate_profile WHERE assigned_user_id = '" + owner.id() + "'");
    }

    /** Profiles whose user or template is not there: what the checks exist to rule out. */
    private static long orphans() {
        return count("""
                SELECT count(*) FROM certificate_profile p
                 WHERE NOT EXISTS (SELECT FROM app_user u WHERE u.id = p.assigned_user_id)
                    OR NOT EXISTS (SELECT FROM profile_template t WHERE t.id = p.template_id)
                """);
    }

    /** Waits until a session running a statement that starts with {@code statement} waits for a lock. */
    private static void waitUntilBlocked(String statement) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '" + statement
                        + "%'")
                == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no session ran '" + statement + "…' waiting for a lock");
            }
            Thread.sleep(20);
        }
    }

    /** The PostgreSQL error that {@code work} fails with, waited for at most {@link #WAIT}. */
    private static PSQLException failureOf(CompletableFuture<?> work) {
        ExecutionException failed =
                assertThrows(ExecutionException.class, () -> work.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        return refusal(failed.getCause());
    }

    private static PSQLException refusal(Runnable work) {
        return refusal(assertThrows(UnableToExecuteStatementException.class, work::run));
    }

    private static PSQLException refusal(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof PSQLException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw new AssertionError("no PostgreSQL error in " + failure, failure);
        }
        return (PSQLException) cause;
    }

    private static void assertForeignKey(SQLException failure, String constraint) {
        PSQLException refused = refusal(failure);
        assertEquals(Sql.FOREIGN_KEY_VIOLATION, refused.getSQLState(), refused.getMessage());
        assertEquals(constraint, refused.getServerErrorMessage().getConstraint());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long count(String sql) {
        return storage.testDatabase()
                .jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                storage.testDatabase().url(),
                storage.testDatabase().settings().user(),
                storage.testDatabase().settings().password());
    }

    private static int execute(Connection c, String sql, Object... arguments) throws SQLException {
        if (arguments.length == 0) {
            try (Statement statement = c.createStatement()) {
                statement.execute(sql);
                return statement.getUpdateCount();
            }
        }
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement.executeUpdate();
        }
    }
}
