package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * The contract of {@link AccessProfiles}: a profile comes back with its groups (as the directory
 * names them now) and attribute values in their order, names are unique regardless of case, an
 * update needs the stored version and answers the next one, the list is ordered by name ignoring
 * case, keyset-paged, narrowed by exact name or by text in name or description, and a delete takes
 * the profile's assignments with it.
 */
public abstract class AccessProfilesContract extends StorageContract {

    private AccessProfiles profiles() {
        return storage().accessProfiles();
    }

    private AccessProfile stored(String name) {
        return fixtures().storedAccessProfile(name, List.of(), List.of());
    }

    /** This test's profiles: every one whose name or description holds {@code token}. */
    private List<AccessProfile> listed(String token, int limit) {
        return all(limit, page -> profiles().list(new ProfileFilter(Optional.empty(), Optional.of(token)), page));
    }

    private static AccessProfile revised(AccessProfile profile, String name, List<Group> groups) {
        return new AccessProfile(
                profile.id(),
                name,
                "revised",
                7,
                "RV",
                profile.createdAt(),
                profile.modifiedAt().plusSeconds(60),
                groups,
                List.of(new AttributeValue("title", "Clerk")),
                profile.version());
    }

    @Test
    void aProfileComesBackWithItsGroupsAndAttributeValuesInTheirOrder() {
        Group second = fixtures().group("zeta" + Fixtures.token());
        Group first = fixtures().group("alpha" + Fixtures.token());
        AccessProfile profile = fixtures()
                .storedAccessProfile(
                        "Sales" + Fixtures.token(),
                        List.of(second, first),
                        List.of(new AttributeValue("title", "Sales"), new AttributeValue("department", "Sales")));
        assertEquals(Optional.of(profile), profiles().find(profile.id()));
        assertEquals(List.of(profile), profiles().findAll(List.of(profile.id())));
        assertEquals(Optional.empty(), profiles().find(AccessProfileId.random()));
    }

    @Test
    void aProfileShowsItsGroupsAsTheDirectoryNamesThemNow() {
        Group group = fixtures().group("old" + Fixtures.token());
        AccessProfile profile = fixtures().storedAccessProfile("p" + Fixtures.token(), List.of(group), List.of());
        Group renamed = new Group(group.id(), "new" + Fixtures.token(), "CN=renamed");
        storage().directory().mergeGroups(List.of(renamed));
        assertEquals(
                List.of(renamed), profiles().find(profile.id()).orElseThrow().groups());
    }

    @Test
    void namesAreUniqueRegardlessOfCaseAndIdsAreUnique() {
        AccessProfile sales = stored("Sales" + Fixtures.token());
        AccessProfile shouting = Fixtures.accessProfile(sales.name().toUpperCase(Locale.ROOT), List.of(), List.of());
        assertThrows(Conflict.class, () -> profiles().add(shouting));
        assertFalse(profiles().exists(shouting.id()));
        AccessProfile sameId = new AccessProfile(
                sales.id(),
                "other" + Fixtures.token(),
                "",
                1,
                "O",
                Fixtures.NOW,
                Fixtures.NOW,
                List.of(),
                List.of(),
                1);
        assertThrows(Conflict.class, () -> profiles().add(sameId));
        assertEquals(Optional.of(sales), profiles().find(sales.id()));
    }

    @Test
    void aNameIsTakenWhateverItsCaseExceptByTheProfileItself() {
        AccessProfile sales = stored("Sales" + Fixtures.token());
        String shouted = sales.name().toUpperCase(Locale.ROOT);
        assertTrue(profiles().nameTaken(shouted, Optional.empty()));
        assertTrue(profiles().nameTaken(shouted, Optional.of(AccessProfileId.random())));
        assertFalse(profiles().nameTaken(shouted, Optional.of(sales.id())));
        assertFalse(profiles().nameTaken("free" + Fixtures.token(), Optional.empty()));
    }

