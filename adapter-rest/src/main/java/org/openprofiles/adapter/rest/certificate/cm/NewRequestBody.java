package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.TextRules;
import org.openprofiles.application.certificate.InitiateCertificateRequest;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Invalid;

/**
 * The body of {@code POST /requests} in the vendor's lower-case keys, read by hand because the
 * vendor's clients send some values in several shapes: {@code datacollection} as an array or as a
 * string holding one, its items as {@code {"<item name>": "<value>"}} or {@code {"name", "value"}},
 * {@code priority} as a number or a numeric string. {@code profile} is ours:
 * the profile the operation acts on, as the document's {@code smartcard} names a card.
 */
final class NewRequestBody {

    static final String PROFILE_TEMPLATE = "profiletemplateuuid";
    static final String DATA_COLLECTION = "datacollection";
    static final String TARGET = "target";
    static final String TYPE = "type";
    static final String COMMENT = "comment";
    static final String PRIORITY = "priority";
    static final String PROFILE = "profile";

    private static final Set<String> KEYS =
            Set.of(PROFILE_TEMPLATE, DATA_COLLECTION, TARGET, TYPE, COMMENT, PRIORITY, PROFILE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private NewRequestBody() {}

    static InitiateCertificateRequest.Command parse(JsonNode body) {
        VendorBody.object(body, KEYS);
        String typeName = text(body, TYPE, true);
        RequestType type = RequestType.fromName(typeName)
                .orElseThrow(() -> new Invalid(
                        "unsupported_type",
                        TYPE,
                        "type must be one of Enroll, Renew, Recover, RecoverOnBehalf, Duplicate, OnlineUpdate, Unblock, Retire, "
                                + "Disable, Revoke, SuspendOrReinstate (or Reinstate); was '" + typeName + "'"));
        TemplateId template = new TemplateId(Guids.parse(text(body, PROFILE_TEMPLATE, true), PROFILE_TEMPLATE));
        String profileText = text(body, PROFILE, !type.createsProfile());
        Optional<CertificateProfileId> profile = profileText == null
                ? Optional.empty()
                : Optional.of(new CertificateProfileId(Guids.parse(profileText, PROFILE)));
        String target = text(body, TARGET, false);
        Optional<UserId> targetUser =
                target == null || target.isBlank() || target.strip().equalsIgnoreCase("current")
                        ? Optional.empty()
                        : Optional.of(new UserId(Guids.parse(target, TARGET)));
        String comment = text(body, COMMENT, true);
        return new InitiateCertificateRequest.Command(
                type, template, profile, targetUser, dataCollection(body), comment, priority(body));
    }

    private static JsonNode field(JsonNode body, String key) {
        return VendorBody.field(body, key);
    }

    private static String text(JsonNode body, String key, boolean required) {
        JsonNode value = field(body, key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Invalid("required", key, key + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new Invalid("not_a_string", key, key + " must be a string");
        }
        return TextRules.checked(value.asText(), key);
    }

    private static int priority(JsonNode body) {
        JsonNode value = field(body, PRIORITY);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            return 0;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().strip());
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
        }
        throw new Invalid("invalid_priority", PRIORITY, "priority must be a whole number or a numeric string");
    }

    /**
     * {@code datacollection}: an array, or that array as a string (the walkthrough's form, whose
     * typographic quotes are read as straight ones). Each element is our {@code {"name", "value"}}
     * (exactly those two keys, any case) or the vendor's {@code {"<item name>": "<value>"}} (every
     * key an item: {@code create-request.md} sends {@code [{"name":"pavle"},{"city":"seattle"}]}).
     */
    private static List<CertificateRequest.DataItem> dataCollection(JsonNode body) {
        JsonNode value = field(body, DATA_COLLECTION);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            value = parsedText(value.asText());
        }
        if (value == null || !value.isArray()) {
            throw malformedDataCollection();
        }
        List<CertificateRequest.DataItem> items = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw malformedDataCollection();
            }
            JsonNode name = field(element, "name");
            JsonNode itemValue = field(element, "value");
            if (element.size() == 2 && name != null && itemValue != null) {
                if (!name.isTextual()) {
                    throw malformedDataCollection();
                }
                items.add(item(name.asText(), itemValue));
            } else {
                for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) element::fields) {
                    items.add(item(entry.getKey(), entry.getValue()));
                }
            }
            if (items.size() > CertificateRequest.MAX_DATA_ITEMS) {
                throw new Invalid(
                        "too_many",
                        DATA_COLLECTION,
                        "datacollection must have at most " + CertificateRequest.MAX_DATA_ITEMS + " items");
            }
        }
        return items;
    }

    private static JsonNode parsedText(String text) {
        for (String candidate : List.of(text, text.replace('\u201c', '"').replace('\u201d', '"'))) {
            try {
                return JSON.readTree(candidate);
            } catch (Exception e) {
                // the next candidate, or the one message below
            }
        }
        throw malformedDataCollection();
    }

    private static CertificateRequest.DataItem item(String name, JsonNode value) {
        if (value != null && !value.isNull() && !value.isValueNode()) {
            throw malformedDataCollection();
        }
        return new CertificateRequest.DataItem(
                TextRules.checked(name, DATA_COLLECTION),
                value == null || value.isNull() ? "" : TextRules.checked(value.asText(), DATA_COLLECTION));
    }

    private static Invalid malformedDataCollection() {
        return new Invalid(
                "invalid_datacollection",
                DATA_COLLECTION,
                "datacollection must be an array of {\"<item name>\": \"<value>\"} or {\"name\", \"value\"} objects,"
                        + " or that array as a string");
    }
}
