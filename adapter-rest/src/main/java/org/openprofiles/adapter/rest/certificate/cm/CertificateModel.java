package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Base64;
import org.openprofiles.application.certificate.SubmitCertificateData;

/**
 * The vendor's {@code Microsoft.Clm.Shared.Certificates.Certificate}, one per certificate handed
 * over by {@code POST …/certificatedata}, with the vendor's own mixed casing ({@code isPfx} …):
 * a certs-only PKCS#7 (base64) for a key the client made, a PFX (base64, protected by the client's
 * {@code pfxpassword}) for a key the server made or an archived key handed back as key history.
 */
@JsonPropertyOrder({
    "TemplateCommonName",
    "CertificateId",
    "Flags",
    "UseLocalMachineStore",
    "Error",
    "Pkcs7",
    "Pfx",
    "IsExternal",
    "isServerGenerated",
    "isPfx",
    "isPkcs7",
    "isKeyHistory"
})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CertificateModel(
        @JsonProperty("TemplateCommonName") String templateCommonName,
        @JsonProperty("CertificateId") long certificateId,
        @JsonProperty("Flags") int flags,
        @JsonProperty("UseLocalMachineStore") boolean useLocalMachineStore,
        @JsonProperty("Error") String error,
        @JsonProperty("Pkcs7") String pkcs7,
        @JsonProperty("Pfx") String pfx,
        @JsonProperty("IsExternal") boolean isExternal,
        @JsonProperty("isServerGenerated") boolean isServerGenerated,
        @JsonProperty("isPfx") boolean isPfx,
        @JsonProperty("isPkcs7") boolean isPkcs7,
        @JsonProperty("isKeyHistory") boolean isKeyHistory) {

    public static CertificateModel from(SubmitCertificateData.Delivery delivery) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new CertificateModel(
                delivery.record().templateName(),
                delivery.record().number(),
                0,
                false,
                null,
                delivery.pkcs7().map(base64::encodeToString).orElse(null),
                delivery.pfx().map(base64::encodeToString).orElse(null),
                false,
                delivery.serverGenerated(),
                delivery.pfx().isPresent(),
                delivery.pkcs7().isPresent(),
                delivery.keyHistory());
    }

    /** Never prints the PFX (it holds a private key). */
    @Override
    public String toString() {
        return "CertificateModel[" + certificateId + (pfx != null ? ", PFX hidden" : "") + "]";
    }
}
