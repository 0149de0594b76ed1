package org.openprofiles.adapter.memory.security;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryCursors;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.adapter.memory.shared.Table;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Users by id, with a second table from the lower-cased login: logins are unique in any case. */
final class MemoryUsers implements Users {

    private final MemoryTransactions transactions;
    private final Table<UserId, User> users;
    private final Table<String, UserId> logins;

    MemoryUsers(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.users = new Table<>(transactions);
        this.logins = new Table<>(transactions);
    }

    @Override
    public Optional<User> find(UserId id) {
        return transactions.read(() -> users.get(id));
    }

    @Override
    public Optional<User> findByLogin(String login) {
        return transactions.read(() -> logins.get(Listing.lower(login)).flatMap(users::get));
    }

    @Override
    public void add(User user) {
        transactions.write(() -> {
            if (users.contains(user.id())) {
                throw User.idTaken(user.id());
            }
            if (logins.contains(Listing.lower(user.login()))) {
                throw User.loginTaken(user.login());
            }
            users.put(
                    user.id(),
                    new User(
                            user.id(),
                            user.login(),
                            user.displayName(),
                            user.enabled(),
                            user.roles(),
                            user.createdAt(),
                            1,
                            user.email(),
                            user.userPrincipalName()));
            logins.put(Listing.lower(user.login()), user.id());
            return null;
        });
    }

    @Override
    public Map<UserId, User> findAll(Collection<UserId> ids) {
        return transactions.read(() -> {
            Map<UserId, User> found = new HashMap<>();
            users.rowsOf(ids).forEach(user -> found.put(user.id(), user));
            return found;
        });
    }

    @Override
    public Map<String, User> findByLogins(Collection<String> names) {
        return transactions.read(() -> {
            Map<String, User> found = new HashMap<>();
            names.stream()
                    .map(Listing::lower)
                    .distinct()
                    .forEach(login -> logins.get(login).flatMap(users::get).ifPresent(user -> found.put(login, user)));
            return found;
        });
    }

    @Override
    public void addAll(List<User> batch) {
        // One unit of work: a taken id or login halfway rolls back the ones already added.
        transactions.write(() -> {
            batch.forEach(this::add);
            return null;
        });
    }

    @Override
    public User update(User user) {
        return transactions.write(() -> {
            User stored = users.get(user.id()).orElseThrow(() -> User.notFound(user.id()));
            if (stored.version() != user.version()) {
                throw User.changedMeanwhile();
            }
            User updated = new User(
                    stored.id(),
                    stored.login(),
                    user.displayName(),
                    user.enabled(),
                    user.roles(),
                    stored.createdAt(),
                    stored.version() + 1,
                    user.email(),
                    user.userPrincipalName());
            users.put(updated.id(), updated);
            transactions.changed(
                    new ChangeFeed.Change(ChangeFeed.Topic.USER, updated.id().value()));
            return updated;
        });
    }

    @Override
    public Page<User> list(PageRequest page) {
        Optional<String> after =
                page.cursor().map(c -> Listing.lower(MemoryCursors.decode(c, 1).get(0)));
        return transactions.read(() -> Listing.page(
                users.rows(),
                user -> Listing.lower(user.login()),
                Comparator.<String>naturalOrder(),
                after,
                page,
                last -> MemoryCursors.encode(last.login())));
    }

    @Override
    public boolean anyEnabledAdmin() {
        return transactions.read(() -> users.rows().stream().anyMatch(MemoryUsers::isEnabledAdmin));
    }

    @Override
    public Set<UserId> lockEnabledAdmins() {
        // Asked as a change: it holds the writers' lock, so a second caller waits for this unit of work.
        return transactions.write(() -> users.rows().stream()
                .filter(MemoryUsers::isEnabledAdmin)
                .map(User::id)
                .collect(Collectors.toSet()));
    }

    private static boolean isEnabledAdmin(User user) {
        return user.enabled() && user.roles().contains(Role.ADMIN);
    }
}
