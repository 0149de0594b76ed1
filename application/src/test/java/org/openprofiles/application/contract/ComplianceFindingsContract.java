package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.AcceptanceId;
import org.openprofiles.domain.access.AcceptedDeviation;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ComplianceQuery;
import org.openprofiles.domain.access.ComplianceSummary;
import org.openprofiles.domain.access.Deviation;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.DeviationKey;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.ProfileSettings;
import org.openprofiles.domain.access.ProfileUsage;
import org.openprofiles.domain.security.UserId;

/**
 * The contract of {@link ComplianceFindings}: each account's line lists its profiles (by name) and
 * every deviation (missing groups by group name, then wrong attribute values by key, with expected
 * and actual value), an account without a profile deviates as the settings say, the report is
 * ordered by samAccountName ignoring case and keyset-paged, narrowed to one profile's accounts
 * and/or to the non-compliant ones, and usage counts each profile's assigned and deviating accounts.
 * A deviation covered by an acceptance in force at the moment asked is listed apart, as accepted,
 * and counts nowhere as non-compliant; from the acceptance's expiry on it counts again. The summary
 * counts accounts, non-compliant ones and those with accepted deviations.
 */
public abstract class ComplianceFindingsContract extends StorageContract {

    private static final UserId BY = UserId.random();

    private ComplianceFindings findings() {
        return storage().complianceFindings();
    }

    private void assign(AccessProfile profile, Account... accounts) {
        List<AccountId> ids = java.util.Arrays.stream(accounts).map(Account::id).toList();
        storage().transactions().run(() -> {
            storage().assignments().assign(profile.id(), ids, "c", BY, Fixtures.NOW);
            storage().assignments().recheck(ids);
        });
    }

    private List<AccountCompliance> report(Optional<AccessProfileId> profile, boolean nonCompliantOnly) {
        return all(2, page -> findings().report(new ComplianceQuery(profile, nonCompliantOnly, Fixtures.NOW), page));
    }

    private Optional<AccountCompliance> lineOf(Account account, boolean nonCompliantOnly) {
        return report(Optional.empty(), nonCompliantOnly).stream()
                .filter(line -> line.account().id().equals(account.id()))
                .findFirst();
    }

    @Test
    void anAccountThatHasWhatItsProfilesRequireIsCompliantAndListsItsProfilesByName() {
        String token = Fixtures.token();
        Group group = fixtures().group("g" + token);
        AttributeDefinition title = fixtures().attribute("Title");
        AccessProfile zulu = fixtures().storedAccessProfile(token + "zulu", List.of(group), List.of());
        AccessProfile alpha = fixtures()
                .storedAccessProfile(token + "Alpha", List.of(), List.of(new AttributeValue(title.key(), "Clerk")));
        Account account =
                fixtures().account("s" + token, Set.of(group.id()), List.of(new AttributeValue(title.key(), "Clerk")));
        assign(zulu, account);
        assign(alpha, account);
        assertEquals(
                List.of(new AccountCompliance(Fixtures.summary(account), List.of(alpha.id(), zulu.id()), List.of())),
                report(Optional.of(zulu.id()), false));
    }

    @Test
    void missingGroupsComeByGroupNameThenWrongAttributesByKeyWithExpectedAndActualValues() {
        String token = Fixtures.token();
        Group beta = fixtures().group(token + "Beta");
        Group alpha = fixtures().group(token + "alpha");
        AttributeDefinition first = fixtures().attribute("One");
        AttributeDefinition second = fixtures().attribute("Two");
        List<AttributeDefinition> byKey =
                first.key().compareTo(second.key()) < 0 ? List.of(first, second) : List.of(second, first);
        AccessProfile profile = fixtures()
                .storedAccessProfile(
                        "p" + token,
                        List.of(beta, alpha),
                        List.of(
                                new AttributeValue(byKey.get(1).key(), "wanted"),
                                new AttributeValue(byKey.get(0).key(), "x")));
        Account account = fixtures()
                .account(
                        "s" + token,
                        Set.of(),
                        List.of(new AttributeValue(byKey.get(1).key(), "other")));
        assign(profile, account);
        assertEquals(
                List.of(
                        new Deviation.MissingGroup(profile.id(), alpha),
                        new Deviation.MissingGroup(profile.id(), beta),
                        new Deviation.WrongAttribute(profile.id(), byKey.get(0).key(), "x", ""),
                        new Deviation.WrongAttribute(profile.id(), byKey.get(1).key(), "wanted", "other")),
                report(Optional.of(profile.id()), false).get(0).deviations());
    }

