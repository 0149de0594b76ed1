package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.application.shared.ChangeFeed.Change;
import org.openprofiles.application.shared.ChangeFeed.Topic;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.TokenSecrets;
import org.openprofiles.domain.security.User;

/**
 * The contract of the {@link ChangeFeed}: a committed change to a user, a token's revocation, a
 * template created or revised is told to every listener by the time the unit of work that made it
 * has returned; a change that rolls back is never told; the feed of a working store is live.
 */
public abstract class ChangeFeedContract extends StorageContract {

    private final List<Change> heard = new CopyOnWriteArrayList<>();

    @BeforeAll
    final void listen() {
        storage().changeFeed().subscribe(new ChangeFeed.Listener() {
            @Override
            public void changed(Change change) {
                heard.add(change);
            }

            @Override
            public void reset() {
                // A contract run on a working store expects no loss.
            }
        });
    }

    private boolean wasHeard(Topic topic, UUID id) {
        return heard.contains(new Change(topic, id));
    }

    @Test
    void theFeedOfAWorkingStoreIsLive() {
        assertTrue(storage().changeFeed().live());
    }

    @Test
    void aCommittedChangeToAUserIsToldByTheTimeItsUnitOfWorkReturns() {
        User user = fixtures().user();
        storage().transactions().run(() -> storage().users().update(user.withRoles(Set.of(Role.CM_AGENT))));
        assertTrue(wasHeard(Topic.USER, user.id().value()), "heard: " + heard);
        User again = storage().users().find(user.id()).orElseThrow();
        storage().users().update(again.disabled());
        assertTrue(heard.stream().filter(c -> c.id().equals(user.id().value())).count() >= 2, "outside a unit too");
    }

    @Test
    void aRevokedTokenIsTold() {
        User user = fixtures().user();
        ApiToken token = new ApiToken(
                new TokenId(UUID.randomUUID()),
                user.id(),
                "laptop",
                TokenSecrets.hash(TokenSecrets.newSecret()),
                Fixtures.NOW,
                Optional.empty(),
                Optional.empty());
        storage().credentials().add(token);
        storage().transactions().run(() -> storage().credentials().revoke(token.id(), Instant.now()));
        assertTrue(wasHeard(Topic.API_TOKEN, token.id().value()), "heard: " + heard);
    }

    @Test
    void aTemplateCreatedOrRevisedIsTold() {
        ProfileTemplate template = fixtures().template(java.util.Map.of());
        assertTrue(wasHeard(Topic.PROFILE_TEMPLATE, template.id().value()), "created: " + heard);
        heard.clear();
        ProfileTemplate revised = new ProfileTemplate(
                template.id(),
                template.name() + " 2",
                template.description(),
                template.version() + 1,
                template.policies(),
                template.pinPolicy(),
                template.createdAt(),
                template.updatedAt());
        storage().transactions().run(() -> storage().profileTemplates().update(revised, template.version()));
        assertTrue(wasHeard(Topic.PROFILE_TEMPLATE, template.id().value()), "revised: " + heard);
    }

    @Test
    void aChangeThatRollsBackIsNeverTold() throws InterruptedException {
        User user = fixtures().user();
        assertThrows(
                IllegalStateException.class,
                () -> storage().transactions().run(() -> {
                    storage().users().update(user.disabled());
                    throw new IllegalStateException("the unit of work fails");
                }));
        // Long enough for a notification from another path (the database's) to have arrived.
        Thread.sleep(300);
        assertFalse(wasHeard(Topic.USER, user.id().value()), "heard: " + heard);
    }
}
