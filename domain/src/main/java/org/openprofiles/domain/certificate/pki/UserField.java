package org.openprofiles.domain.certificate.pki;

/** A fact about the user that a template may put into a certificate's subject or alternative names. */
public enum UserField {
    LOGIN("login"),
    DISPLAY_NAME("displayName"),
    EMAIL("email"),
    USER_PRINCIPAL_NAME("userPrincipalName");

    private final String fieldName;

    UserField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The field's name in errors ("email"), as the holder's record spells it. */
    public String fieldName() {
        return fieldName;
    }
}
