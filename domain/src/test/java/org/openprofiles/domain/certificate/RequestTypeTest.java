package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTypeTest {

    @Test
    void wireNumbersAreTheVendorsEnumPositionsIncludingThePublishedEnrollAndUnblock() {
        assertEquals(1, RequestType.ENROLL.code());
        assertEquals(5, RequestType.UNBLOCK.code());
        assertEquals(
                List.of(1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 15),
                Arrays.stream(RequestType.values()).map(RequestType::code).toList());
        Arrays.stream(RequestType.values())
                .forEach(type -> assertEquals(Optional.of(type), RequestType.fromCode(type.code())));
    }

    @Test
    void namesMatchInAnyCaseAndReinstateIsSuspendOrReinstate() {
        assertEquals(Optional.of(RequestType.RECOVERONBEHALF), RequestType.fromName(" recoverOnBehalf "));
        assertEquals(Optional.of(RequestType.SUSPENDORREINSTATE), RequestType.fromName("Reinstate"));
        assertEquals(Optional.of(RequestType.ENROLL), RequestType.fromName("Enroll"));
        assertEquals(Optional.of(RequestType.REVOKE), RequestType.fromName("Revoke"));
        assertEquals(Optional.empty(), RequestType.fromName("TemporaryCards"));
    }

    @Test
    void onlyEnrollCreatesAProfileFromATemplate() {
        assertEquals(
                List.of(RequestType.ENROLL),
                Arrays.stream(RequestType.values())
                        .filter(RequestType::createsProfile)
                        .toList());
        assertEquals(ProfileOperation.ENROLL, RequestType.ENROLL.operationOn(ProfileStatus.NONE));
    }

    @Test
    void suspendOrReinstateIsTheOperationTheStatusCallsFor() {
        assertEquals(ProfileOperation.SUSPEND, RequestType.SUSPENDORREINSTATE.operationOn(ProfileStatus.ACTIVE));
        assertEquals(ProfileOperation.REINSTATE, RequestType.SUSPENDORREINSTATE.operationOn(ProfileStatus.SUSPENDED));
        assertEquals(ProfileOperation.RENEW, RequestType.RENEW.operationOn(ProfileStatus.DISABLED));
    }

    @Test
    void onlyDisableRetireRevokeAndSuspendOrReinstateAreFinishedByTheServerAloneAndEnrollRecoverUnblockSetAPin() {
        assertEquals(
                List.of(RequestType.RETIRE, RequestType.SUSPENDORREINSTATE, RequestType.DISABLE, RequestType.REVOKE),
                Arrays.stream(RequestType.values())
                        .filter(RequestType::serverFinishes)
                        .toList());
        assertEquals(
                List.of(RequestType.ENROLL, RequestType.UNBLOCK, RequestType.RECOVER),
                Arrays.stream(RequestType.values()).filter(RequestType::setsPin).toList());
    }

    @Test
    void enrollRenewRecoverAndDuplicateIssueACertificate() {
        assertEquals(
                List.of(RequestType.ENROLL, RequestType.DUPLICATE, RequestType.RENEW, RequestType.RECOVER),
                Arrays.stream(RequestType.values())
                        .filter(RequestType::issuesCertificate)
                        .toList());
    }
}
