package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.openprofiles.domain.access.AttributeCatalog;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.ProfileSettings;

/**
 * The vendor's form templates, field for field and in its order: the {@code Container} of the
 * Configuration route and the {@code LdapAttributePicker} of the Attributes route, with the
 * {@code Checkbox}, {@code DatePicker} and text-input templates inside. Rule and attribute fields
 * the service does not use are written as the document writes them (null / false).
 */
public final class FormTemplates {

    /** The .NET type tag of text-input constraints, as the vendor writes it. */
    public static final String TEXT_CONSTRAINTS_TYPE =
            "pn.formTemplates.resourceTemplates.TextInputConstraints, pn.formTemplates";

    private static final String CONFIGURATION_LABEL = "Treat accounts without department profiles as non-compliant.";

    private FormTemplates() {}

    /** Any template a container or picker holds. */
    @Schema(anyOf = {Checkbox.class, DatePicker.class, TextInput.class})
    public sealed interface Template permits Checkbox, DatePicker, TextInput {}

    /** A key and the template that edits its value. */
    @JsonPropertyOrder({"key", "value"})
    public record Keyed(
            @JsonProperty("key") String key,
            @JsonProperty("value") Template value) {}

    /**
     * The fields every field template ends with, in the vendor's order: how the field is labelled
     * and shown. Only the label varies here; the rules are the document's nulls.
     */
    @JsonPropertyOrder({
        "description",
        "customError",
        "allowApply",
        "label",
        "isEnabled",
        "isEnabledRule",
        "parsedIsEnabledRule",
        "customAttributes",
        "isHidden",
        "isVisibleRule",
        "parsedIsVisibleRule"
    })
    public record Presentation(
            @JsonProperty("description") String description,
            @JsonProperty("customError") String customError,
            @JsonProperty("allowApply") boolean allowApply,
            @JsonProperty("label") String label,
            @JsonProperty("isEnabled") boolean isEnabled,
            @JsonProperty("isEnabledRule") Object isEnabledRule,
            @JsonProperty("parsedIsEnabledRule") Object parsedIsEnabledRule,
            @JsonProperty("customAttributes") Object customAttributes,
            @JsonProperty("isHidden") boolean isHidden,
            @JsonProperty("isVisibleRule") Object isVisibleRule,
            @JsonProperty("parsedIsVisibleRule") Object parsedIsVisibleRule) {

        static Presentation labelled(String label) {
            return new Presentation(null, null, true, label, true, null, null, null, false, null, null);
        }
    }

    /** The Configuration route's body. */
    @JsonPropertyOrder({
        "Type",
        "label",
        "templates",
        "summary",
        "customAttributes",
        "isHidden",
        "isVisibleRule",
        "parsedIsVisibleRule"
    })
    public record Container(
            @JsonProperty("Type") String type,
            @JsonProperty("label") String label,
            @JsonProperty("templates") List<Keyed> templates,
            @JsonProperty("summary") String summary,
            @JsonProperty("customAttributes") Object customAttributes,
            @JsonProperty("isHidden") boolean isHidden,
            @JsonProperty("isVisibleRule") Object isVisibleRule,
            @JsonProperty("parsedIsVisibleRule") Object parsedIsVisibleRule) {}

    /** The Attributes route's body. */
    @JsonPropertyOrder({"Type", "availableAttributes"})
    public record LdapAttributePicker(
            @JsonProperty("Type") String type,
            @JsonProperty("availableAttributes") List<Keyed> availableAttributes) {}

    /** A Checkbox template: a yes/no field. */
    @JsonPropertyOrder({"Type", "summary", "value", "defaultValue", "isRequired", "presentation"})
    public record Checkbox(
            @JsonProperty("Type") String type,
            @JsonProperty("summary") String summary,
            @JsonProperty("value") boolean value,
            @JsonProperty("defaultValue") boolean defaultValue,
            @JsonProperty("isRequired") boolean isRequired,
            @JsonUnwrapped Presentation presentation)
            implements Template {

        static Checkbox of(String label, boolean value, boolean defaultValue, boolean required) {
            return new Checkbox(
                    "Checkbox", value ? "True" : "False", value, defaultValue, required, Presentation.labelled(label));
        }
    }

    /** A DatePicker template: a date field with its script format. */
    @JsonPropertyOrder({
        "Type",
        "scriptParameterFormat",
        "summary",
        "startDateMayBeInThePast",
        "value",
        "defaultValue",
        "isRequired",
        "presentation"
    })
    public record DatePicker(
            @JsonProperty("Type") String type,
            @JsonProperty("scriptParameterFormat") String scriptParameterFormat,
            @JsonProperty("summary") String summary,
            @JsonProperty("startDateMayBeInThePast") boolean startDateMayBeInThePast,
            @JsonProperty("value") String value,
            @JsonProperty("defaultValue") String defaultValue,
            @JsonProperty("isRequired") boolean isRequired,
            @JsonUnwrapped Presentation presentation)
            implements Template {}

