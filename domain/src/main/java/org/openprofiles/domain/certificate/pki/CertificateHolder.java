package org.openprofiles.domain.certificate.pki;

import java.util.Optional;
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
        email = checkAddress(email, "email", MAX_EMAIL_LENGTH, true);
        userPrincipalName = checkAddress(userPrincipalName, "userPrincipalName", MAX_UPN_LENGTH, false);
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

    /**
     * An address of the form local@domain. E-mail addresses go into an rfc822Name, an IA5String,
     * so they must be ASCII; a UPN is a UTF8String and may hold any letters.
     */
    private static Optional<String> checkAddress(
            Optional<String> value, String field, int maxLength, boolean asciiOnly) {
        if (value == null || value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        String address = value.get().strip();
        if (address.length() > maxLength) {
            throw new Invalid("too_long", field, field + " must be at most " + maxLength + " characters");
        }
        int at = address.indexOf('@');
        boolean wellFormed = at > 0
                && at == address.lastIndexOf('@')
                && at < address.length() - 1
                && address.codePoints().noneMatch(Character::isWhitespace)
                && (!asciiOnly || address.chars().allMatch(c -> c > 0x20 && c < 0x7f));
        if (!wellFormed) {
            throw new Invalid(
                    "invalid_address",
                    field,
                    field + " must look like name@domain" + (asciiOnly ? " in ASCII characters" : ""));
        }
        return Optional.of(address);
    }
}
