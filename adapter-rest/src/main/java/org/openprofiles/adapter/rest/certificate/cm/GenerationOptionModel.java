package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.openprofiles.application.certificate.GetCertificateGenerationOptions;
import org.openprofiles.domain.certificate.pki.KeyAlgorithm;
import org.openprofiles.domain.certificate.pki.KeyUsage;

/**
 * The vendor's {@code CertificateRequestGenerationOptions}: how to make one key pair and its
 * PKCS#10 request. Names and numbers follow Windows' {@code CertificateRequestProperties}: key
 * algorithms {@code RSA}, {@code ECDSA_P256} …, {@code KeyUsages} as its flags (Decryption 1,
 * Signing 2, KeyAgreement 4), {@code Exportable} and {@code KeyProtectionLevel} 0.
 */
@JsonPropertyOrder({
    "Subject",
    "KeyAlgorithmName",
    "KeySize",
    "FriendlyName",
    "HashAlgorithmName",
    "KeyStorageProviderNames",
    "Exportable",
    "KeyProtectionLevel",
    "KeyUsages"
})
public record GenerationOptionModel(
        @JsonProperty("Subject") String subject,
        @JsonProperty("KeyAlgorithmName") String keyAlgorithmName,
        @JsonProperty("KeySize") int keySize,
        @JsonProperty("FriendlyName") String friendlyName,
        @JsonProperty("HashAlgorithmName") String hashAlgorithmName,
        @JsonProperty("KeyStorageProviderNames") List<String> keyStorageProviderNames,
        @JsonProperty("Exportable") int exportable,
        @JsonProperty("KeyProtectionLevel") int keyProtectionLevel,
        @JsonProperty("KeyUsages") int keyUsages) {

    /** The software key storage provider of Windows: software profiles keep their keys there. */
    static final String SOFTWARE_KSP = "Microsoft Software Key Storage Provider";

    public static GenerationOptionModel from(GetCertificateGenerationOptions.Option option) {
        boolean rsa = option.keyType().algorithm() == KeyAlgorithm.RSA;
        int usages = 0;
        for (KeyUsage usage : option.keyUsages()) {
            usages |= switch (usage) {
                case KEY_ENCIPHERMENT, DATA_ENCIPHERMENT -> 1;
                case KEY_AGREEMENT -> 4;
                default -> 2;
            };
        }
        return new GenerationOptionModel(
                option.subject(),
                rsa ? "RSA" : "ECDSA_" + option.keyType().curve().name(),
                option.keyType().size(),
                option.friendlyName(),
                option.hash().name(),
                List.of(SOFTWARE_KSP),
                0,
                0,
                usages);
    }
}
