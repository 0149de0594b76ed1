package org.openprofiles.domain.access;

import java.time.Instant;
import java.util.Collection;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The assignment port: which accounts have which profiles, and what that requires of an account. */
public interface Assignments {

    /** Assigns the profile to those accounts that do not have it yet; returns how many were new. */
    int assign(AccessProfileId profile, Collection<AccountId> accounts, String comment, UserId by, Instant at);

    /** Removes the profile from these accounts; returns how many had it. */
    int unassign(AccessProfileId profile, Collection<AccountId> accounts);

    long countFor(AccessProfileId profile);

    /**
     * Recounts how each account deviates from the profile after the profile changed. Must run in
     * the unit of work of that change.
     */
    void recheck(AccessProfileId profile);

    /** Recounts the deviations of these accounts from all their profiles after they changed. */
    void recheck(Collection<AccountId> accounts);

    /**
     * The accounts that have the profile, ordered by samAccountName; whether each deviates from it
     * is judged at {@code asOf} (an acceptance expired by then no longer covers its deviation).
     */
    Page<ProfileAssignment> listFor(AccessProfileId profile, PageRequest page, Instant asOf);

    /** Every assignment of every profile, ordered by account id then profile id (both as PostgreSQL orders ids). */
    Page<ProfileAssignment> listAll(PageRequest page, Instant asOf);

    /**
     * The groups the account's profiles require, in {@link RequiredGroup#ORDER}. The profiles
     * themselves (their groups, as the directory names them now) come from {@code profiles}, which
     * may answer from memory; this port reads which profiles the account has and which groups it
     * is in.
     */
    Page<RequiredGroup> requiredGroups(AccountId account, PageRequest page, AccessProfiles profiles);

    /** The attribute values the account's profiles require, ordered by key then profile. */
    Page<RequiredAttribute> requiredAttributes(AccountId account, PageRequest page);
}