    @Test
    void theReportForOneProfileCoversItsAccountsBySamAccountNameIgnoringCaseAndPaged() {
        String token = Fixtures.token();
        Group group = fixtures().group("g" + token);
        AccessProfile profile = fixtures().storedAccessProfile("p" + token, List.of(group), List.of());
        Account carol = fixtures().account(token + "carol");
        Account bob = fixtures().account(token + "Bob", Set.of(group.id()), List.of());
        Account alice = fixtures().account(token + "alice");
        Account elsewhere = fixtures().account(token + "aaron");
        assign(profile, carol, bob, alice);
        assign(fixtures().storedAccessProfile("q" + token, List.of(), List.of()), elsewhere);
        List<AccountCompliance> lines = report(Optional.of(profile.id()), false);
        assertEquals(
                List.of(alice.id(), bob.id(), carol.id()),
                lines.stream().map(l -> l.account().id()).toList());
        assertEquals(Fixtures.summary(bob), lines.get(1).account());
        assertEquals(
                List.of(true, false, true),
                lines.stream().map(AccountCompliance::nonCompliant).toList());
    }

    @Test
    void theNonCompliantReportLeavesOutTheCompliantAccounts() {
        String token = Fixtures.token();
        Group group = fixtures().group("g" + token);
        AccessProfile profile = fixtures().storedAccessProfile("p" + token, List.of(group), List.of());
        Account inGroup = fixtures().account(token + "in", Set.of(group.id()), List.of());
        Account outside = fixtures().account(token + "out");
        assign(profile, inGroup, outside);
        assertEquals(
                List.of(outside.id()),
                report(Optional.of(profile.id()), true).stream()
                        .map(l -> l.account().id())
                        .toList());
        assertTrue(lineOf(outside, true).isPresent());
        assertFalse(lineOf(inGroup, true).isPresent());
        assertTrue(lineOf(inGroup, false).isPresent(), "without the filter every account is reported");
    }

    @Test
    void anAccountWithoutAProfileDeviatesUnlessTheSettingsSayOtherwise() {
        Account lonely = fixtures().account("s" + Fixtures.token());
        ProfileSettings before = storage().accessSettings().current();
        try {
            storage().accessSettings().save(new ProfileSettings(true));
            assertEquals(
                    List.of(new Deviation.NoProfile()),
                    lineOf(lonely, false).orElseThrow().deviations());
            assertTrue(lineOf(lonely, true).isPresent());

            storage().accessSettings().save(new ProfileSettings(false));
            AccountCompliance line = lineOf(lonely, false).orElseThrow();
            assertEquals(List.of(), line.deviations());
            assertEquals(List.of(), line.profiles());
            assertFalse(lineOf(lonely, true).isPresent());
        } finally {
            storage().accessSettings().save(before);
        }
    }

    @Test
    void theWholeReportIsOrderedBySamAccountNameIgnoringCase() {
        fixtures().account("S" + Fixtures.token());
        fixtures().account("s" + Fixtures.token());
        assertInOrderIgnoringCase(
                report(Optional.empty(), false).stream()
                        .map(l -> l.account().samAccountName())
                        .toList(),
                "every account, not only this test's, by samAccountName");
    }

    @Test
    void usageCountsEachProfilesAssignedAndDeviatingAccounts() {
        String token = Fixtures.token();
        Group group = fixtures().group("g" + token);
        AccessProfile strict = fixtures().storedAccessProfile("p" + token, List.of(group), List.of());
        AccessProfile open = fixtures().storedAccessProfile("q" + token, List.of(), List.of());
        AccessProfile unused = fixtures().storedAccessProfile("r" + token, List.of(), List.of());
        Account in = fixtures().account(token + "in", Set.of(group.id()), List.of());
        Account out1 = fixtures().account(token + "out1");
        Account out2 = fixtures().account(token + "out2");
        assign(strict, in, out1, out2);
        assign(open, out1);
        Map<AccessProfileId, ProfileUsage> usage =
                findings().usage(List.of(strict.id(), open.id(), unused.id(), AccessProfileId.random()), Fixtures.NOW);
        assertEquals(new ProfileUsage(3, 2), usage.get(strict.id()));
        assertEquals(new ProfileUsage(1, 0), usage.get(open.id()), "deviating from another profile does not count");
        assertEquals(ProfileUsage.NONE, usage.getOrDefault(unused.id(), ProfileUsage.NONE));
        assertEquals(Map.of(), findings().usage(List.of(), Fixtures.NOW));
    }