    @Test
    void anUpdateStoresTheRevisionAndAnswersItWithTheNextVersion() {
        Group kept = fixtures().group("g" + Fixtures.token());
        Group added = fixtures().group("g" + Fixtures.token());
        AccessProfile profile = fixtures()
                .storedAccessProfile(
                        "p" + Fixtures.token(), List.of(kept), List.of(new AttributeValue("department", "Sales")));
        AccessProfile revision = revised(profile, "renamed" + Fixtures.token(), List.of(added, kept));
        AccessProfile stored = profiles().update(revision);
        AccessProfile expected = new AccessProfile(
                revision.id(),
                revision.name(),
                revision.description(),
                revision.color(),
                revision.initials(),
                revision.createdAt(),
                revision.modifiedAt(),
                revision.groups(),
                revision.attributes(),
                profile.version() + 1);
        assertEquals(expected, stored);
        assertEquals(Optional.of(expected), profiles().find(profile.id()));
    }

    @Test
    void aStaleUpdateIsPreconditionFailedAndChangesNothing() {
        AccessProfile profile = stored("p" + Fixtures.token());
        AccessProfile current = profiles().update(revised(profile, profile.name(), List.of()));
        assertThrows(
                PreconditionFailed.class,
                () -> profiles().update(revised(profile, "late" + Fixtures.token(), List.of())));
        assertEquals(Optional.of(current), profiles().find(profile.id()));
    }

    @Test
    void anUpdateToAnotherProfilesNameIsAConflictButAProfileMayRecaseItsOwn() {
        AccessProfile taken = stored("Taken" + Fixtures.token());
        AccessProfile profile = stored("Mine" + Fixtures.token());
        assertThrows(
                Conflict.class,
                () -> profiles().update(revised(profile, taken.name().toLowerCase(Locale.ROOT), List.of())));
        assertEquals(Optional.of(profile), profiles().find(profile.id()));
        AccessProfile recased =
                profiles().update(revised(profile, profile.name().toUpperCase(Locale.ROOT), List.of()));
        assertEquals(profile.name().toUpperCase(Locale.ROOT), recased.name());
    }

    @Test
    void theListIsOrderedByNameIgnoringCaseAndPaged() {
        String token = Fixtures.token();
        AccessProfile charlie = stored(token + "charlie");
        AccessProfile bravo = stored(token + "Bravo");
        AccessProfile alpha = stored(token + "alpha");
        AccessProfile delta = stored(token + "DELTA");
        assertEquals(List.of(alpha, bravo, charlie, delta), listed(token, 3));
        assertInOrderIgnoringCase(
                all(4, page -> profiles().list(ProfileFilter.none(), page)).stream()
                        .map(AccessProfile::name)
                        .toList(),
                "every profile, not only this test's, by name");
    }

