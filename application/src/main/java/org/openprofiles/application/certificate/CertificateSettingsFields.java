package org.openprofiles.application.certificate;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.certificate.pki.AcceptedKeys;
import org.openprofiles.domain.certificate.pki.AlternativeName;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.EcCurve;
import org.openprofiles.domain.certificate.pki.ExtendedKeyUsage;
import org.openprofiles.domain.certificate.pki.KeyAlgorithm;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.KeyUsage;
import org.openprofiles.domain.certificate.pki.RevocationTrigger;
import org.openprofiles.domain.certificate.pki.SignatureHash;
import org.openprofiles.domain.certificate.pki.SubjectTemplate;
import org.openprofiles.domain.certificate.pki.UserField;
import org.openprofiles.domain.shared.Invalid;

/**
 * A template's {@link CertificateSettings} as plain JSON-like values, the one form the admin API
 * writes and reads, the database stores and the audit trail keeps: enum names as text
 * ({@code "CLIENT"}, {@code "SHA256"}), key types as {@code "EC_P256"} or {@code "RSA_2048"}, the
 * validity as an ISO-8601 duration ({@code "P365D"}). Reading reports every broken rule at once,
 * each naming its field under {@code certificateSettings}; a part left out takes its default.
 */
public final class CertificateSettingsFields {

    private static final String F = CertificateSettings.FIELD + ".";
    private static final Set<String> KEYS = Set.of(
            "keyGeneration",
            "keyType",
            "acceptedKeys",
            "signatureHash",
            "validity",
            "keyUsages",
            "extendedKeyUsages",
            "subject",
            "alternativeNames",
            "archiveKeys",
            "revokeOn");
    private static final Set<String> ACCEPTED_KEYS = Set.of("rsa", "minimumRsaBits", "curves");
    private static final Set<String> SUBJECT_KEYS =
            Set.of("commonName", "organizationalUnit", "organization", "country");

    private CertificateSettingsFields() {}

    /** The settings as plain values, every part written out (defaults included). */
    public static Map<String, Object> write(CertificateSettings s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("keyGeneration", s.keyGeneration().name());
        fields.put("keyType", keyType(s.keyType()));
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("rsa", s.acceptedKeys().rsa());
        accepted.put("minimumRsaBits", s.acceptedKeys().minimumRsaBits());
        accepted.put("curves", names(s.acceptedKeys().curves()));
        fields.put("acceptedKeys", accepted);
        fields.put("signatureHash", s.signatureHash().name());
        fields.put("validity", duration(s.validity()));
        fields.put("keyUsages", names(s.keyUsages()));
        fields.put("extendedKeyUsages", names(s.extendedKeyUsages()));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("commonName", s.subject().commonName().name());
        subject.put("organizationalUnit", s.subject().organizationalUnit().orElse(null));
        subject.put("organization", s.subject().organization().orElse(null));
        subject.put("country", s.subject().country().orElse(null));
        fields.put("subject", subject);
        fields.put("alternativeNames", names(s.alternativeNames()));
        fields.put("archiveKeys", s.archiveKeys());
        fields.put("revokeOn", names(s.revokeOn()));
        return fields;
    }