    /** Stores an acceptance of {@code deviation} of {@code account} and recounts, as the use case does. */
    private DeviationAcceptance accept(Account account, DeviationKey deviation, Optional<Instant> expiresAt) {
        DeviationAcceptance acceptance = new DeviationAcceptance(
                AcceptanceId.random(), account.id(), deviation, "agreed", expiresAt, BY, Fixtures.NOW);
        storage().transactions().run(() -> {
            storage().deviationAcceptances().save(acceptance);
            storage().assignments().recheck(List.of(account.id()));
        });
        return acceptance;
    }

    private boolean listedAsNonCompliant(AccessProfile profile, Account account, Instant asOf) {
        return all(5, page -> storage().assignments().listFor(profile.id(), page, asOf)).stream()
                .filter(a -> a.account().id().equals(account.id()))
                .findFirst()
                .orElseThrow()
                .nonCompliant();
    }

    private List<AccountCompliance> reportAt(AccessProfile profile, boolean nonCompliantOnly, Instant asOf) {
        return all(
                2,
                page -> findings()
                        .report(new ComplianceQuery(Optional.of(profile.id()), nonCompliantOnly, asOf), page));
    }

    @Test
    void anAcceptedDeviationShowsAsAcceptedAndNoLongerMakesTheAccountNonCompliant() {
        String token = Fixtures.token();
        Group group = fixtures().group("g" + token);
        AccessProfile profile = fixtures().storedAccessProfile("p" + token, List.of(group), List.of());
        Account account = fixtures().account("s" + token);
        assign(profile, account);
        assertTrue(listedAsNonCompliant(profile, account, Fixtures.NOW));

        DeviationAcceptance acceptance =
                accept(account, DeviationKey.missingGroup(profile.id(), group.id()), Optional.empty());

        AccountCompliance line = reportAt(profile, false, Fixtures.NOW).get(0);
        assertEquals(List.of(), line.deviations());
        assertEquals(
                List.of(new AcceptedDeviation(new Deviation.MissingGroup(profile.id(), group), acceptance)),
                line.accepted());
        assertFalse(line.nonCompliant());
        assertEquals(List.of(), reportAt(profile, true, Fixtures.NOW));
        assertEquals(
                new ProfileUsage(1, 0),
                findings().usage(List.of(profile.id()), Fixtures.NOW).get(profile.id()));
        assertFalse(listedAsNonCompliant(profile, account, Fixtures.NOW));
        assertEquals(Optional.of(line), findings().of(account.id(), Fixtures.NOW));
    }

    @Test
    void anAcceptanceCoversItsDeviationOnlyUntilItExpires() {
        String token = Fixtures.token();
        AttributeDefinition title = fixtures().attribute("Title");
        AccessProfile profile = fixtures()
                .storedAccessProfile("p" + token, List.of(), List.of(new AttributeValue(title.key(), "Clerk")));
        Account account = fixtures().account("s" + token, Set.of(), List.of(new AttributeValue(title.key(), "Cook")));
        assign(profile, account);
        Instant expiry = Fixtures.NOW.plusSeconds(3600);
        accept(account, DeviationKey.wrongAttribute(profile.id(), title.key()), Optional.of(expiry));

        Instant before = expiry.minusSeconds(1);
        assertFalse(listedAsNonCompliant(profile, account, before));
        assertEquals(List.of(), reportAt(profile, true, before));
        assertEquals(
                new ProfileUsage(1, 0),
                findings().usage(List.of(profile.id()), before).get(profile.id()));

        for (Instant after : List.of(expiry, expiry.plusSeconds(1))) {
            assertTrue(listedAsNonCompliant(profile, account, after), "expired at " + after);
            AccountCompliance line = reportAt(profile, true, after).get(0);
            assertEquals(
                    List.of(new Deviation.WrongAttribute(profile.id(), title.key(), "Clerk", "Cook")),
                    line.deviations());
            assertEquals(List.of(), line.accepted());
            assertEquals(
                    new ProfileUsage(1, 1),
                    findings().usage(List.of(profile.id()), after).get(profile.id()));
        }
    }

