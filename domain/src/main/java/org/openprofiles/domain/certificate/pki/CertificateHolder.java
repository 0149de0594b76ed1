package org.openprofiles.domain.certificate.pki;

import java.util.Optional;
import org.openprofiles.domain.shared.Addresses;
import org.openprofiles.domain.shared.Invalid;

/**
 * The user a certificate is issued to, as the server knows them: the only source of a
 * certificate's subject and alternative names (a client's request never adds to them).
 */
public record CertificateHolder(
        String login, String displayName, Optional<String> email, Optional<String> userPrincipalName) {

    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_UPN_LENGTH = 1024;

    public CertificateHolder {
        if (login == null || login.isBlank()) {
            throw new Invalid("required", "login", "the certificate holder needs a login");
        }
        login = login.strip();
        displayName = displayName == null || displayName.isBlank() ? login : displayName.strip();
        email = Addresses.check(email, "email", MAX_EMAIL_LENGTH, true);
        userPrincipalName = Addresses.check(userPrincipalName, "userPrincipalName", MAX_UPN_LENGTH, false);
    }

    public static CertificateHolder of(String login, String displayName) {
        return new CertificateHolder(login, displayName, Optional.empty(), Optional.empty());
    }

    public CertificateHolder withEmail(String address) {
        return new CertificateHolder(login, displayName, Optional.ofNullable(address), userPrincipalName);
    }

    public CertificateHolder withUserPrincipalName(String name) {
        return new CertificateHolder(login, displayName, email, Optional.ofNullable(name));
    }

    /** The holder's value of {@code field}, when they have one. */
    public Optional<String> value(UserField field) {
        return switch (field) {
            case LOGIN -> Optional.of(login);
            case DISPLAY_NAME -> Optional.of(displayName);
            case EMAIL -> email;
            case USER_PRINCIPAL_NAME -> userPrincipalName;
        };
    }

    /** The holder's value of {@code field}, or an {@link Invalid} saying the template needs it. */
    String required(UserField field) {
        return value(field)
                .orElseThrow(() -> new Invalid(
                        "holder_field_missing",
                        field.fieldName(),
                        "the template puts the user's " + field.fieldName()
                                + " into the certificate, but the user has none"));
    }
}