    /**
     * Settings from plain values; {@code null} gives the defaults. Unknown keys, values of the wrong
     * kind and broken rules are reported together in one {@link Invalid}.
     */
    public static CertificateSettings read(Map<String, ?> fields) {
        if (fields == null) {
            return CertificateSettings.defaults();
        }
        List<Invalid.Violation> violations = new ArrayList<>();
        unknownKeys(fields, KEYS, CertificateSettings.FIELD, violations);
        Reader in = new Reader(fields, F, violations);
        CertificateSettings.Builder builder = CertificateSettings.builder()
                .keyGeneration(in.oneOf("keyGeneration", KeyGeneration.class))
                .keyType(in.keyType("keyType"))
                .signatureHash(in.oneOf("signatureHash", SignatureHash.class))
                .validity(in.duration("validity"))
                .keyUsages(in.setOf("keyUsages", KeyUsage.class))
                .extendedKeyUsages(in.setOf("extendedKeyUsages", ExtendedKeyUsage.class))
                .alternativeNames(in.setOf("alternativeNames", AlternativeName.Type.class))
                .archiveKeys(Boolean.TRUE.equals(in.bool("archiveKeys")))
                .revokeOn(in.setOf("revokeOn", RevocationTrigger.class));
        Map<String, ?> accepted = in.object("acceptedKeys");
        if (accepted != null) {
            unknownKeys(accepted, ACCEPTED_KEYS, F + "acceptedKeys", violations);
            Reader keys = new Reader(accepted, F + "acceptedKeys.", violations);
            AcceptedKeys standard = AcceptedKeys.standard();
            Boolean rsa = keys.bool("rsa");
            Integer minimum = keys.integer("minimumRsaBits");
            Set<EcCurve> curves = keys.setOf("curves", EcCurve.class);
            builder.acceptedKeys(new AcceptedKeys(
                    rsa == null ? standard.rsa() : rsa,
                    minimum == null ? standard.minimumRsaBits() : minimum,
                    curves == null ? standard.curves() : curves));
        }
        Map<String, ?> subject = in.object("subject");
        if (subject != null) {
            unknownKeys(subject, SUBJECT_KEYS, F + "subject", violations);
            Reader names = new Reader(subject, F + "subject.", violations);
            builder.subject(new SubjectTemplate(
                    names.oneOf("commonName", UserField.class),
                    Optional.ofNullable(names.text("organizationalUnit")),
                    Optional.ofNullable(names.text("organization")),
                    Optional.ofNullable(names.text("country"))));
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return builder.build();
    }

    /** {@code EC_P256} or {@code RSA_2048}. */
    static String keyType(KeyType type) {
        return type.algorithm() == KeyAlgorithm.RSA
                ? "RSA_" + type.size()
                : "EC_" + type.curve().name();
    }

    /** Whole days as {@code P365D}, anything else as {@link Duration#toString()} ({@code PT12H}). */
    static String duration(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static void unknownKeys(
            Map<String, ?> fields, Set<String> known, String prefix, List<Invalid.Violation> violations) {
        for (String key : fields.keySet()) {
            if (!known.contains(key)) {
                violations.add(new Invalid.Violation(
                        prefix + "." + key,
                        "unknown_field",
                        "unknown field '" + key + "'; known are "
                                + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    /** Reads typed values out of one JSON object, adding a violation (and giving null) for each misfit. */
    private record Reader(Map<String, ?> fields, String prefix, List<Invalid.Violation> violations) {

        private Object raw(String key) {
            return fields.get(key);
        }

        private void wrong(String key, String code, String message) {
            violations.add(new Invalid.Violation(prefix + key, code, message));
        }

        String text(String key) {
            Object value = raw(key);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            wrong(key, "not_a_string", key + " must be a string");
            return null;
        }

        Boolean bool(String key) {
            Object value = raw(key);
            if (value == null || value instanceof Boolean) {
                return (Boolean) value;
            }
            wrong(key, "not_a_boolean", key + " must be true or false");
            return null;
        }

        Integer integer(String key) {
            Object value = raw(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                long number = ((Number) value).longValue();
                if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
                    return (int) number;
                }
            }
            wrong(key, "not_a_whole_number", key + " must be a whole number");
            return null;
        }

        @SuppressWarnings("unchecked")
        Map<String, ?> object(String key) {
            Object value = raw(key);
            if (value == null || value instanceof Map) {
                return (Map<String, ?>) value;
            }
            wrong(key, "not_an_object", key + " must be an object");
            return null;
        }

        <E extends Enum<E>> E oneOf(String key, Class<E> type) {
            String value = text(key);
            if (value == null) {
                return null;
            }
            return parse(key, value, type);
        }

        private <E extends Enum<E>> E parse(String key, String value, Class<E> type) {
            String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
            wrong(
                    key,
                    "unknown_value",
                    key + " '" + value + "' is not one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(type.getEnumConstants())
                                            .map(Enum::name)
                                            .toList()));
            return null;
        }

        <E extends Enum<E>> Set<E> setOf(String key, Class<E> type) {
            Object value = raw(key);
            if (value == null) {
                return null;
            }
            if (!(value instanceof List<?> list)) {
                wrong(key, "not_a_list", key + " must be a list of names");
                return null;
            }
            Set<E> set = EnumSet.noneOf(type);
            for (Object item : list) {
                if (!(item instanceof String text)) {
                    wrong(key, "not_a_string", key + " must be a list of names");
                    return null;
                }
                E parsed = parse(key, text, type);
                if (parsed == null) {
                    return null;
                }
                set.add(parsed);
            }
            return set;
        }

        KeyType keyType(String key) {
            String value = text(key);
            if (value == null) {
                return null;
            }
            String text = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                if (text.startsWith("RSA_") && text.substring(4).matches("\\d{3,5}")) {
                    return KeyType.rsa(Integer.parseInt(text.substring(4)));
                }
                if (text.startsWith("EC_")) {
                    return KeyType.ec(EcCurve.valueOf(text.substring(3)));
                }
            } catch (IllegalArgumentException e) {
                // one message below
            }
            wrong(
                    key,
                    "unknown_key_type",
                    key + " must be EC_P256, EC_P384, EC_P521 or RSA_<bits>, was '" + value + "'");
            return null;
        }

        Duration duration(String key) {
            String value = text(key);
            if (value == null) {
                return null;
            }
            try {
                return Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                wrong(key, "not_a_duration", key + " must be an ISO-8601 duration such as P365D or PT12H");
                return null;
            }
        }
    }
}
