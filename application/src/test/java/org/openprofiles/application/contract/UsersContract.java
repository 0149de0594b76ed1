package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.PageRequest;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * The contract of {@link Users}: a user is found by id and by login in any case, a taken id or
 * login is a {@link Conflict} naming which, an update changes name, enabled flag and roles only
 * when the version is current and raises it, the list is ordered by login ignoring case and
 * keyset-paged, and the enabled admins can be locked so that two changes that could remove the
 * last admin run one after the other.
 */
public abstract class UsersContract extends StorageContract {

    private Users users() {
        return storage().users();
    }

    private static User newUser(String login, Role... roles) {
        return User.create(UserId.random(), login, "Name of " + login, Set.of(roles), Fixtures.NOW);
    }

    private List<User> listedWithPrefix(String prefix, int limit) {
        return all(limit, page -> users().list(page)).stream()
                .filter(u -> u.login().toLowerCase(Locale.ROOT).startsWith(prefix))
                .toList();
    }

    @Test
    void aUserIsFoundByIdAndByLoginInAnyCase() {
        User user = newUser("Jane.Doe" + Fixtures.token(), Role.CM_AGENT, Role.PROFILE_READER);
        users().add(user);
        assertEquals(Optional.of(user), users().find(user.id()));
        assertEquals(Optional.of(user), users().findByLogin(user.login()));
        assertEquals(Optional.of(user), users().findByLogin(user.login().toUpperCase(Locale.ROOT)));
        assertEquals(Optional.empty(), users().find(UserId.random()));
        assertEquals(Optional.empty(), users().findByLogin("nobody" + Fixtures.token()));
    }

    @Test
    void addressesComeBackAsStoredAndAnUpdateChangesOrRemovesThem() {
        User user = newUser("mail" + Fixtures.token())
                .withAddresses(Optional.of("ann@example.org"), Optional.of("ann@corp.example.org"));
        users().add(user);
        assertEquals(Optional.of(user), users().find(user.id()));
        User changed = users().update(user.withAddresses(Optional.of("ann.smith@example.org"), Optional.empty()));
        assertEquals(Optional.of("ann.smith@example.org"), changed.email());
        assertEquals(Optional.empty(), changed.userPrincipalName());
        assertEquals(Optional.of(changed), users().find(user.id()));
    }

    @Test
    void aTakenIdIsAConflictNamingTheId() {
        User user = newUser("u" + Fixtures.token());
        users().add(user);
        User sameId = new User(user.id(), "other" + Fixtures.token(), null, true, Set.of(), Fixtures.NOW, 1);
        Conflict conflict = assertThrows(Conflict.class, () -> users().add(sameId));
        assertEquals(Optional.of("id"), conflict.field());
        assertEquals(Optional.of(user), users().find(user.id()));
    }

    @Test
    void aTakenLoginInAnyCaseIsAConflictNamingTheLogin() {
        User user = newUser("casey" + Fixtures.token());
        users().add(user);
        User sameLogin = newUser(user.login().toUpperCase(Locale.ROOT));
        Conflict conflict = assertThrows(Conflict.class, () -> users().add(sameLogin));
        assertEquals(Optional.of("login"), conflict.field());
        assertEquals(Optional.empty(), users().find(sameLogin.id()));
    }

    @Test
    void manyUsersAreFoundByIdAndByLoginInAnyCaseInOneCall() {
        User first = newUser("Many.A" + Fixtures.token(), Role.PROFILE_READER);
        User second = newUser("many.b" + Fixtures.token());
        users().add(first);
        users().add(second);
        UserId unknown = UserId.random();
        assertEquals(
                Map.of(first.id(), first, second.id(), second),
                users().findAll(List.of(first.id(), second.id(), unknown, first.id())));
        assertEquals(
                Map.of(
                        first.login().toLowerCase(Locale.ROOT),
                        first,
                        second.login().toLowerCase(Locale.ROOT),
                        second),
                users().findByLogins(List.of(
                        first.login().toUpperCase(Locale.ROOT), second.login(), "nobody" + Fixtures.token())));
        assertEquals(Map.of(), users().findAll(List.of()));
        assertEquals(Map.of(), users().findByLogins(List.of()));
    }

    @Test
    void addingManyUsersStoresEachAsAddingOneWould() {
        List<User> batch = List.of(
                newUser("bulk.a" + Fixtures.token(), Role.ADMIN, Role.CM_AGENT),
                newUser("bulk.b" + Fixtures.token()),
                User.create(UserId.random(), "bulk.c" + Fixtures.token(), null, Set.of(), Fixtures.NOW));
        users().addAll(batch);
        for (User user : batch) {
            assertEquals(Optional.of(user), users().find(user.id()));
            assertEquals(Optional.of(user), users().findByLogin(user.login()));
        }
    }

    @Test
    void addingManyUsersOfWhichOneIsTakenAddsNone() {
        User taken = newUser("taken" + Fixtures.token());
        users().add(taken);
        User fresh = newUser("fresh" + Fixtures.token());
        User sameLogin = newUser(taken.login().toUpperCase(Locale.ROOT));
        Conflict byLogin = assertThrows(Conflict.class, () -> users().addAll(List.of(fresh, sameLogin)));
        assertEquals("login_taken", byLogin.code());
        assertEquals(Optional.empty(), users().find(fresh.id()), "nothing of a refused batch is stored");
        User sameId = new User(taken.id(), "other" + Fixtures.token(), null, true, Set.of(), Fixtures.NOW, 1);
        Conflict byId = assertThrows(Conflict.class, () -> users().addAll(List.of(fresh, sameId)));
        assertEquals("user_id_taken", byId.code());
        assertEquals(Optional.empty(), users().find(fresh.id()), "nothing of a refused batch is stored");
    }