    @Test
    void acceptingOneDeviationLeavesTheOthersOpen() {
        String token = Fixtures.token();
        Group first = fixtures().group(token + "a");
        Group second = fixtures().group(token + "b");
        AccessProfile profile = fixtures().storedAccessProfile("p" + token, List.of(first, second), List.of());
        Account account = fixtures().account("s" + token);
        assign(profile, account);
        accept(account, DeviationKey.missingGroup(profile.id(), first.id()), Optional.empty());

        AccountCompliance line = findings().of(account.id(), Fixtures.NOW).orElseThrow();
        assertEquals(List.of(new Deviation.MissingGroup(profile.id(), second)), line.deviations());
        assertEquals(1, line.accepted().size());
        assertTrue(line.nonCompliant());
        assertTrue(listedAsNonCompliant(profile, account, Fixtures.NOW));
    }

    @Test
    void havingNoProfileCanBeAccepted() {
        Account lonely = fixtures().account("s" + Fixtures.token());
        ProfileSettings before = storage().accessSettings().current();
        try {
            storage().accessSettings().save(new ProfileSettings(true));
            accept(lonely, DeviationKey.noProfile(), Optional.empty());
            AccountCompliance line = lineOf(lonely, false).orElseThrow();
            assertEquals(List.of(), line.deviations());
            assertEquals(
                    List.of(new Deviation.NoProfile()),
                    line.accepted().stream().map(AcceptedDeviation::deviation).toList());
            assertFalse(lineOf(lonely, true).isPresent());
        } finally {
            storage().accessSettings().save(before);
        }
    }

    @Test
    void oneAccountsLineIsTheReportsLineAndNothingForAnUnknownAccount() {
        String token = Fixtures.token();
        Group group = fixtures().group("g" + token);
        AccessProfile profile = fixtures().storedAccessProfile("p" + token, List.of(group), List.of());
        Account account = fixtures().account("s" + token);
        assign(profile, account);
        assertEquals(
                reportAt(profile, false, Fixtures.NOW).get(0),
                findings().of(account.id(), Fixtures.NOW).orElseThrow());
        assertEquals(Optional.empty(), findings().of(new AccountId(java.util.UUID.randomUUID()), Fixtures.NOW));
    }

    @Test
    void theSummaryCountsAccountsTheNonCompliantAndThoseWithAcceptedDeviations() {
        ComplianceSummary before = findings().summary(Fixtures.NOW);
        String token = Fixtures.token();
        Group group = fixtures().group("g" + token);
        AccessProfile profile = fixtures().storedAccessProfile("p" + token, List.of(group), List.of());
        Account compliant = fixtures().account(token + "in", Set.of(group.id()), List.of());
        Account deviating = fixtures().account(token + "out");
        Account accepted = fixtures().account(token + "ok");
        assign(profile, compliant, deviating, accepted);
        Instant expiry = Fixtures.NOW.plusSeconds(60);
        accept(accepted, DeviationKey.missingGroup(profile.id(), group.id()), Optional.of(expiry));

        assertEquals(
                new ComplianceSummary(
                        before.accounts() + 3,
                        before.nonCompliantAccounts() + 1,
                        before.accountsWithAcceptedDeviations() + 1),
                findings().summary(Fixtures.NOW));
        assertEquals(
                new ComplianceSummary(
                        before.accounts() + 3,
                        before.nonCompliantAccounts() + 2,
                        before.accountsWithAcceptedDeviations()),
                findings().summary(expiry),
                "once the acceptance expired");
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        assertForeignCursorsAreRefused(
                2, page -> findings().report(new ComplianceQuery(Optional.empty(), false, Fixtures.NOW), page));
    }
}
