package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTypeTest {

    @Test
    void wireNumbersAreTheVendorsEnumPositionsIncludingThePublishedUnblock() {
        assertEquals(5, RequestType.UNBLOCK.code());
        assertEquals(List.of(2, 4, 5, 6, 7, 8, 9, 10, 11),
                Arrays.stream(RequestType.values()).map(RequestType::code).toList());
        Arrays.stream(RequestType.values())
                .forEach(type -> assertEquals(Optional.of(type), RequestType.fromCode(type.code())));
    }

    @Test
    void namesMatchInAnyCaseAndReinstateIsSuspendOrReinstate() {
        assertEquals(Optional.of(RequestType.RECOVERONBEHALF), RequestType.fromName(" recoverOnBehalf "));
        assertEquals(Optional.of(RequestType.SUSPENDORREINSTATE), RequestType.fromName("Reinstate"));
        assertEquals(Optional.empty(), RequestType.fromName("Enroll"));
        assertEquals(Optional.empty(), RequestType.fromName("Revoke"));
    }

    @Test
    void suspendOrReinstateIsTheOperationTheStatusCallsFor() {
        assertEquals(ProfileOperation.SUSPEND, RequestType.SUSPENDORREINSTATE.operationOn(ProfileStatus.ACTIVE));
        assertEquals(ProfileOperation.REINSTATE, RequestType.SUSPENDORREINSTATE.operationOn(ProfileStatus.SUSPENDED));
        assertEquals(ProfileOperation.RENEW, RequestType.RENEW.operationOn(ProfileStatus.DISABLED));
    }

    @Test
    void onlyDisableRetireAndSuspendOrReinstateAreFinishedByTheServerAlone() {
        assertEquals(List.of(RequestType.RETIRE, RequestType.SUSPENDORREINSTATE, RequestType.DISABLE),
                Arrays.stream(RequestType.values()).filter(RequestType::serverFinishes).toList());
        assertEquals(List.of(RequestType.UNBLOCK, RequestType.RECOVER),
                Arrays.stream(RequestType.values()).filter(RequestType::setsPin).toList());
    }
}
