package org.openprofiles.domain.access;

/** The access-profile configuration port; absent values read as {@link ProfileSettings#DEFAULTS}. */
public interface AccessSettings {

    ProfileSettings current();

    void save(ProfileSettings settings);
}
