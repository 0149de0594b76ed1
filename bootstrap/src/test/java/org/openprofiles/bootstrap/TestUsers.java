package org.openprofiles.bootstrap;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openprofiles.adapter.jdbc.security.JdbiCredentials;
import org.openprofiles.adapter.jdbc.security.JdbiUsers;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.TokenSecrets;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;

/**
 * Arranges callers for end-to-end tests: a user with roles and a fresh API token, written through
 * the real repositories into the server's database.
 */
final class TestUsers {

    /** A user the test can call as: its id, and the {@code Authorization} header value. */
    record Caller(UserId id, String token, TokenId tokenId) {
        String bearer() {
            return "Bearer " + token;
        }

        String[] auth() {
            return new String[] {"Authorization", bearer()};
        }
    }

    private TestUsers() {}

    static Caller create(Server server, String login, Role... roles) {
        return create(server, UserId.random(), login, Optional.empty(), roles);
    }

    static Caller create(Server server, UserId id, String login, Optional<Instant> tokenExpiry, Role... roles) {
        var transactions = server.database().transactions();
        var users = new JdbiUsers(transactions);
        var credentials = new JdbiCredentials(transactions);
        String secret = TokenSecrets.newSecret();
        TokenId tokenId = new TokenId(UUID.randomUUID());
        transactions.run(() -> {
            if (users.find(id).isEmpty()) {
                users.add(User.create(id, login, login, Set.of(roles), Instant.now()));
            }
            credentials.add(new ApiToken(
                    tokenId, id, "test", TokenSecrets.hash(secret), Instant.now(), tokenExpiry, Optional.empty()));
        });
        return new Caller(id, secret, tokenId);
    }

    static String[] admin() {
        return new String[] {"Authorization", "Bearer " + TestServers.ADMIN_TOKEN};
    }
}
