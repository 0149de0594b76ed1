package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.ProfileOwners;
import org.openprofiles.domain.security.UserId;

/** The contract of {@link ProfileOwners}: which of the named users exist, whatever else is named. */
public abstract class ProfileOwnersContract extends StorageContract {

    @Test
    void theExistingUsersAmongTheIdsAreAnswered() {
        UserId a = fixtures().user().id();
        UserId b = fixtures().user().id();
        UserId unknown = UserId.random();
        assertEquals(Set.of(a, b), storage().profileOwners().existing(List.of(a, unknown, b, a)));
    }

    @Test
    void noIdsOrOnlyUnknownOnesAnswerNobody() {
        assertEquals(Set.of(), storage().profileOwners().existing(List.of()));
        assertEquals(Set.of(), storage().profileOwners().existing(List.of(UserId.random())));
    }

    @Test
    void aDisabledUserStillExists() {
        var user = fixtures().user();
        storage().users().update(user.disabled());
        assertEquals(Set.of(user.id()), storage().profileOwners().existing(List.of(user.id())));
    }
}
