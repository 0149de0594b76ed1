package org.openprofiles.domain.certificate;

import java.util.Optional;
import org.openprofiles.domain.shared.Invalid;

/**
 * One piece of information a template's operation asks the requester for (the vendor's
 * {@code PolicyDataCollection} item, such as "Request Reason"): its name, a description for the
 * person filling it in, whether it is required, and how long a value may be.
 */
public record DataCollectionItem(String name, String description, boolean required, int maxLength) {

    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_DESCRIPTION_LENGTH = 1024;

    public DataCollectionItem {
        if (name == null || name.isBlank()) {
            throw new Invalid("required", "name", "a data collection item needs a name");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new Invalid(
                    "too_long",
                    "name",
                    "a data collection item's name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        description = description == null ? "" : description.strip();
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new Invalid(
                    "too_long",
                    "description",
                    "a data collection item's description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (maxLength < 1 || maxLength > CertificateRequest.DataItem.MAX_LENGTH) {
            throw new Invalid(
                    "invalid_max_length",
                    "maxLength",
                    "maxLength must be between 1 and " + CertificateRequest.DataItem.MAX_LENGTH + ", was " + maxLength);
        }
    }

    /** An item of any length up to what a request may carry. */
    public static DataCollectionItem of(String name, String description, boolean required) {
        return new DataCollectionItem(name, description, required, CertificateRequest.DataItem.MAX_LENGTH);
    }

    /** Whether {@code itemName} names this item: names compare ignoring case and surrounding spaces. */
    public boolean isNamed(String itemName) {
        return itemName != null && name.equalsIgnoreCase(itemName.strip());
    }

    /** The rule {@code value} breaks (absent or blank when required, too long), naming {@code field}. */
    public Optional<Invalid.Violation> violation(Optional<String> value, String field) {
        if (value.isEmpty() || value.get().isBlank()) {
            return required
                    ? Optional.of(new Invalid.Violation(
                            field, "data_collection_item_required", "the template requires the item '" + name + "'"))
                    : Optional.empty();
        }
        if (value.get().length() > maxLength) {
            return Optional.of(new Invalid.Violation(
                    field,
                    "data_collection_item_too_long",
                    "the item '" + name + "' must be at most " + maxLength + " characters"));
        }
        return Optional.empty();
    }
}