    @Test
    void listIdsIsTheListsPagesAsIdsWithTheSameCursors() {
        String token = Fixtures.token();
        List<AccessProfile> stored = List.of(
                stored(token + "echo"),
                stored(token + "Alpha"),
                stored(token + "delta"),
                stored(token + "bravo"),
                stored(token + "CHARLIE"));
        ProfileFilter ours = new ProfileFilter(Optional.empty(), Optional.of(token));
        List<AccessProfileId> viaIds = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<AccessProfile> page = profiles().list(ours, request);
            Page<AccessProfileId> ids = profiles().listIds(ours, request);
            assertEquals(page.items().stream().map(AccessProfile::id).toList(), ids.items());
            assertEquals(page.nextCursor().isPresent(), ids.nextCursor().isPresent());
            viaIds.addAll(ids.items());
            if (ids.nextCursor().isEmpty()) {
                break;
            }
            request = PageRequest.first(2).after(ids.nextCursor().get());
        }
        assertEquals(
                stored.stream()
                        .sorted(java.util.Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)))
                        .map(AccessProfile::id)
                        .toList(),
                viaIds);
    }

    @Test
    void theListFiltersByExactNameIgnoringCaseOrByTextInNameOrDescription() {
        String token = Fixtures.token();
        AccessProfile byName = stored(token + "Finance");
        AccessProfile longer = stored(token + "FinanceEurope");
        AccessProfile byDescription = new AccessProfile(
                AccessProfileId.random(),
                "x" + Fixtures.token(),
                "Works with " + token.toUpperCase(Locale.ROOT),
                1,
                "X",
                Fixtures.NOW,
                Fixtures.NOW,
                List.of(),
                List.of(),
                1);
        profiles().add(byDescription);
        assertEquals(
                List.of(byName),
                all(
                        5,
                        page -> profiles()
                                .list(
                                        new ProfileFilter(
                                                Optional.of(byName.name().toUpperCase(Locale.ROOT)), Optional.empty()),
                                        page)));
        assertEquals(
                List.of(byName, longer),
                all(
                        5,
                        page -> profiles()
                                .list(new ProfileFilter(Optional.empty(), Optional.of(token + "FINANCE")), page)));
        List<AccessProfile> anywhere = listed(token, 5);
        assertEquals(3, anywhere.size());
        assertTrue(anywhere.contains(byDescription));
        assertEquals(
                List.of(),
                all(
                        5,
                        page -> profiles()
                                .list(new ProfileFilter(Optional.of(byName.name()), Optional.of("Europe")), page)),
                "both filters must hold");
    }

    @Test
    void aProfileAddedBeforeTheCursorDoesNotMakeTheNextPageRepeatOne() {
        String token = Fixtures.token();
        AccessProfile bravo = stored(token + "bravo");
        AccessProfile charlie = stored(token + "charlie");
        AccessProfile delta = stored(token + "delta");
        ProfileFilter ours = new ProfileFilter(Optional.empty(), Optional.of(token));
        var first = profiles().list(ours, PageRequest.first(2));
        assertEquals(List.of(bravo, charlie), first.items());
        stored(token + "alpha");
        var second = profiles()
                .list(ours, PageRequest.first(2).after(first.nextCursor().orElseThrow()));
        assertEquals(List.of(delta), second.items());
        assertTrue(second.nextCursor().isEmpty());
    }

    @Test
    void findAllAnswersTheStoredProfilesAmongTheIdsByName() {
        String token = Fixtures.token();
        AccessProfile beta = stored(token + "beta");
        AccessProfile alpha = stored(token + "Alpha");
        assertEquals(
                List.of(alpha, beta), profiles().findAll(List.of(beta.id(), AccessProfileId.random(), alpha.id())));
        assertEquals(List.of(), profiles().findAll(List.of()));
    }

    @Test
    void existingAnswersTheStoredProfilesAmongTheIds() {
        AccessProfile stored = stored("p" + Fixtures.token());
        AccessProfileId unknown = AccessProfileId.random();
        assertEquals(Set.of(stored.id()), profiles().existing(List.of(stored.id(), unknown)));
        assertEquals(Set.of(), profiles().existing(List.of()));
        assertTrue(profiles().exists(stored.id()));
        assertFalse(profiles().exists(unknown));
    }

    @Test
    void aDeleteTakesTheProfilesAssignmentsWithItAndSaysWhetherThereWasOne() {
        Group group = fixtures().group("g" + Fixtures.token());
        AccessProfile profile = fixtures()
                .storedAccessProfile(
                        "p" + Fixtures.token(), List.of(group), List.of(new AttributeValue("title", "Clerk")));
        Account account = fixtures().account("s" + Fixtures.token());
        storage().assignments().assign(profile.id(), List.of(account.id()), "joined", UserId.random(), Fixtures.NOW);
        assertTrue(profiles().delete(profile.id()));
        assertEquals(Optional.empty(), profiles().find(profile.id()));
        assertEquals(0, storage().assignments().countFor(profile.id()));
        assertFalse(profiles().delete(profile.id()));
        AccessProfile again = stored(profile.name());
        assertEquals(List.of(), again.groups(), "the name is free again and nothing of the old profile remains");
        assertEquals(0, storage().assignments().countFor(again.id()));
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        assertForeignCursorsAreRefused(0, page -> profiles().list(ProfileFilter.none(), page));
    }
}
