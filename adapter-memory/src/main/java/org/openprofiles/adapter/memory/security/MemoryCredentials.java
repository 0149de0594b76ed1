package org.openprofiles.adapter.memory.security;

import java.time.Instant;
import java.util.Optional;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.adapter.memory.shared.NewestFirst;
import org.openprofiles.adapter.memory.shared.Table;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.TokenOwner;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** API tokens by id, with a second table from the hash of their secret. */
final class MemoryCredentials implements Credentials {

    private final MemoryTransactions transactions;
    private final Users users;
    private final Table<TokenId, ApiToken> tokens;
    private final Table<String, TokenId> hashes;

    MemoryCredentials(MemoryTransactions transactions, Users users) {
        this.transactions = transactions;
        this.users = users;
        this.tokens = new Table<>(transactions);
        this.hashes = new Table<>(transactions);
    }

    @Override
    public Optional<ApiToken> findByHash(String hash) {
        return transactions.read(() -> hashes.get(hash).flatMap(tokens::get));
    }

    @Override
    public Optional<TokenOwner> findWithOwner(String hash) {
        return transactions.read(() ->
                findByHash(hash).flatMap(token -> users.find(token.userId()).map(user -> new TokenOwner(token, user))));
    }

    @Override
    public Optional<ApiToken> find(TokenId id) {
        return transactions.read(() -> tokens.get(id));
    }

    @Override
    public void add(ApiToken token) {
        transactions.write(() -> {
            if (tokens.contains(token.id()) || hashes.contains(token.hash())) {
                // PostgreSQL's unique indexes refuse this too: callers make fresh ids and secrets.
                throw new IllegalStateException("a token with this id or hash is stored already");
            }
            tokens.put(token.id(), token);
            hashes.put(token.hash(), token.id());
            return null;
        });
    }

    @Override
    public boolean revoke(TokenId id, Instant at) {
        return transactions.write(() -> {
            Optional<ApiToken> token = tokens.get(id).filter(t -> t.revokedAt().isEmpty());
            token.ifPresent(t -> tokens.put(
                    id,
                    new ApiToken(
                            t.id(), t.userId(), t.name(), t.hash(), t.createdAt(), t.expiresAt(), Optional.of(at))));
            token.ifPresent(t -> transactions.changed(new ChangeFeed.Change(ChangeFeed.Topic.API_TOKEN, id.value())));
            return token.isPresent();
        });
    }

    @Override
    public Page<ApiToken> listFor(UserId user, PageRequest page) {
        Optional<NewestFirst> after = page.cursor().map(NewestFirst::after);
        return transactions.read(() -> Listing.page(
                tokens.rows().stream().filter(t -> t.userId().equals(user)).toList(),
                t -> new NewestFirst(t.createdAt(), t.id().value()),
                NewestFirst.ORDER,
                after,
                page,
                last -> new NewestFirst(last.createdAt(), last.id().value()).cursor()));
    }
}
