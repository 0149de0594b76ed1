package org.openprofiles.domain.access;

/** One way an account differs from what its profiles require. */
public sealed interface Deviation {

    /** The account is not in a group one of its profiles requires. */
    record MissingGroup(AccessProfileId profileId, Group group) implements Deviation {}

    /** An attribute of the account does not have the value one of its profiles requires ("" = none). */
    record WrongAttribute(AccessProfileId profileId, String key, String expected, String actual) implements Deviation {}

    /** The account has no profile and the configuration treats that as non-compliant. */
    record NoProfile() implements Deviation {}
}
