package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.TokenOwner;
import org.openprofiles.domain.security.TokenSecrets;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;

/**
 * The contract of {@link Credentials}: a token is found by the hash of its secret and by id, is
 * revoked once (the first revocation time stays), and a user's tokens are listed newest first
 * (ties by id, descending), keyset-paged.
 */
public abstract class CredentialsContract extends StorageContract {

    private Credentials credentials() {
        return storage().credentials();
    }

    private static ApiToken token(UUID id, UserId user, Instant created) {
        return new ApiToken(
                new TokenId(id),
                user,
                "laptop",
                TokenSecrets.hash(TokenSecrets.newSecret()),
                created,
                Optional.of(created.plusSeconds(86_400)),
                Optional.empty());
    }

    private ApiToken stored(UserId user, Instant created) {
        ApiToken token = token(UUID.randomUUID(), user, created);
        credentials().add(token);
        return token;
    }

    @Test
    void aTokenIsFoundByTheHashOfItsSecretAndById() {
        ApiToken token = stored(fixtures().user().id(), Fixtures.NOW);
        ApiToken neverExpires = new ApiToken(
                new TokenId(UUID.randomUUID()),
                token.userId(),
                "",
                TokenSecrets.hash(TokenSecrets.newSecret()),
                Fixtures.NOW,
                Optional.empty(),
                Optional.empty());
        credentials().add(neverExpires);
        assertEquals(Optional.of(token), credentials().findByHash(token.hash()));
        assertEquals(Optional.of(token), credentials().find(token.id()));
        assertEquals(Optional.of(neverExpires), credentials().find(neverExpires.id()));
    }

    @Test
    void aTokenIsFoundWithItsOwnerByTheHashOfItsSecret() {
        User owner = fixtures().user(Role.PROFILE_READER);
        ApiToken token = stored(owner.id(), Fixtures.NOW);
        assertEquals(Optional.of(new TokenOwner(token, owner)), credentials().findWithOwner(token.hash()));
        assertTrue(credentials().revoke(token.id(), Fixtures.NOW.plusSeconds(1)));
        assertEquals(
                Optional.of(Fixtures.NOW.plusSeconds(1)),
                credentials().findWithOwner(token.hash()).orElseThrow().token().revokedAt(),
                "a revoked token is still found: the caller decides");
        assertEquals(Optional.empty(), credentials().findWithOwner(TokenSecrets.hash("never issued")));
    }

    @Test
    void anUnknownHashOrIdFindsNothing() {
        assertEquals(Optional.empty(), credentials().findByHash(TokenSecrets.hash("never issued")));
        assertEquals(Optional.empty(), credentials().find(new TokenId(UUID.randomUUID())));
    }

    @Test
    void aTokenIsRevokedOnceAndKeepsItsFirstRevocationTime() {
        ApiToken token = stored(fixtures().user().id(), Fixtures.NOW);
        Instant revoked = Fixtures.NOW.plusSeconds(10);
        assertTrue(credentials().revoke(token.id(), revoked));
        assertFalse(credentials().revoke(token.id(), revoked.plusSeconds(10)), "revoked already");
        assertEquals(
                Optional.of(revoked),
                credentials().find(token.id()).orElseThrow().revokedAt());
        assertEquals(
                Optional.of(revoked),
                credentials().findByHash(token.hash()).orElseThrow().revokedAt());
        assertFalse(credentials().revoke(new TokenId(UUID.randomUUID()), revoked), "no such token");
    }

    @Test
    void aUsersTokensComeNewestFirstThenByIdDescendingAndPaged() {
        UserId user = fixtures().user().id();
        ApiToken oldest = stored(user, Fixtures.NOW);
        ApiToken newest = stored(user, Fixtures.NOW.plusSeconds(20));
        ApiToken tieLow = token(Fixtures.uuidStartingWith('0'), user, Fixtures.NOW.plusSeconds(10));
        ApiToken tieHigh = token(Fixtures.uuidStartingWith('f'), user, Fixtures.NOW.plusSeconds(10));
        credentials().add(tieLow);
        credentials().add(tieHigh);
        stored(fixtures().user().id(), Fixtures.NOW.plusSeconds(15));
        assertEquals(
                List.of(newest, tieHigh, tieLow, oldest),
                all(1, page -> credentials().listFor(user, page)));
        assertEquals(List.of(), all(5, page -> credentials().listFor(UserId.random(), page)));
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        UserId user = fixtures().user().id();
        assertForeignCursorsAreRefused(2, page -> credentials().listFor(user, page));
    }
}
