package org.openprofiles.adapter.jdbc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.security.JdbiCredentials;
import org.openprofiles.adapter.jdbc.security.JdbiUsers;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.application.shared.ChangeFeed.Change;
import org.openprofiles.application.shared.ChangeFeed.Topic;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.TokenSecrets;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;

/**
 * What the PostgreSQL change feed does beyond the contract: it hears changes whoever makes them
 * (another node, plain SQL), and when its connection is lost it stops being live, resets its
 * listeners, reconnects and resets them again.
 */
@ExtendWith(PostgresExtension.class)
class JdbiChangeFeedTest {

    private static TestDatabase db;
    private static Database nodeA;
    private static Database nodeB;
    private static final List<Change> heardByB = new CopyOnWriteArrayList<>();
    private static final AtomicInteger resetsOfB = new AtomicInteger();

    @BeforeAll
    static void open(TestDatabase database) {
        db = database;
        nodeA = Database.open(database.settings());
        nodeB = Database.open(database.settings());
        nodeB.changeFeed().subscribe(new ChangeFeed.Listener() {
            @Override
            public void changed(Change change) {
                heardByB.add(change);
            }

            @Override
            public void reset() {
                resetsOfB.incrementAndGet();
            }
        });
    }

    @AfterAll
    static void close() {
        nodeA.close();
        nodeB.close();
    }

    private static void within(long millis, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " did not happen within " + millis + " ms; heard " + heardByB);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aChangeCommittedOnAnotherNodeIsHeardWithinASecond() {
        JdbiUsers users = new JdbiUsers(nodeA.transactions());
        JdbiCredentials credentials = new JdbiCredentials(nodeA.transactions());
        User user = User.create(UserId.random(), "feed" + UUID.randomUUID(), null, Set.of(), Instant.now());
        users.add(user);
        ApiToken token = new ApiToken(
                new TokenId(UUID.randomUUID()),
                user.id(),
                "t",
                TokenSecrets.hash(TokenSecrets.newSecret()),
                Instant.now(),
                Optional.empty(),
                Optional.empty());
        credentials.add(token);
        nodeA.transactions().run(() -> credentials.revoke(token.id(), Instant.now()));
        within(
                1_000,
                () -> heardByB.contains(new Change(Topic.API_TOKEN, token.id().value())),
                "the revocation");
        nodeA.transactions().run(() -> users.update(user.disabled()));
        within(1_000, () -> heardByB.contains(new Change(Topic.USER, user.id().value())), "the user's change");
    }

    @Test
    void aChangeMadeByPlainSqlIsHeardToo() {
        User user = User.create(UserId.random(), "sql" + UUID.randomUUID(), null, Set.of(), Instant.now());
        new JdbiUsers(nodeA.transactions()).add(user);
        db.execute("UPDATE app_user SET roles = ARRAY['admin'] WHERE id = '" + user.id() + "'");
        within(1_000, () -> heardByB.contains(new Change(Topic.USER, user.id().value())), "the SQL update");
    }

    @Test
    void aLostConnectionTurnsTheFeedOffResetsAndComesBack() {
        JdbiChangeFeed feed = (JdbiChangeFeed) nodeB.changeFeed();
        assertTrue(feed.live());
        int resets = resetsOfB.get();
        db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE application_name = 'openprofiles change feed' AND pid <> pg_backend_pid()");
        within(10_000, () -> resetsOfB.get() >= resets + 2 && feed.live(), "losing and getting back the feed");
        User user = User.create(UserId.random(), "back" + UUID.randomUUID(), null, Set.of(), Instant.now());
        JdbiUsers users = new JdbiUsers(nodeA.transactions());
        users.add(user);
        users.update(user.disabled());
        within(1_000, () -> heardByB.contains(new Change(Topic.USER, user.id().value())), "a change after recovery");
    }

    @Test
    void onlyOurPayloadsAreChanges() {
        UUID id = UUID.randomUUID();
        assertEquals(Optional.of(new Change(Topic.PROFILE_TEMPLATE, id)), JdbiChangeFeed.parse("template:" + id));
        assertEquals(Optional.of(new Change(Topic.API_TOKEN, id)), JdbiChangeFeed.parse("token:" + id));
        assertEquals(Optional.of(new Change(Topic.ACCESS_PROFILE, id)), JdbiChangeFeed.parse("access-profile:" + id));
        assertEquals(Optional.of(new Change(Topic.DIRECTORY_GROUP, id)), JdbiChangeFeed.parse("group:" + id));
        assertFalse(JdbiChangeFeed.parse("account:" + id).isPresent());
        assertFalse(JdbiChangeFeed.parse("user:not-a-uuid").isPresent());
        assertFalse(JdbiChangeFeed.parse("nonsense").isPresent());
    }

    @Test
    void accessProfilesTheirDetailsAndTheirGroupsNamesAreHeardWhoeverChangesThem() {
        UUID group = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID profile = UUID.randomUUID();
        db.execute("INSERT INTO directory_group (id, name) VALUES ('" + group + "', 'g-" + group + "'), ('" + other
                + "', 'g-" + other + "')");
        db.execute("INSERT INTO access_profile (id, name, color, initials, created_at, modified_at) VALUES ('" + profile
                + "', 'p-" + profile + "', 1, 'P', now(), now())");
        Change profileChanged = new Change(Topic.ACCESS_PROFILE, profile);
        within(1_000, () -> heardByB.contains(profileChanged), "a new profile");

        heardByB.remove(profileChanged);
        db.execute("INSERT INTO access_profile_group (profile_id, group_id, position) VALUES ('" + profile + "', '"
                + group + "', 1)");
        within(1_000, () -> heardByB.contains(profileChanged), "a group added to the profile");

        heardByB.remove(profileChanged);
        db.execute("INSERT INTO access_profile_attribute (profile_id, name, value, position) VALUES ('" + profile
                + "', 'department', 'Sales', 1)");
        within(1_000, () -> heardByB.contains(profileChanged), "an attribute value added to the profile");

        // Only what a profile shows of a group counts: a touch of another column is not a change.
        db.execute("UPDATE directory_group SET updated_at = now() WHERE id = '" + group + "'");
        db.execute("UPDATE directory_group SET distinguished_name = 'CN=other' WHERE id = '" + other + "'");
        within(1_000, () -> heardByB.contains(new Change(Topic.DIRECTORY_GROUP, other)), "a group's new DN");
        assertFalse(heardByB.contains(new Change(Topic.DIRECTORY_GROUP, group)), "an untouched name was told");
        db.execute("UPDATE directory_group SET name = 'renamed-" + group + "' WHERE id = '" + group + "'");
        within(1_000, () -> heardByB.contains(new Change(Topic.DIRECTORY_GROUP, group)), "a group's new name");
    }
}