    @Test
    void anUpdateChangesNameEnabledAndRolesAndRaisesTheVersion() {
        User user = newUser("u" + Fixtures.token(), Role.CM_AGENT);
        users().add(user);
        User changed = new User(
                user.id(),
                "renamed" + Fixtures.token(),
                "New Name",
                false,
                Set.of(Role.PROFILE_MANAGER, Role.CM_APPROVER),
                Fixtures.NOW.plusSeconds(99),
                user.version());
        User stored = users().update(changed);
        User expected = new User(
                user.id(),
                user.login(),
                "New Name",
                false,
                Set.of(Role.PROFILE_MANAGER, Role.CM_APPROVER),
                user.createdAt(),
                user.version() + 1);
        assertEquals(expected, stored, "the login and creation time stay as they were");
        assertEquals(Optional.of(expected), users().find(user.id()));
    }

    @Test
    void aStaleUpdateIsPreconditionFailedAndChangesNothing() {
        User user = newUser("u" + Fixtures.token());
        users().add(user);
        User current = users().update(user.withRoles(Set.of(Role.CM_AGENT)));
        assertThrows(PreconditionFailed.class, () -> users().update(user.disabled()));
        assertEquals(Optional.of(current), users().find(user.id()));
    }

    @Test
    void updatingAUserThatIsNotStoredIsNotFound() {
        assertThrows(NotFound.class, () -> users().update(newUser("ghost" + Fixtures.token())));
    }

    @Test
    void theListIsOrderedByLoginIgnoringCaseAndPaged() {
        String token = Fixtures.token();
        User charlie = newUser(token + "charlie");
        User bravo = newUser(token + "BRAVO");
        User alpha = newUser(token + "alpha");
        users().add(charlie);
        users().add(bravo);
        users().add(alpha);
        assertEquals(List.of(alpha, bravo, charlie), listedWithPrefix(token, 2));
        assertInOrderIgnoringCase(
                all(3, page -> users().list(page)).stream().map(User::login).toList(),
                "every user, not only this test's, by login");
    }

    @Test
    void aUserAddedBeforeTheCursorDoesNotMakeTheNextPageRepeatOne() {
        String token = Fixtures.token();
        for (String suffix : List.of("b", "c", "d")) {
            users().add(newUser(token + suffix));
        }
        List<User> seen = new ArrayList<>();
        var page = users().list(PageRequest.first(1));
        while (page.nextCursor().isPresent() && !page.items().get(0).login().startsWith(token)) {
            page = users().list(PageRequest.first(1).after(page.nextCursor().get()));
        }
        seen.addAll(page.items());
        users().add(newUser(token + "a"));
        do {
            page = users().list(PageRequest.first(1).after(page.nextCursor().orElseThrow()));
            seen.addAll(page.items());
        } while (page.nextCursor().isPresent() && seen.size() < 3);
        assertEquals(
                List.of(token + "b", token + "c", token + "d"),
                seen.stream().map(User::login).toList());
    }

    @Test
    void thereIsAnEnabledAdminOnlyWhileAnEnabledUserHoldsTheRole() {
        storage()
                .transactions()
                .run(() -> users().lockEnabledAdmins()
                        .forEach(id ->
                                users().update(users().find(id).orElseThrow().disabled())));
        assertFalse(users().anyEnabledAdmin());
        users().add(newUser("u" + Fixtures.token(), Role.CM_AGENT, Role.PROFILE_MANAGER));
        User disabledAdmin = newUser("u" + Fixtures.token(), Role.ADMIN);
        users().add(disabledAdmin);
        users().update(disabledAdmin.disabled());
        assertFalse(users().anyEnabledAdmin());
        User admin = newUser("u" + Fixtures.token(), Role.ADMIN);
        users().add(admin);
        assertTrue(users().anyEnabledAdmin());
        users().update(admin.withRoles(Set.of(Role.CM_AGENT)));
        assertFalse(users().anyEnabledAdmin());
    }

    @Test
    void lockingTheEnabledAdminsAnswersExactlyThem() {
        User admin = newUser("u" + Fixtures.token(), Role.ADMIN, Role.CM_AGENT);
        User disabledAdmin = newUser("u" + Fixtures.token(), Role.ADMIN);
        User agent = newUser("u" + Fixtures.token(), Role.CM_AGENT);
        users().add(admin);
        users().add(disabledAdmin);
        users().add(agent);
        users().update(disabledAdmin.disabled());
        Set<UserId> locked = storage().transactions().inTransaction(() -> users().lockEnabledAdmins());
        assertTrue(locked.contains(admin.id()));
        assertFalse(locked.contains(disabledAdmin.id()));
        assertFalse(locked.contains(agent.id()));
        for (UserId id : locked) {
            User user = users().find(id).orElseThrow();
            assertTrue(user.enabled() && user.roles().contains(Role.ADMIN), "only enabled admins are locked");
        }
    }

    @Test
    void lockedAdminsMakeASecondLockerWaitAndSeeTheFirstOnesChange() throws Exception {
        User first = newUser("u" + Fixtures.token(), Role.ADMIN);
        User second = newUser("u" + Fixtures.token(), Role.ADMIN);
        users().add(first);
        users().add(second);
        Set<UserId> seen = secondWaitsForTheFirst(
                () -> users().lockEnabledAdmins(),
                locked -> {
                    assertTrue(locked.containsAll(Set.of(first.id(), second.id())));
                    users().update(first.disabled());
                },
                () -> users().lockEnabledAdmins());
        assertFalse(seen.contains(first.id()), "the second sees the admin the first one disabled as disabled");
        assertTrue(seen.contains(second.id()));
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        assertForeignCursorsAreRefused(0, page -> users().list(page));
    }
}
