package org.openprofiles.domain.certificate.pki;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openprofiles.domain.shared.Invalid;

/**
 * The certificate part of a profile template: which key, made by whom, how the certificate is
 * signed, how long it lives, what it may be used for, how its names are built from the user, and
 * what happens to its key and to it later (archival, revocation). Any part left null takes the
 * value of {@link #defaults()}; the whole is checked at once and every broken rule reported,
 * each naming its field under {@code certificateSettings}.
 *
 * @param keyGeneration     who makes the key pair
 * @param keyType           the key the server makes, and that clients are told to make
 * @param acceptedKeys      which keys a client's request may carry
 * @param signatureHash     hash of the certificate's signature (and advised for requests)
 * @param validity          how long a certificate is valid (never beyond its issuing CA)
 * @param keyUsages         key usages granted; those the key's algorithm cannot perform are left out
 * @param extendedKeyUsages extended key usages granted
 * @param subject           how the subject is built from the user
 * @param alternativeNames  which alternative names are filled from the user (e-mail, UPN)
 * @param archiveKeys       server-made keys are archived, encrypted to the key-recovery key
 * @param revokeOn          operations whose completion revokes the profile's certificates
 */
public record CertificateSettings(
        KeyGeneration keyGeneration,
        KeyType keyType,
        AcceptedKeys acceptedKeys,
        SignatureHash signatureHash,
        Duration validity,
        Set<KeyUsage> keyUsages,
        Set<ExtendedKeyUsage> extendedKeyUsages,
        SubjectTemplate subject,
        Set<AlternativeName.Type> alternativeNames,
        boolean archiveKeys,
        Set<RevocationTrigger> revokeOn) {

    public static final String FIELD = "certificateSettings";
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
    public static final Duration MIN_VALIDITY = Duration.ofHours(1);
    public static final Duration MAX_VALIDITY = Duration.ofDays(3650);
    /** RSA sizes the server generates: larger ones take seconds each. */
    public static final Set<Integer> GENERATED_RSA_SIZES = Set.of(2048, 3072, 4096);

    private static final Set<KeyUsage> DEFAULT_KEY_USAGES =
            EnumSets.frozen(List.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT), KeyUsage.class);
    private static final Set<RevocationTrigger> DEFAULT_REVOKE_ON = EnumSets.frozen(
            List.of(RevocationTrigger.DISABLE, RevocationTrigger.RETIRE, RevocationTrigger.RECOVER),
            RevocationTrigger.class);

    public CertificateSettings {
        keyGeneration = keyGeneration == null ? KeyGeneration.CLIENT : keyGeneration;
        keyType = keyType == null ? KeyType.ec(EcCurve.P256) : keyType;
        acceptedKeys = acceptedKeys == null ? AcceptedKeys.standard() : acceptedKeys;
        signatureHash = signatureHash == null ? SignatureHash.SHA256 : signatureHash;
        validity = validity == null ? DEFAULT_VALIDITY : validity;
        keyUsages = keyUsages == null ? DEFAULT_KEY_USAGES : EnumSets.frozen(keyUsages, KeyUsage.class);
        extendedKeyUsages = EnumSets.frozen(
                extendedKeyUsages == null ? List.of(ExtendedKeyUsage.CLIENT_AUTH) : extendedKeyUsages,
                ExtendedKeyUsage.class);
        subject = subject == null ? SubjectTemplate.standard() : subject;
        alternativeNames = EnumSets.frozen(alternativeNames, AlternativeName.Type.class);
        revokeOn = revokeOn == null ? DEFAULT_REVOKE_ON : EnumSets.frozen(revokeOn, RevocationTrigger.class);
        List<Invalid.Violation> violations = violations(
                keyGeneration,
                keyType,
                acceptedKeys,
                validity,
                keyUsages,
                extendedKeyUsages,
                subject,
                alternativeNames,
                archiveKeys);
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
    }

    /**
     * A client-authentication certificate for the user: the client makes the key (EC P-256 advised;
     * RSA of 2048 bits or more and every NIST curve accepted), SHA-256, one year, digital signature
     * (and key encipherment for RSA keys), subject CN = login, no alternative names, no archival;
     * Disable, Retire and Recover revoke. What a template created without certificate settings gets.
     */
    public static CertificateSettings defaults() {
        return new CertificateSettings(null, null, null, null, null, null, null, null, null, false, null);
    }

    public static Builder builder() {
        return new Builder(defaults());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public boolean revokesOn(RevocationTrigger trigger) {
        return revokeOn.contains(trigger);
    }

    /**
     * What a certificate for {@code holder} with a key of {@code algorithm} contains: the subject and
     * alternative names built from the holder, the usages the key can perform.
     *
     * @throws Invalid when the holder lacks a field the template puts into the certificate
     */
    public CertificateContent contentFor(CertificateHolder holder, KeyAlgorithm algorithm) {
        DistinguishedName name = subject.subjectFor(holder);
        List<AlternativeName> names = new ArrayList<>();
        if (alternativeNames.contains(AlternativeName.Type.EMAIL)) {
            names.add(new AlternativeName(AlternativeName.Type.EMAIL, holder.required(UserField.EMAIL)));
        }
        if (alternativeNames.contains(AlternativeName.Type.UPN)) {
            names.add(new AlternativeName(AlternativeName.Type.UPN, holder.required(UserField.USER_PRINCIPAL_NAME)));
        }
        return new CertificateContent(
                name, names, KeyUsage.applicable(keyUsages, algorithm), extendedKeyUsages, validity);
    }

    private static List<Invalid.Violation> violations(
            KeyGeneration keyGeneration,
            KeyType keyType,
            AcceptedKeys acceptedKeys,
            Duration validity,
            Set<KeyUsage> keyUsages,
            Set<ExtendedKeyUsage> extendedKeyUsages,
            SubjectTemplate subject,
            Set<AlternativeName.Type> alternativeNames,
            boolean archiveKeys) {
        List<Invalid.Violation> violations = new ArrayList<>();
        violations.addAll(acceptedKeys.check(FIELD + ".acceptedKeys"));
        if (keyGeneration == KeyGeneration.SERVER
                && keyType.algorithm() == KeyAlgorithm.RSA
                && !GENERATED_RSA_SIZES.contains(keyType.size())) {
            violations.add(new Invalid.Violation(
                    FIELD + ".keyType",
                    "key_size_not_generated",
                    "the server generates RSA keys of 2048, 3072 or 4096 bits, not " + keyType.size()));
        }
        if (keyGeneration == KeyGeneration.CLIENT && !acceptedKeys.accepts(keyType)) {
            violations.add(new Invalid.Violation(
                    FIELD + ".keyType",
                    "key_type_not_accepted",
                    "the key clients are told to make (" + keyType + ") must be one the template accepts"));
        }
        if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            violations.add(new Invalid.Violation(
                    FIELD + ".validity", "validity_out_of_range", "validity must be between 1 hour and 3650 days"));
        }
        if (KeyUsage.applicable(keyUsages, keyType.algorithm()).stream().noneMatch(KeyUsage::grantableToUsers)) {
            violations.add(new Invalid.Violation(
                    FIELD + ".keyUsages",
                    "key_usage_required",
                    "grant at least one key usage that a " + keyType + " key can perform"));
        }
        for (KeyUsage usage : keyUsages) {
            if (!usage.grantableToUsers()) {
                violations.add(new Invalid.Violation(
                        FIELD + ".keyUsages",
                        "key_usage_not_for_users",
                        usage + " is for certificate authorities, not users' certificates"));
            }
        }
        if (extendedKeyUsages.isEmpty()) {
            violations.add(new Invalid.Violation(
                    FIELD + ".extendedKeyUsages",
                    "extended_key_usage_required",
                    "grant at least one extended key usage, such as CLIENT_AUTH"));
        }
        for (AlternativeName.Type type : alternativeNames) {
            if (!type.grantable()) {
                violations.add(new Invalid.Violation(
                        FIELD + ".alternativeNames",
                        "alternative_name_not_supported",
                        "alternative names are filled from the user's e-mail (EMAIL) or UPN only, not " + type));
            }
        }
        if (extendedKeyUsages.contains(ExtendedKeyUsage.SECURE_EMAIL)
                && !alternativeNames.contains(AlternativeName.Type.EMAIL)) {
            violations.add(new Invalid.Violation(
                    FIELD + ".alternativeNames",
                    "secure_email_needs_email",
                    "SECURE_EMAIL certificates must carry the user's e-mail address: add EMAIL to alternativeNames"));
        }
        if (extendedKeyUsages.contains(ExtendedKeyUsage.SMART_CARD_LOGON)
                && !alternativeNames.contains(AlternativeName.Type.UPN)) {
            violations.add(new Invalid.Violation(
                    FIELD + ".alternativeNames",
                    "smart_card_logon_needs_upn",
                    "SMART_CARD_LOGON certificates must carry the user principal name: add UPN to alternativeNames"));
        }
        if (archiveKeys && keyGeneration == KeyGeneration.CLIENT) {
            violations.add(new Invalid.Violation(
                    FIELD + ".archiveKeys",
                    "archive_needs_server_key",
                    "only keys the server generates can be archived; the client keeps its own"));
        }
        violations.addAll(subject.check(FIELD + ".subject"));
        return violations;
    }

    /** Changes a few parts of a settings value; {@link #build()} checks the whole. */
    public static final class Builder {
        private KeyGeneration keyGeneration;
        private KeyType keyType;
        private AcceptedKeys acceptedKeys;
        private SignatureHash signatureHash;
        private Duration validity;
        private Set<KeyUsage> keyUsages;
        private Set<ExtendedKeyUsage> extendedKeyUsages;
        private SubjectTemplate subject;
        private Set<AlternativeName.Type> alternativeNames;
        private boolean archiveKeys;
        private Set<RevocationTrigger> revokeOn;

        private Builder(CertificateSettings from) {
            keyGeneration = from.keyGeneration;
            keyType = from.keyType;
            acceptedKeys = from.acceptedKeys;
            signatureHash = from.signatureHash;
            validity = from.validity;
            keyUsages = from.keyUsages;
            extendedKeyUsages = from.extendedKeyUsages;
            subject = from.subject;
            alternativeNames = from.alternativeNames;
            archiveKeys = from.archiveKeys;
            revokeOn = from.revokeOn;
        }

        public Builder keyGeneration(KeyGeneration value) {
            keyGeneration = value;
            return this;
        }

        public Builder keyType(KeyType value) {
            keyType = value;
            return this;
        }

        public Builder acceptedKeys(AcceptedKeys value) {
            acceptedKeys = value;
            return this;
        }

        public Builder signatureHash(SignatureHash value) {
            signatureHash = value;
            return this;
        }

        public Builder validity(Duration value) {
            validity = value;
            return this;
        }

        public Builder keyUsages(Set<KeyUsage> value) {
            keyUsages = value;
            return this;
        }

        public Builder extendedKeyUsages(Set<ExtendedKeyUsage> value) {
            extendedKeyUsages = value;
            return this;
        }

        public Builder subject(SubjectTemplate value) {
            subject = value;
            return this;
        }

        public Builder alternativeNames(Set<AlternativeName.Type> value) {
            alternativeNames = value;
            return this;
        }

        public Builder archiveKeys(boolean value) {
            archiveKeys = value;
            return this;
        }

        public Builder revokeOn(Set<RevocationTrigger> value) {
            revokeOn = value;
            return this;
        }

        public CertificateSettings build() {
            return new CertificateSettings(
                    keyGeneration,
                    keyType,
                    acceptedKeys,
                    signatureHash,
                    validity,
                    keyUsages,
                    extendedKeyUsages,
                    subject,
                    alternativeNames,
                    archiveKeys,
                    revokeOn);
        }
    }
}
