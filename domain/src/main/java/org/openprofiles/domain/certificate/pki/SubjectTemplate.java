package org.openprofiles.domain.certificate.pki;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openprofiles.domain.shared.Invalid;

/**
 * How a certificate's subject is built: the common name from one of the user's fields, under
 * fixed organizational parts the template sets (unit, organization, country), all optional.
 */
public record SubjectTemplate(
        UserField commonName,
        Optional<String> organizationalUnit,
        Optional<String> organization,
        Optional<String> country) {

    /** X.520 upper bound of a common name, organization and unit (ub-common-name etc.). */
    public static final int MAX_VALUE_LENGTH = 64;

    public SubjectTemplate {
        commonName = commonName == null ? UserField.LOGIN : commonName;
        organizationalUnit = stripped(organizationalUnit);
        organization = stripped(organization);
        country = stripped(country);
    }

    /** CN = the user's login, nothing else. */
    public static SubjectTemplate standard() {
        return new SubjectTemplate(UserField.LOGIN, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The subject for {@code holder}; {@link Invalid} when the holder lacks the field or it is too long. */
    public DistinguishedName subjectFor(CertificateHolder holder) {
        List<SubjectAttribute> attributes = new ArrayList<>();
        country.ifPresent(c -> attributes.add(new SubjectAttribute(SubjectAttribute.COUNTRY, c)));
        organization.ifPresent(o -> attributes.add(new SubjectAttribute(SubjectAttribute.ORGANIZATION, o)));
        organizationalUnit.ifPresent(
                u -> attributes.add(new SubjectAttribute(SubjectAttribute.ORGANIZATIONAL_UNIT, u)));
        String name = holder.required(commonName);
        if (name.length() > MAX_VALUE_LENGTH) {
            throw new Invalid(
                    "subject_value_too_long",
                    commonName.fieldName(),
                    "the user's " + commonName.fieldName() + " is longer than the " + MAX_VALUE_LENGTH
                            + " characters a certificate's common name may hold");
        }
        attributes.add(new SubjectAttribute(SubjectAttribute.COMMON_NAME, name));
        return new DistinguishedName(attributes);
    }

    List<Invalid.Violation> check(String prefix) {
        List<Invalid.Violation> violations = new ArrayList<>();
        organizationalUnit
                .filter(v -> v.length() > MAX_VALUE_LENGTH)
                .ifPresent(v -> violations.add(tooLong(prefix + ".organizationalUnit")));
        organization
                .filter(v -> v.length() > MAX_VALUE_LENGTH)
                .ifPresent(v -> violations.add(tooLong(prefix + ".organization")));
        country.filter(c -> !c.matches("[A-Z]{2}"))
                .ifPresent(c -> violations.add(new Invalid.Violation(
                        prefix + ".country",
                        "invalid_country",
                        "country must be a two-letter ISO 3166 code in capitals, such as NL")));
        return violations;
    }

    private static Invalid.Violation tooLong(String field) {
        return new Invalid.Violation(field, "too_long", field + " must be at most " + MAX_VALUE_LENGTH + " characters");
    }

    private static Optional<String> stripped(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
