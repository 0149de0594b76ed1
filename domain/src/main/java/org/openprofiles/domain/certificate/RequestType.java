package org.openprofiles.domain.certificate;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a request does, after {@code Microsoft.Clm.Shared.Requests.RequestType}, limited to the
 * members that apply to software profiles: Enroll issues a new profile from a template, the others
 * act on an existing one. {@link #code()} is the wire integer: the member's position in the vendor's
 * enum, which agrees with both numbers the vendor publishes (Enroll 1, Unblock 5).
 */
public enum RequestType {
    ENROLL(1, ProfileOperation.ENROLL, false),
    DUPLICATE(2, ProfileOperation.DUPLICATE, false),
    ONLINEUPDATE(4, ProfileOperation.ONLINEUPDATE, false),
    UNBLOCK(5, ProfileOperation.UNBLOCK, false),
    RENEW(6, ProfileOperation.RENEW, false),
    RECOVER(7, ProfileOperation.RECOVER, false),
    RECOVERONBEHALF(8, ProfileOperation.RECOVERONBEHALF, false),
    RETIRE(9, ProfileOperation.RETIRE, true),
    /** Suspends an Active profile, reinstates a Suspended one. */
    SUSPENDORREINSTATE(10, null, true),
    DISABLE(11, ProfileOperation.DISABLE, true),
    /**
     * Revokes the profile's certificates and disables it. The vendor's request list has Revoke but
     * its RequestType enum has no member for it: 15 is the first number after the enum's last (14).
     */
    REVOKE(15, ProfileOperation.REVOKE, true);

    private final int code;
    private final ProfileOperation operation;
    private final boolean serverFinishes;

    RequestType(int code, ProfileOperation operation, boolean serverFinishes) {
        this.code = code;
        this.operation = operation;
        this.serverFinishes = serverFinishes;
    }

    public int code() {
        return code;
    }

    /**
     * Whether the server finishes the request alone once it is approved; otherwise the client picks
     * the result up and the effect applies when it completes the request.
     */
    public boolean serverFinishes() {
        return serverFinishes;
    }

    /** Whether the request issues a new profile from a template instead of acting on an existing one. */
    public boolean createsProfile() {
        return this == ENROLL;
    }

    /** Whether the request issues a certificate, picked up with the request's certificate data. */
    public boolean issuesCertificate() {
        return this == ENROLL || this == RENEW || this == RECOVER || this == DUPLICATE;
    }

    /** Whether completing the request sets the profile's PIN (by the server or by the user, as the template says). */
    public boolean setsPin() {
        return this == ENROLL || this == RECOVER || this == UNBLOCK;
    }

    /**
     * The profile operation this request performs on a profile in {@code status}: the one
     * {@link OperationRules} must offer for the request to be initiated or executed.
     */
    public ProfileOperation operationOn(ProfileStatus status) {
        if (this == SUSPENDORREINSTATE) {
            return status == ProfileStatus.SUSPENDED ? ProfileOperation.REINSTATE : ProfileOperation.SUSPEND;
        }
        return operation;
    }

    /** The type with this name in any case; the document's {@code Reinstate} is SuspendOrReinstate. */
    public static Optional<RequestType> fromName(String name) {
        String text = name == null ? "" : name.strip();
        if (text.equalsIgnoreCase("reinstate")) {
            return Optional.of(SUSPENDORREINSTATE);
        }
        return Arrays.stream(values())
                .filter(t -> t.name().equalsIgnoreCase(text))
                .findFirst();
    }

    public static Optional<RequestType> fromCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
