package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
 * vendor's clients send some values in two shapes: {@code datacollection} as an array or as the
 * string {@code "[]"}, {@code priority} as a number or a numeric string. {@code profile} is ours:
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
        if (body == null || !body.isObject()) {
            throw new Invalid("body_required", "body", "the body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new Invalid("unknown_field", name, "unknown field '" + name + "'");
            }
        }
        String typeName = text(body, TYPE, true);
        RequestType type = RequestType.fromName(typeName)
                .orElseThrow(() -> new Invalid(
                        "unsupported_type",
                        TYPE,
                        "type must be one of Enroll, Renew, Recover, RecoverOnBehalf, Duplicate, OnlineUpdate, Unblock, Retire, "
                                + "Disable, SuspendOrReinstate (or Reinstate); was '" + typeName + "'"));
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
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
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
        if (value.isInt()) {
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

    private static List<CertificateRequest.DataItem> dataCollection(JsonNode body) {
        JsonNode value = field(body, DATA_COLLECTION);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            try {
                value = JSON.readTree(value.asText());
            } catch (Exception e) {
                throw new Invalid(
                        "invalid_datacollection",
                        DATA_COLLECTION,
                        "datacollection must be an array of {name, value} or that array as a string");
            }
        }
        if (value == null || !value.isArray()) {
            throw new Invalid(
                    "invalid_datacollection",
                    DATA_COLLECTION,
                    "datacollection must be an array of {name, value} or that array as a string");
        }
        if (value.size() > CertificateRequest.MAX_DATA_ITEMS) {
            throw new Invalid(
                    "too_many",
                    DATA_COLLECTION,
                    "datacollection must have at most " + CertificateRequest.MAX_DATA_ITEMS + " items");
        }
        List<CertificateRequest.DataItem> items = new ArrayList<>();
        for (JsonNode item : value) {
            JsonNode name = item.isObject() ? field(item, "name") : null;
            JsonNode itemValue = item.isObject() ? field(item, "value") : null;
            if (name == null
                    || !name.isTextual()
                    || (itemValue != null && !itemValue.isNull() && !itemValue.isValueNode())) {
                throw new Invalid(
                        "invalid_datacollection",
                        DATA_COLLECTION,
                        "every datacollection item must be {\"name\": text, \"value\": text}");
            }
            items.add(new CertificateRequest.DataItem(
                    TextRules.checked(name.asText(), DATA_COLLECTION),
                    itemValue == null || itemValue.isNull()
                            ? ""
                            : TextRules.checked(itemValue.asText(), DATA_COLLECTION)));
        }
        return items;
    }
}
