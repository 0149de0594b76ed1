package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRequest;

/**
 * A {@code Microsoft.Clm.Shared.Requests.Request} as the Certificate Management documents show it:
 * PascalCase names, RequestType and Status as integers, the nil GUID for absent profiles and smart
 * cards, Submitted in UTC with {@code Z}, Completed {@code 0001-01-01T00:00:00} until completed.
 * {@code Pin} (ours) appears only in the response that completes a request whose PIN the server set.
 */
@JsonPropertyOrder({
    "Uuid",
    "RequestType",
    "Status",
    "Flags",
    "DataCollection",
    "DataCollectionFlags",
    "OriginatorUserUuid",
    "TargetUserUuid",
    "Submitted",
    "Completed",
    "NewProfileUuid",
    "OldProfileUuid",
    "NewSmartcardUuid",
    "OldSmartcardUuid",
    "Priority",
    "Comment",
    "ProfileTemplateUuid",
    "SecurityDescriptor",
    "IsSmartcard",
    "IsEnrollmentAgent",
    "IsDataCollectionComplete",
    "Pin"
})
public record RequestModel(
        @JsonProperty("Uuid") String uuid,
        @JsonProperty("RequestType") int requestType,
        @JsonProperty("Status") int status,
        @JsonProperty("Flags") int flags,
        @JsonProperty("DataCollection") List<Item> dataCollection,
        @JsonProperty("DataCollectionFlags") int dataCollectionFlags,
        @JsonProperty("OriginatorUserUuid") String originatorUserUuid,
        @JsonProperty("TargetUserUuid") String targetUserUuid,
        @JsonProperty("Submitted") String submitted,
        @JsonProperty("Completed") String completed,
        @JsonProperty("NewProfileUuid") String newProfileUuid,
        @JsonProperty("OldProfileUuid") String oldProfileUuid,
        @JsonProperty("NewSmartcardUuid") String newSmartcardUuid,
        @JsonProperty("OldSmartcardUuid") String oldSmartcardUuid,
        @JsonProperty("Priority") int priority,
        @JsonProperty("Comment") String comment,
        @JsonProperty("ProfileTemplateUuid") String profileTemplateUuid,
        @JsonProperty("SecurityDescriptor") String securityDescriptor,
        @JsonProperty("IsSmartcard") boolean isSmartcard,
        @JsonProperty("IsEnrollmentAgent") boolean isEnrollmentAgent,
        @JsonProperty("IsDataCollectionComplete") boolean isDataCollectionComplete,

        @JsonProperty("Pin") @JsonInclude(JsonInclude.Include.NON_NULL)
        String pin) {

    /** How the vendor writes "not completed yet". */
    public static final String NOT_COMPLETED = "0001-01-01T00:00:00";

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** One data-collection item. */
    @JsonPropertyOrder({"Name", "Value"})
    public record Item(
            @JsonProperty("Name") String name,
            @JsonProperty("Value") String value) {}

    public static RequestModel from(CertificateRequest r) {
        return new RequestModel(
                r.id().toString(),
                r.type().code(),
                r.status().code(),
                0,
                r.dataCollection().stream()
                        .map(item -> new Item(item.name(), item.value()))
                        .toList(),
                0,
                r.originator().toString(),
                r.target().toString(),
                time(r.submitted()),
                r.completed().map(RequestModel::time).orElse(NOT_COMPLETED),
                Guids.write(r.newProfile().map(CertificateProfileId::value)),
                Guids.write(r.oldProfile().map(CertificateProfileId::value)),
                Guids.NIL,
                Guids.NIL,
                r.priority(),
                r.comment(),
                r.template().toString(),
                "",
                false,
                false,
                true,
                null);
    }

    /** This Request with the PIN the server generated: our extension, present in the completion response only. */
    public RequestModel withPin(Optional<String> generated) {
        return new RequestModel(
                uuid,
                requestType,
                status,
                flags,
                dataCollection,
                dataCollectionFlags,
                originatorUserUuid,
                targetUserUuid,
                submitted,
                completed,
                newProfileUuid,
                oldProfileUuid,
                newSmartcardUuid,
                oldSmartcardUuid,
                priority,
                comment,
                profileTemplateUuid,
                securityDescriptor,
                isSmartcard,
                isEnrollmentAgent,
                isDataCollectionComplete,
                generated.orElse(null));
    }

    private static String time(Instant instant) {
        return UTC.format(instant);
    }
}
