package org.openprofiles.application.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.BulkImport;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * An admin imports users in bulk (a migration from another system, the first load of a
 * directory's people). The whole import is checked before anything is written and written in one
 * transaction, or not at all; every violation is reported, each naming its item
 * ({@code [3].login}). A user that is already here with the same content (same id if one is given,
 * same login, name and roles) is left unchanged, so an import can be re-run. One audit event
 * records the whole import.
 */
public final class ImportUsers {

    /** The most users one import may carry: larger loads are split into several imports. */
    public static final int MAX_ITEMS = 10_000;

    /** One user as the source described it; {@code id} empty means "make one up". */
    public record Item(Optional<UserId> id, String login, String displayName, Set<Role> roles) {
        public Item {
            id = id == null ? Optional.empty() : id;
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /**
     * What to import: one entry per item the source sent, in its order, empty where the adapter
     * could not read the item; {@code malformed} says why, each violation naming its item as
     * {@code [index].field}.
     */
    public record Command(List<Optional<Item>> items, List<Violation> malformed) {
        public Command {
            items = List.copyOf(items);
            malformed = List.copyOf(malformed);
        }
    }

    /** What the import did: users added, users already here unchanged, and the audit trail's id for it. */
    public record Result(int imported, int unchanged, Optional<String> importId) {}

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;
    private final Audit audit;
    private final Clock clock;

    public ImportUsers(AccessPolicy policy, Transactions transactions, Users users, Audit audit, Clock clock) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public Result importAll(Principal actor, Command command) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.USER));
        List<Optional<Item>> items = command.items();
        BulkImport.checkSize(items.size(), MAX_ITEMS, "users");
        Instant now = clock.instant();
        List<Violation> violations = new ArrayList<>(command.malformed());
        List<User> parsed = new ArrayList<>();
        List<Boolean> idGiven = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<UserId> seenIds = new HashSet<>();
        Set<String> seenLogins = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Optional<User> user = user(i, items.get(i), now, violations);
            if (user.isEmpty()) {
                continue;
            }
            if (items.get(i).orElseThrow().id().isPresent()
                    && !seenIds.add(user.get().id())) {
                violations.add(
                        new Violation(BulkImport.at(i, "id"), "duplicate_id", "this id appears earlier in the import"));
            } else if (!seenLogins.add(lower(user.get().login()))) {
                violations.add(new Violation(
                        BulkImport.at(i, "login"), "duplicate_login", "this login appears earlier in the import"));
            } else {
                parsed.add(user.get());
                idGiven.add(items.get(i).orElseThrow().id().isPresent());
                positions.add(i);
            }
        }
        return transactions.inTransaction(() -> {
            List<UserId> givenIds = new ArrayList<>();
            for (int k = 0; k < parsed.size(); k++) {
                if (idGiven.get(k)) {
                    givenIds.add(parsed.get(k).id());
                }
            }
            Map<UserId, User> byId = users.findAll(givenIds);
            Map<String, User> byLogin =
                    users.findByLogins(parsed.stream().map(User::login).toList());
            List<User> fresh = new ArrayList<>();
            int unchanged = 0;
            for (int k = 0; k < parsed.size(); k++) {
                User user = parsed.get(k);
                int i = positions.get(k);
                User sameLogin = byLogin.get(lower(user.login()));
                User sameId = idGiven.get(k) ? byId.get(user.id()) : null;
                if (sameId != null || sameLogin != null) {
                    User stored = sameId != null ? sameId : sameLogin;
                    boolean idAgrees = !idGiven.get(k) || stored.id().equals(user.id());
                    if (idAgrees && sameContent(stored, user)) {
                        unchanged++;
                    } else if (sameId != null) {
                        violations.add(new Violation(
                                BulkImport.at(i, "id"),
                                "user_id_taken",
                                "a different user with this id is already here"));
                    } else {
                        violations.add(new Violation(
                                BulkImport.at(i, "login"),
                                "login_taken",
                                "another user has the login '" + user.login() + "'"));
                    }
                } else {
                    fresh.add(user);
                }
            }
            if (!violations.isEmpty()) {
                throw BulkImport.failure(violations);
            }
            if (fresh.isEmpty()) {
                return new Result(0, unchanged, Optional.empty());
            }
            users.addAll(fresh);
            String importId = audit.recordImport(
                    actor,
                    "user.import",
                    "user-import",
                    "users",
                    fresh.stream().map(u -> u.id().toString()).toList(),
                    unchanged);
            return new Result(fresh.size(), unchanged, Optional.of(importId));
        });
    }

    private static boolean sameContent(User stored, User imported) {
        return stored.login().equals(imported.login())
                && stored.displayName().equals(imported.displayName())
                && stored.roles().equals(imported.roles());
    }

    /** The new user an item describes; a domain rule it breaks is a violation naming the item. */
    private static Optional<User> user(int i, Optional<Item> read, Instant now, List<Violation> violations) {
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Item item = read.get();
        try {
            return Optional.of(User.create(
                    item.id().orElseGet(UserId::random), item.login(), item.displayName(), item.roles(), now));
        } catch (DomainFailure failure) {
            violations.add(
                    new Violation(BulkImport.at(i, failure.field().orElse("")), failure.code(), failure.getMessage()));
            return Optional.empty();
        }
    }

    private static String lower(String login) {
        return login.toLowerCase(Locale.ROOT);
    }
}
