package org.openprofiles.domain.access;

/** A group an account should be in because of one of its profiles, and whether it is. */
public record RequiredGroup(AccessProfileId profileId, String profileName, Group group, boolean member) {}