    /** A TextField template: free text with its constraints. */
    @JsonPropertyOrder({
        "Type",
        "postfixText",
        "dynamicQuery",
        "dynamicResultWasSet",
        "isRequired",
        "constraints",
        "summary",
        "value",
        "defaultValue",
        "presentation"
    })
    public record TextInput(
            @JsonProperty("Type") String type,
            @JsonProperty("postfixText") String postfixText,
            @JsonProperty("dynamicQuery") Object dynamicQuery,
            @JsonProperty("dynamicResultWasSet") boolean dynamicResultWasSet,
            @JsonProperty("isRequired") boolean isRequired,
            @JsonProperty("constraints") Constraints constraints,
            @JsonProperty("summary") String summary,
            @JsonProperty("value") String value,
            @JsonProperty("defaultValue") String defaultValue,
            @JsonUnwrapped Presentation presentation)
            implements Template {}

    /** The constraints of a TextField, as the vendor's form templates carry them. */
    @JsonPropertyOrder({
        "$type",
        "isDirty",
        "creationRule",
        "maxLength",
        "forbiddenChars",
        "isRequired",
        "validationRule",
        "validationInformation",
        "allowOnlyDefinedValues",
        "definedValues",
        "uniquenessConstraint"
    })
    public record Constraints(
            @JsonProperty("$type") String type,
            @JsonProperty("isDirty") boolean isDirty,
            @JsonProperty("creationRule") Object creationRule,
            @JsonProperty("maxLength") Integer maxLength,
            @JsonProperty("forbiddenChars") String forbiddenChars,
            @JsonProperty("isRequired") boolean isRequired,
            @JsonProperty("validationRule") Object validationRule,
            @JsonProperty("validationInformation") Object validationInformation,
            @JsonProperty("allowOnlyDefinedValues") boolean allowOnlyDefinedValues,
            @JsonProperty("definedValues") List<String> definedValues,
            @JsonProperty("uniquenessConstraint") Object uniquenessConstraint) {}

    static Container configuration(ProfileSettings settings) {
        return new Container(
                "Container",
                null,
                List.of(new Keyed(
                        ProfileSettings.UNASSIGNED_ARE_NON_COMPLIANT,
                        Checkbox.of(
                                CONFIGURATION_LABEL,
                                settings.unassignedAccountsAreNonCompliant(),
                                ProfileSettings.DEFAULTS.unassignedAccountsAreNonCompliant(),
                                false))),
                null,
                null,
                false,
                null,
                null);
    }

    static LdapAttributePicker attributes(AttributeCatalog catalog) {
        return new LdapAttributePicker(
                "LdapAttributePicker",
                catalog.definitions().values().stream()
                        .map(d -> new Keyed(d.key(), template(d)))
                        .toList());
    }

    static Template template(AttributeDefinition d) {
        String value = d.defaultValue().isEmpty() ? null : d.defaultValue();
        return switch (d.type()) {
            case CHECKBOX -> Checkbox.of(d.label(), "true".equals(value), "true".equals(value), d.required());
            case DATE_PICKER ->
                new DatePicker(
                        "DatePicker",
                        null,
                        value == null ? null : dateSummary(value),
                        false,
                        value,
                        value,
                        d.required(),
                        Presentation.labelled(d.label()));
            case TEXT_FIELD, NUMBER_FIELD, COMBO_BOX ->
                new TextInput(
                        d.type().wireName(),
                        null,
                        null,
                        false,
                        d.required(),
                        new Constraints(
                                TEXT_CONSTRAINTS_TYPE,
                                false,
                                null,
                                d.maxLength().orElse(null),
                                d.forbiddenChars().isEmpty() ? null : d.forbiddenChars(),
                                d.required(),
                                null,
                                null,
                                d.allowOnlyDefinedValues(),
                                d.definedValues().isEmpty() ? null : d.definedValues(),
                                null),
                        value,
                        value,
                        value,
                        Presentation.labelled(d.label()));
        };
    }

    /** {@code 0001-01-01T00:00:00} → {@code 1/1/0001}, as the document summarises a date. */
    private static String dateSummary(String value) {
        try {
            LocalDateTime date = LocalDateTime.parse(value);
            return date.getMonthValue() + "/" + date.getDayOfMonth() + "/"
                    + String.format(Locale.ROOT, "%04d", date.getYear());
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
