package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.StatusFilter;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The contract of {@link CertificateProfiles}: profiles come back as stored, a user's list is in
 * recorded order (the order they were added, not their ids) and keyset-paged, a status filter and
 * the owner narrow it, an update stores only status, comment and update time, and {@code lock}
 * makes a second changer of the same profile wait for the first one's result.
 */
public abstract class CertificateProfilesContract extends StorageContract {

    private CertificateProfiles profiles() {
        return storage().certificateProfiles();
    }

    private UserId owner() {
        return fixtures().user().id();
    }

    /** {@code count} Active profiles of {@code owner}, their ids falling in reverse order (not the recorded one). */
    private static List<CertificateProfile> profiles(UserId owner, ProfileTemplate template, int count) {
        List<CertificateProfile> made = new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> Fixtures.profile(owner, template, ProfileStatus.ACTIVE))
                .toList());
        made.sort(Comparator.comparing((CertificateProfile p) -> p.id().toString())
                .reversed());
        return made;
    }

    private List<CertificateProfile> listed(UserId owner, StatusFilter filter, int limit) {
        return all(limit, page -> profiles().findByUser(owner, filter, page));
    }

    /** The page of two after {@code page}, which must have a next cursor. */
    private Page<CertificateProfile> pageAfter(UserId owner, Page<CertificateProfile> page) {
        return profiles()
                .findByUser(
                        owner,
                        StatusFilter.any(),
                        PageRequest.first(2).after(page.nextCursor().orElseThrow()));
    }

    @Test
    void aProfileComesBackWithEveryFieldAsStored() {
        UserId owner = owner();
        ProfileTemplate template = fixtures().template();
        CertificateProfile profile = new CertificateProfile(
                CertificateProfileId.random(),
                ProfileStatus.SUSPENDED,
                5,
                Optional.of(CertificateProfileId.random()),
                Optional.of(CertificateProfileId.random()),
                owner,
                template.id(),
                1,
                "imported from the old server",
                Fixtures.NOW,
                Fixtures.NOW.plusSeconds(60));
        profiles().addAll(List.of(profile));
        assertEquals(Optional.of(profile), profiles().find(profile.id()));
        assertEquals(Optional.of(profile), profiles().lock(profile.id()));
        assertEquals(Map.of(profile.id(), profile), profiles().findAll(List.of(profile.id())));
    }

    @Test
    void manyProfilesWithLongCommentsInAnyScriptAndEveryStatusComeBackAsStored() {
        UserId owner = owner();
        ProfileTemplate template = fixtures().template();
        // The longest comment, of characters four bytes long in UTF-8: a bulk insert that moves
        // its rows in chunks must cut them anywhere and still deliver each one whole.
        String longest = "\uD83D\uDD11".repeat(CertificateProfile.MAX_COMMENT_LENGTH / 2);
        List<CertificateProfile> stored = new ArrayList<>();
        for (ProfileStatus status : ProfileStatus.values()) {
            for (String comment : List.of(longest, "", "Zertifikat f\u00fcr \u00c5sa \u2013 \"quoted\"\t\\n")) {
                stored.add(new CertificateProfile(
                        CertificateProfileId.random(),
                        status,
                        Integer.MAX_VALUE,
                        Optional.empty(),
                        Optional.of(CertificateProfileId.random()),
                        owner,
                        template.id(),
                        Long.MAX_VALUE,
                        comment,
                        Fixtures.NOW.minusSeconds(86_400L * 366 * 40),
                        Fixtures.NOW));
            }
        }
        profiles().addAll(stored);
        assertEquals(stored, listed(owner, StatusFilter.any(), 100));
    }

    @Test
    void addAllIfNewAddsThemInOrderWhenAllAreNewAndNameKnownUsersAndTemplates() {
        UserId owner = owner();
        List<CertificateProfile> added = profiles(owner, fixtures().template(), 3);
        boolean all = storage().transactions().inTransaction(() -> profiles().addAllIfNew(added));
        assertTrue(all);
        assertEquals(added, listed(owner, StatusFilter.any(), 100));
    }

    @Test
    void addAllIfNewAddsNoneWhenOneIsHereAlreadyOrNamesAnUnknownUserOrTemplate() {
        UserId owner = owner();
        ProfileTemplate template = fixtures().template();
        CertificateProfile here = Fixtures.profile(owner, template, ProfileStatus.ACTIVE);
        profiles().addAll(List.of(here));
        CertificateProfile fine = Fixtures.profile(owner, template, ProfileStatus.ACTIVE);
        CertificateProfile unknownUser = Fixtures.profile(UserId.random(), template, ProfileStatus.ACTIVE);
        CertificateProfile unknownTemplate = new CertificateProfile(
                CertificateProfileId.random(),
                ProfileStatus.ACTIVE,
                0,
                Optional.empty(),
                Optional.empty(),
                owner,
                TemplateId.random(),
                1,
                "",
                Fixtures.NOW,
                Fixtures.NOW);
        for (CertificateProfile fault : List.of(here, unknownUser, unknownTemplate)) {
            // In one unit of work, which goes on after the refusal and adds what it then decides.
            CertificateProfile after = Fixtures.profile(owner, template, ProfileStatus.ACTIVE);
            boolean all = storage().transactions().inTransaction(() -> {
                boolean added = profiles().addAllIfNew(List.of(fine, fault));
                profiles().addAll(List.of(after));
                return added;
            });
            assertFalse(all, fault.toString());
            assertEquals(Optional.empty(), profiles().find(fine.id()), "none of them added");
            assertEquals(Optional.of(after), profiles().find(after.id()), "the unit of work went on");
        }
        assertEquals(Optional.empty(), profiles().find(unknownUser.id()));
        assertEquals(Optional.empty(), profiles().find(unknownTemplate.id()));
    }

    @Test
    void anUnknownProfileIsNotFound() {
        CertificateProfileId unknown = CertificateProfileId.random();
        assertEquals(Optional.empty(), profiles().find(unknown));
        assertEquals(Optional.empty(), profiles().lock(unknown));
        assertEquals(Map.of(), profiles().findAll(List.of(unknown)));
    }

    @Test
    void findAllAnswersTheStoredProfilesAmongTheIds() {
        UserId owner = owner();
        List<CertificateProfile> stored = profiles(owner, fixtures().template(), 3);
        profiles().addAll(stored);
        CertificateProfileId unknown = CertificateProfileId.random();
        Map<CertificateProfileId, CertificateProfile> found = profiles()
                .findAll(List.of(
                        stored.get(0).id(),
                        unknown,
                        stored.get(2).id(),
                        stored.get(0).id()));
        assertEquals(Map.of(stored.get(0).id(), stored.get(0), stored.get(2).id(), stored.get(2)), found);
        assertEquals(Map.of(), profiles().findAll(List.of()));
    }

    @Test
    void aUsersProfilesComeInTheOrderTheyWereAddedNotInIdOrder() {
        UserId owner = owner();
        ProfileTemplate template = fixtures().template();
        List<CertificateProfile> first = profiles(owner, template, 3);
        List<CertificateProfile> second = profiles(owner, template, 2);
        profiles().addAll(first);
        profiles().addAll(second);
        List<CertificateProfile> expected = new ArrayList<>(first);
        expected.addAll(second);
        assertEquals(expected, listed(owner, StatusFilter.any(), 100));
    }

    @Test
    void pagesFollowOneAnotherThroughTheirCursorsAndTheLastHasNone() {
        UserId owner = owner();
        List<CertificateProfile> stored = profiles(owner, fixtures().template(), 5);
        profiles().addAll(stored);
        var first = profiles().findByUser(owner, StatusFilter.any(), PageRequest.first(2));
        var second = pageAfter(owner, first);
        var third = pageAfter(owner, second);
        assertEquals(stored.subList(0, 2), first.items());
        assertEquals(stored.subList(2, 4), second.items());
        assertEquals(stored.subList(4, 5), third.items());
        assertTrue(third.nextCursor().isEmpty());
    }

    @Test
    void aPageThatEndsWithTheLastProfileHasNoNextCursor() {
        UserId owner = owner();
        profiles().addAll(profiles(owner, fixtures().template(), 4));
        var first = profiles().findByUser(owner, StatusFilter.any(), PageRequest.first(2));
        var second = pageAfter(owner, first);
        assertEquals(2, second.items().size());
        assertTrue(second.nextCursor().isEmpty());
        assertTrue(profiles()
                .findByUser(owner(), StatusFilter.any(), PageRequest.first(2))
                .isEmpty());
    }

    @Test
    void aProfileAddedWhileAUserPagesComesOnALaterPageOnce() {
        UserId owner = owner();
        ProfileTemplate template = fixtures().template();
        List<CertificateProfile> stored = profiles(owner, template, 3);
        profiles().addAll(stored);
        var first = profiles().findByUser(owner, StatusFilter.any(), PageRequest.first(2));
        CertificateProfile added = Fixtures.profile(owner, template, ProfileStatus.ACTIVE);
        profiles().addAll(List.of(added));
        List<CertificateProfile> rest = new ArrayList<>();
        Optional<String> cursor = first.nextCursor();
        while (cursor.isPresent()) {
            var page = profiles()
                    .findByUser(owner, StatusFilter.any(), PageRequest.first(2).after(cursor.get()));
            rest.addAll(page.items());
            cursor = page.nextCursor();
        }
        assertEquals(List.of(stored.get(2), added), rest);
    }

    @Test
    void aStatusFilterKeepsThoseStatusesAndOnlyTheOwnersProfilesAreListed() {
        UserId owner = owner();
        UserId other = owner();
        ProfileTemplate template = fixtures().template();
        List<CertificateProfile> mine = new ArrayList<>();
        for (ProfileStatus status : List.of(
                ProfileStatus.ACTIVE,
                ProfileStatus.DISABLED,
                ProfileStatus.ACTIVE,
                ProfileStatus.SUSPENDED,
                ProfileStatus.RETIRED)) {
            mine.add(Fixtures.profile(owner, template, status));
        }
        profiles().addAll(mine);
        profiles().addAll(List.of(Fixtures.profile(other, template, ProfileStatus.ACTIVE)));

        assertEquals(mine, listed(owner, StatusFilter.any(), 2));
        assertEquals(List.of(mine.get(0), mine.get(2)), listed(owner, StatusFilter.only(ProfileStatus.ACTIVE), 1));
        assertEquals(
                List.of(mine.get(1), mine.get(3)),
                listed(
                        owner,
                        new StatusFilter(
                                Optional.of(java.util.Set.of(ProfileStatus.SUSPENDED, ProfileStatus.DISABLED))),
                        100));
    }

    @Test
    void aFilterThatMatchesNothingAnswersAnEmptyLastPage() {
        UserId owner = owner();
        profiles().addAll(profiles(owner, fixtures().template(), 2));
        var page = profiles().findByUser(owner, StatusFilter.parse("Pending"), PageRequest.first(10));
        assertTrue(page.isEmpty());
        assertTrue(page.nextCursor().isEmpty());
    }

    @Test
    void anUpdateStoresStatusCommentAndUpdateTimeAndNothingElse() {
        UserId owner = owner();
        ProfileTemplate template = fixtures().template();
        CertificateProfile stored = fixtures().storedProfile(owner, template);
        CertificateProfile changed = new CertificateProfile(
                stored.id(),
                ProfileStatus.DISABLED,
                stored.flags() + 8,
                Optional.of(CertificateProfileId.random()),
                stored.primary(),
                owner(),
                stored.template(),
                stored.templateVersion(),
                "disabled by the help desk",
                stored.createdAt().minusSeconds(5),
                Fixtures.NOW.plusSeconds(3600));
        profiles().update(changed);
        CertificateProfile expected = new CertificateProfile(
                stored.id(),
                ProfileStatus.DISABLED,
                stored.flags(),
                stored.parent(),
                stored.primary(),
                owner,
                stored.template(),
                stored.templateVersion(),
                "disabled by the help desk",
                stored.createdAt(),
                Fixtures.NOW.plusSeconds(3600));
        assertEquals(Optional.of(expected), profiles().find(stored.id()));
        assertEquals(List.of(expected), listed(owner, StatusFilter.only(ProfileStatus.DISABLED), 10));
    }

    @Test
    void aLockedProfileMakesASecondChangerWaitAndSeeTheFirstOnesChange() throws Exception {
        CertificateProfile stored = fixtures().storedProfile(owner(), fixtures().template());
        ProfileStatus seen = secondWaitsForTheFirst(
                () -> profiles().lock(stored.id()).orElseThrow(),
                locked -> profiles().update(locked.withStatus(ProfileStatus.RETIRED, Fixtures.NOW.plusSeconds(1))),
                () -> profiles().lock(stored.id()).orElseThrow().status());
        assertEquals(ProfileStatus.RETIRED, seen);
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        UserId owner = owner();
        assertForeignCursorsAreRefused(1, page -> profiles().findByUser(owner, StatusFilter.any(), page));
    }
}
