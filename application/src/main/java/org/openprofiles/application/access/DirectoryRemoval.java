package org.openprofiles.application.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.RemovedAccount;
import org.openprofiles.domain.access.RemovedGroup;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.UserId;

/**
 * What removing accounts and groups from the directory does, the same whether a sync found them
 * gone or a feed said so, inside the caller's unit of work: an account goes with its memberships,
 * values, acceptances and assignments (each ended assignment named in the audit event); a group
 * no profile requires goes with its memberships; a group profiles still require is kept, marked
 * missing and emptied, and those profiles' assignments are recounted. Every object that changed
 * gets one {@code directory.remove} event naming what removed it ({@code via}).
 */
final class DirectoryRemoval {

    /** How many ids one removal statement handles. */
    static final int CHUNK = 1000;

    /** What a removal did. */
    record Removed(List<RemovedAccount> accounts, List<RemovedGroup> groups) {

        long assignmentsEnded() {
            return accounts.stream().mapToLong(a -> a.endedAssignments().size()).sum();
        }

        long groupsDeleted() {
            return groups.stream().filter(g -> !g.kept()).count();
        }

        long groupsKept() {
            return groups.stream().filter(RemovedGroup::kept).count();
        }

        Removed plus(Removed other) {
            List<RemovedAccount> a = new ArrayList<>(accounts);
            a.addAll(other.accounts);
            List<RemovedGroup> g = new ArrayList<>(groups);
            g.addAll(other.groups);
            return new Removed(a, g);
        }

        static Removed none() {
            return new Removed(List.of(), List.of());
        }
    }

    private final Directory directory;
    private final Assignments assignments;
    private final Audit audit;

    DirectoryRemoval(Directory directory, Assignments assignments, Audit audit) {
        this.directory = directory;
        this.assignments = assignments;
        this.audit = audit;
    }

    /** Removes these accounts, audited as done by {@code actor} (empty: the service) {@code via} a sync or a feed. */
    List<RemovedAccount> accounts(Collection<AccountId> ids, Optional<UserId> actor, Map<String, Object> via) {
        return inChunks(ids, directory::removeAccounts, account -> {
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("samAccountName", account.account().samAccountName());
            before.put("displayName", account.account().displayName());
            before.put("distinguishedName", account.account().distinguishedName());
            before.put(
                    "assignments",
                    account.endedAssignments().stream()
                            .map(AccessProfileId::toString)
                            .toList());
            Map<String, Object> after = new LinkedHashMap<>(via);
            after.put("endedAssignments", account.endedAssignments().size());
            return Optional.of(audit.event(
                    actor,
                    "directory.remove",
                    "directory-account",
                    account.account().id().toString(),
                    before,
                    after));
        });
    }

    /** Removes (or keeps as missing) these groups, audited like {@link #accounts}. */
    List<RemovedGroup> groups(Collection<GroupId> ids, Instant at, Optional<UserId> actor, Map<String, Object> via) {
        Set<AccessProfileId> recount = new LinkedHashSet<>();
        List<RemovedGroup> removed = inChunks(ids, chunk -> directory.removeGroups(chunk, at), group -> {
            if (!group.newlyGone()) {
                return Optional.empty();
            }
            recount.addAll(group.requiredBy());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("name", group.group().name());
            before.put("distinguishedName", group.group().distinguishedName());
            Map<String, Object> after = new LinkedHashMap<>(via);
            if (group.kept()) {
                after.put("kept", true);
                after.put("missingSince", at.toString());
                after.put(
                        "requiredBy",
                        group.requiredBy().stream()
                                .map(AccessProfileId::toString)
                                .toList());
            }
            return Optional.of(audit.event(
                    actor,
                    "directory.remove",
                    "directory-group",
                    group.group().id().toString(),
                    before,
                    after));
        });
        // Kept groups lost their members: the accounts holding those profiles now miss them.
        recount.forEach(assignments::recheck);
        return removed;
    }

    /** Removes {@code ids} a chunk at a time, recording each chunk's audit events together. */
    private <I, R> List<R> inChunks(
            Collection<I> ids, Function<List<I>, List<R>> remove, Function<R, Optional<AuditEvent>> event) {
        List<R> removed = new ArrayList<>();
        List<I> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<R> chunk = remove.apply(all.subList(from, Math.min(all.size(), from + CHUNK)));
            audit.recordAll(chunk.stream().map(event).flatMap(Optional::stream).toList());
            removed.addAll(chunk);
        }
        return removed;
    }
}
