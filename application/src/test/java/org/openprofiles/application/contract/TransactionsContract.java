package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The contract of the unit of work ({@link Transactions}): what one unit of work writes commits
 * together or not at all, a failure thrown out of it rolls everything back and reaches the caller
 * unchanged, a nested unit of work joins the outer one (which alone decides), a read-only one
 * refuses writes and reads one consistent state, and no one sees what another has not committed.
 * Users and the audit trail serve as the rows written.
 */
public abstract class TransactionsContract extends StorageContract {

    private Transactions transactions() {
        return storage().transactions();
    }

    private Users users() {
        return storage().users();
    }

    private static User newUser() {
        return User.create(UserId.random(), "u" + Fixtures.token(), null, Set.of(), Fixtures.NOW);
    }

    private boolean stored(User user) {
        return users().find(user.id()).isPresent();
    }

    @Test
    void aThreadKnowsWhetherItIsInsideAUnitOfWork() {
        assertFalse(transactions().inUnitOfWork());
        assertTrue(transactions().inTransaction(() -> transactions().inUnitOfWork()));
        assertTrue(transactions().readOnly(() -> transactions().inUnitOfWork()));
        assertTrue(transactions()
                .readOnly(
                        () -> transactions().inTransaction(() -> transactions().inUnitOfWork())));
        assertFalse(transactions().inUnitOfWork());
    }

    @Test
    void everythingWrittenInOneUnitOfWorkCommitsTogetherAndItsResultIsReturned() {
        User a = newUser();
        User b = newUser();
        String result = transactions().inTransaction(() -> {
            users().add(a);
            users().add(b);
            return "done";
        });
        assertEquals("done", result);
        assertTrue(stored(a));
        assertTrue(stored(b));
    }

