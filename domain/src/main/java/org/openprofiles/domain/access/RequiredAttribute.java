package org.openprofiles.domain.access;

/**
 * An attribute value an account should have because of one of its profiles, the value it
 * actually has ("" for none), and whether they match.
 */
public record RequiredAttribute(
        AccessProfileId profileId, String profileName, String label, AttributeValue required, String actual) {

    public boolean compliant() {
        return required.value().equals(actual == null ? "" : actual);
    }
}
