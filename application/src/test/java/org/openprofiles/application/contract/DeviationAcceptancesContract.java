package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.AcceptanceId;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.DeviationAcceptances;
import org.openprofiles.domain.access.DeviationKey;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.security.UserId;

/**
 * The contract of {@link DeviationAcceptances}: an acceptance comes back with every field, there
 * is one per account and deviation (saving again replaces it and answers the earlier one), lists
 * come newest first, per account or all, and acceptances go with the account or profile they name.
 */
public abstract class DeviationAcceptancesContract extends StorageContract {

    private static final UserId BY = UserId.random();

    private DeviationAcceptances acceptances() {
        return storage().deviationAcceptances();
    }

    private static DeviationAcceptance acceptance(
            Account account, DeviationKey deviation, Instant at, Optional<Instant> expiresAt) {
        return new DeviationAcceptance(
                AcceptanceId.random(), account.id(), deviation, "agreed by the owner", expiresAt, BY, at);
    }

    @Test
    void anAcceptanceComesBackWithEveryFieldAndCanBeRemoved() {
        Group group = fixtures().group("g" + Fixtures.token());
        AccessProfile profile = fixtures().storedAccessProfile("p" + Fixtures.token(), List.of(group), List.of());
        Account account = fixtures().account("s" + Fixtures.token());
        DeviationAcceptance acceptance = acceptance(
                account,
                DeviationKey.missingGroup(profile.id(), group.id()),
                Fixtures.NOW,
                Optional.of(Fixtures.NOW.plusSeconds(86_400)));

        assertEquals(Optional.empty(), acceptances().save(acceptance));
        assertEquals(Optional.of(acceptance), acceptances().find(acceptance.id()));
        assertTrue(acceptances().remove(acceptance.id()));
        assertEquals(Optional.empty(), acceptances().find(acceptance.id()));
        assertFalse(acceptances().remove(acceptance.id()));
    }

    @Test
    void acceptingTheSameDeviationAgainReplacesTheEarlierAcceptance() {
        AccessProfile profile = fixtures().storedAccessProfile("p" + Fixtures.token(), List.of(), List.of());
        Account account = fixtures().account("s" + Fixtures.token());
        DeviationKey title = DeviationKey.wrongAttribute(profile.id(), "title");
        DeviationAcceptance first = acceptance(account, title, Fixtures.NOW, Optional.empty());
        DeviationAcceptance other = acceptance(
                account, DeviationKey.wrongAttribute(profile.id(), "department"), Fixtures.NOW, Optional.empty());
        DeviationAcceptance renewed =
                acceptance(account, title, Fixtures.NOW.plusSeconds(5), Optional.of(Fixtures.NOW.plusSeconds(600)));
        acceptances().save(first);
        acceptances().save(other);

        assertEquals(Optional.of(first), acceptances().save(renewed));
        assertEquals(Optional.empty(), acceptances().find(first.id()));
        assertEquals(List.of(renewed, other), all(1, page -> acceptances().list(Optional.of(account.id()), page)));
    }

    @Test
    void acceptancesAreListedNewestFirstForOneAccountOrForAll() {
        Account account = fixtures().account("s" + Fixtures.token());
        Account another = fixtures().account("t" + Fixtures.token());
        AccessProfile profile = fixtures().storedAccessProfile("p" + Fixtures.token(), List.of(), List.of());
        DeviationAcceptance older = acceptance(account, DeviationKey.noProfile(), Fixtures.NOW, Optional.empty());
        DeviationAcceptance newer = acceptance(
                account, DeviationKey.wrongAttribute(profile.id(), "l"), Fixtures.NOW.plusSeconds(1), Optional.empty());
        DeviationAcceptance elsewhere =
                acceptance(another, DeviationKey.noProfile(), Fixtures.NOW.plusSeconds(2), Optional.empty());
        acceptances().save(newer);
        acceptances().save(older);
        acceptances().save(elsewhere);

        assertEquals(List.of(newer, older), all(1, page -> acceptances().list(Optional.of(account.id()), page)));
        List<DeviationAcceptance> everyone = all(2, page -> acceptances().list(Optional.empty(), page));
        assertTrue(everyone.indexOf(elsewhere) < everyone.indexOf(newer));
        assertTrue(everyone.indexOf(newer) < everyone.indexOf(older));
    }

    @Test
    void acceptancesGoWithTheAccountOrTheProfileTheyName() {
        AccessProfile profile = fixtures().storedAccessProfile("p" + Fixtures.token(), List.of(), List.of());
        Account account = fixtures().account("s" + Fixtures.token());
        Account leaver = fixtures().account("t" + Fixtures.token());
        DeviationAcceptance ofProfile =
                acceptance(account, DeviationKey.wrongAttribute(profile.id(), "title"), Fixtures.NOW, Optional.empty());
        DeviationAcceptance ofLeaver = acceptance(leaver, DeviationKey.noProfile(), Fixtures.NOW, Optional.empty());
        acceptances().save(ofProfile);
        acceptances().save(ofLeaver);

        storage().accessProfiles().delete(profile.id());
        storage().directory().removeAccounts(List.of(leaver.id()));

        assertEquals(Optional.empty(), acceptances().find(ofProfile.id()));
        assertEquals(Optional.empty(), acceptances().find(ofLeaver.id()));
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        assertForeignCursorsAreRefused(2, page -> acceptances().list(Optional.empty(), page));
    }
}