    @Test
    void aFailureRollsBackEverythingTheUnitOfWorkWroteAndReachesTheCallerUnchanged() {
        User a = newUser();
        User b = newUser();
        IllegalStateException failure = new IllegalStateException("the change fails");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> transactions().run(() -> {
                    users().add(a);
                    users().add(b);
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertFalse(stored(a));
        assertFalse(stored(b));
    }

    @Test
    void aRollbackUndoesTheWritesOfEveryPortAndTheUpdatesAsWellAsTheInserts() {
        User existing = newUser();
        users().add(existing);
        User added = newUser();
        ProfileTemplate template = ProfileTemplate.create(
                TemplateId.random(), "t" + Fixtures.token(), "", 1, Map.of(), null, Fixtures.NOW);
        Group group = new Group(new GroupId(java.util.UUID.randomUUID()), "g" + Fixtures.token(), "");
        String objectId = Fixtures.token();
        assertThrows(
                IllegalStateException.class,
                () -> transactions().run(() -> {
                    users().add(added);
                    users().update(existing.disabled());
                    storage().profileTemplates().add(template);
                    storage().directory().mergeGroups(List.of(group));
                    storage().auditTrail().append(event(objectId));
                    throw new IllegalStateException("the change fails");
                }));
        assertFalse(stored(added));
        assertEquals(Optional.of(existing), users().find(existing.id()));
        assertTrue(storage().profileTemplates().find(template.id()).isEmpty());
        assertEquals(Set.of(group.id()), storage().directory().unknownGroups(List.of(group.id())));
        assertTrue(auditEvents(objectId).isEmpty());
    }

    @Test
    void aDomainFailureOfAPortRollsBackWhatCameBeforeIt() {
        User taken = newUser();
        users().add(taken);
        User added = newUser();
        assertThrows(
                Conflict.class,
                () -> transactions().run(() -> {
                    users().add(added);
                    users().add(taken);
                }));
        assertFalse(stored(added));
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOneAndRollsBackWithIt() {
        User outer = newUser();
        User inner = newUser();
        assertThrows(
                IllegalStateException.class,
                () -> transactions().run(() -> {
                    users().add(outer);
                    transactions().run(() -> users().add(inner));
                    throw new IllegalStateException("the outer work fails after the inner one finished");
                }));
        assertFalse(stored(outer));
        assertFalse(stored(inner));
    }

    @Test
    void theOuterUnitOfWorkDecidesEvenWhenANestedOneFailed() {
        User inner = newUser();
        User outer = newUser();
        transactions().run(() -> {
            try {
                transactions().run(() -> {
                    users().add(inner);
                    throw new IllegalStateException("the inner work fails");
                });
            } catch (IllegalStateException expected) {
                // The outer work carries on; what the inner one wrote is part of it.
            }
            users().add(outer);
        });
        assertTrue(stored(inner), "a nested unit of work is no savepoint: the outer one commits it");
        assertTrue(stored(outer));
    }

    @Test
    void aReadOnlyUnitOfWorkRefusesWritesAndWritesWorkAgainAfterIt() {
        User refused = newUser();
        assertThrows(
                RuntimeException.class,
                () -> transactions().readOnly(() -> {
                    users().add(refused);
                    return null;
                }));
        assertFalse(stored(refused));
        User later = newUser();
        transactions().run(() -> users().add(later));
        assertTrue(stored(later));
    }

    @Test
    void aReadOnlyUnitOfWorkReadsOneConsistentStateWhileAnotherCommits() throws Exception {
        User added = newUser();
        Future<?>[] writer = new Future<?>[1];
        List<Boolean> seen = transactions().readOnly(() -> {
            boolean before = users().findByLogin(added.login()).isPresent();
            writer[0] = inBackground(() -> transactions().inTransaction(() -> {
                users().add(added);
                return null;
            }));
            try {
                writer[0].get(BLOCKED_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException waiting) {
                // This storage makes the writer wait for the reader: just as consistent.
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
            boolean after = users().findByLogin(added.login()).isPresent();
            return List.of(before, after);
        });
        assertEquals(List.of(false, false), seen, "what a read-only unit of work reads does not change under it");
        await(writer[0]);
        assertTrue(stored(added));
    }

    @Test
    void whatAUnitOfWorkWroteIsInvisibleToOthersUntilItCommits() throws Exception {
        User pending = newUser();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> writer = inBackground(() -> transactions().inTransaction(() -> {
            users().add(pending);
            written.countDown();
            awaitLatch(release);
            throw new IllegalStateException("and then it rolls back");
        }));
        assertTrue(written.await(10, TimeUnit.SECONDS));
        Future<Boolean> reader = inBackground(() -> stored(pending));
        try {
            assertFalse(reader.get(BLOCKED_MILLIS, TimeUnit.MILLISECONDS), "an uncommitted row was read");
        } catch (TimeoutException waiting) {
            // This storage makes the reader wait for the writer: it cannot see uncommitted rows either.
        }
        release.countDown();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> await(writer));
        assertTrue(failed.getCause() instanceof IllegalStateException);
        assertFalse(await(reader));
        assertFalse(stored(pending));
    }

    @Test
    void anAfterCommitActionRunsOnceTheOutermostUnitOfWorkCommitsAndSeesItsWrites() {
        User a = newUser();
        List<String> seen = new java.util.ArrayList<>();
        transactions().run(() -> {
            users().add(a);
            transactions().run(() -> transactions().afterCommit(() -> seen.add("inner")));
            transactions().afterCommit(() -> seen.add(stored(a) ? "outer, committed" : "outer, not yet"));
            assertEquals(List.of(), seen, "nothing runs before the commit, not even at the end of a nested unit");
        });
        assertEquals(List.of("inner", "outer, committed"), seen);
    }

    @Test
    void anAfterCommitActionNeverRunsWhenTheUnitOfWorkRollsBack() {
        List<String> seen = new java.util.ArrayList<>();
        assertThrows(
                IllegalStateException.class,
                () -> transactions().run(() -> {
                    transactions().afterCommit(() -> seen.add("ran"));
                    throw new IllegalStateException("the change fails");
                }));
        transactions().run(() -> {});
        assertEquals(List.of(), seen);
    }

    @Test
    void anAfterCommitActionOutsideAUnitOfWorkRunsAtOnce() {
        List<String> seen = new java.util.ArrayList<>();
        transactions().afterCommit(() -> seen.add("ran"));
        assertEquals(List.of("ran"), seen);
    }

    private static AuditEvent event(String objectId) {
        return AuditEvent.of(
                Fixtures.NOW, Optional.empty(), "thing.change", "thing", objectId, Map.of(), Map.of("n", 1));
    }

    private List<AuditEvent> auditEvents(String objectId) {
        return storage()
                .auditTrail()
                .find(
                        new AuditTrail.Query(
                                Optional.empty(),
                                Optional.of("thing"),
                                Optional.of(objectId),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        PageRequest.first(10))
                .items();
    }
}
