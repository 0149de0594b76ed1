package org.openprofiles.adapter.rest.certificate.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.certificate.CertificateSettingsFields;
import org.openprofiles.application.certificate.TemplateContent;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.DataCollectionItem;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.PinPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.shared.Invalid;

/**
 * A profile template on the admin API (camelCase): written by the server, and read back on create
 * and update. {@code certificateSettings} is the form {@link CertificateSettingsFields} reads and
 * writes; left out, the template gets the defaults.
 */
@JsonPropertyOrder({
    "id",
    "name",
    "description",
    "version",
    "pinPolicy",
    "policies",
    "certificateSettings",
    "createdAt",
    "updatedAt"
})
public record TemplateModel(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("version") Long version,
        @JsonProperty("pinPolicy") PinPolicyModel pinPolicy,
        @JsonProperty("policies") Map<String, PolicyModel> policies,
        @JsonProperty("certificateSettings") Map<String, Object> certificateSettings,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("updatedAt") Instant updatedAt) {

    /** The PIN rules for user-supplied PINs. */
    public record PinPolicyModel(
            @JsonProperty("minLength") int minLength,
            @JsonProperty("maxLength") int maxLength,
            @JsonProperty("requireDigit") boolean requireDigit,
            @JsonProperty("requireLowercase") boolean requireLowercase,
            @JsonProperty("requireUppercase") boolean requireUppercase,
            @JsonProperty("requireSymbol") boolean requireSymbol) {

        static PinPolicyModel from(PinPolicy pin) {
            return new PinPolicyModel(
                    pin.minLength(),
                    pin.maxLength(),
                    pin.requireDigit(),
                    pin.requireLowercase(),
                    pin.requireUppercase(),
                    pin.requireSymbol());
        }

        PinPolicy toDomain() {
            return new PinPolicy(minLength, maxLength, requireDigit, requireLowercase, requireUppercase, requireSymbol);
        }
    }

    /** One operation's policy; omitted fields take the defaults shown in docs/certificate-profiles.md. */
    @JsonPropertyOrder({
        "enabled",
        "ownerMayInitiate",
        "onBehalfRoles",
        "approvalsNeeded",
        "approverRole",
        "serverGeneratesPin",
        "userSuppliesPin",
        "dataCollection"
    })
    public record PolicyModel(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("ownerMayInitiate") Boolean ownerMayInitiate,
            @JsonProperty("onBehalfRoles") List<String> onBehalfRoles,
            @JsonProperty("approvalsNeeded") Integer approvalsNeeded,
            @JsonProperty("approverRole") String approverRole,
            @JsonProperty("serverGeneratesPin") Boolean serverGeneratesPin,
            @JsonProperty("userSuppliesPin") Boolean userSuppliesPin,
            @JsonProperty("dataCollection") List<DataCollectionItemModel> dataCollection) {

        static PolicyModel from(OperationPolicy policy) {
            return new PolicyModel(
                    policy.enabled(),
                    policy.ownerMayInitiate(),
                    policy.onBehalfRoles().stream().map(Role::wireName).sorted().toList(),
                    policy.approvalsNeeded(),
                    policy.approverRole().map(Role::wireName).orElse(null),
                    policy.serverGeneratesPin(),
                    policy.userSuppliesPin(),
                    policy.dataCollection().stream()
                            .map(DataCollectionItemModel::from)
                            .toList());
        }

        OperationPolicy toDomain(String field) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : onBehalfRoles == null ? List.<String>of() : onBehalfRoles) {
                roles.add(role(role, field + ".onBehalfRoles"));
            }
            Optional<Role> approver = approverRole == null || approverRole.isBlank()
                    ? Optional.empty()
                    : Optional.of(role(approverRole, field + ".approverRole"));
            List<DataCollectionItem> items = new ArrayList<>();
            List<DataCollectionItemModel> given = dataCollection == null ? List.of() : dataCollection;
            for (int i = 0; i < given.size(); i++) {
                String itemField = field + ".dataCollection[" + i + "]";
                if (given.get(i) == null) {
                    throw new Invalid("required", itemField, itemField + " must be an item object");
                }
                items.add(within(itemField, given.get(i)::toDomain));
            }
            return within(
                    field,
                    () -> new OperationPolicy(
                            enabled == null || enabled,
                            ownerMayInitiate == null || ownerMayInitiate,
                            roles,
                            approvalsNeeded == null ? 0 : approvalsNeeded,
                            approver,
                            serverGeneratesPin != null && serverGeneratesPin,
                            userSuppliesPin != null && userSuppliesPin,
                            items));
        }

        /** Runs {@code parse}, naming the field of a refusal under {@code prefix}. */
        private static <T> T within(String prefix, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (Invalid invalid) {
                throw new Invalid(invalid.code(), prefix + "." + invalid.field().orElse(""), invalid.getMessage());
            }
        }

        private static Role role(String name, String field) {
            return Role.fromWireName(name)
                    .orElseThrow(() -> new Invalid(
                            "unknown_role",
                            field,
                            "unknown role '" + name
                                    + "'; roles are admin, profile-manager, profile-reader, cm-agent, cm-approver"));
        }
    }

    /** One item a policy asks the requester for; {@code required} defaults to false, {@code maxLength} to 4096. */
    @JsonPropertyOrder({"name", "description", "required", "maxLength"})
    public record DataCollectionItemModel(
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("required") Boolean required,
            @JsonProperty("maxLength") Integer maxLength) {

        static DataCollectionItemModel from(DataCollectionItem item) {
            return new DataCollectionItemModel(item.name(), item.description(), item.required(), item.maxLength());
        }

        DataCollectionItem toDomain() {
            return new DataCollectionItem(
                    name,
                    description,
                    required != null && required,
                    maxLength == null ? CertificateRequest.DataItem.MAX_LENGTH : maxLength);
        }
    }

    public static TemplateModel from(ProfileTemplate template) {
        Map<String, PolicyModel> policies = new LinkedHashMap<>();
        template.policies()
                .forEach((operation, policy) -> policies.put(operation.wireName(), PolicyModel.from(policy)));
        return new TemplateModel(
                template.id().toString(),
                template.name(),
                template.description(),
                template.version(),
                PinPolicyModel.from(template.pinPolicy()),
                policies,
                CertificateSettingsFields.write(template.certificateSettings()),
                template.createdAt(),
                template.updatedAt());
    }

    /** The content an administrator sent; unknown operations and roles are a 400 naming them. */
    TemplateContent content() {
        Map<ProfileOperation, OperationPolicy> parsed = new LinkedHashMap<>();
        if (policies != null) {
            policies.forEach((name, policy) -> {
                String field = "policies." + name;
                ProfileOperation operation = ProfileOperation.fromWireName(name)
                        .orElseThrow(() -> new Invalid(
                                "unknown_operation",
                                field,
                                "unknown operation '" + name + "'; operations are "
                                        + String.join(
                                                ", ",
                                                Arrays.stream(ProfileOperation.values())
                                                        .map(ProfileOperation::wireName)
                                                        .toList())));
                if (policy == null) {
                    throw new Invalid("required", field, field + " must be a policy object");
                }
                parsed.put(operation, policy.toDomain(field));
            });
        }
        return new TemplateContent(
                name,
                description,
                parsed,
                pinPolicy == null ? null : pinPolicy.toDomain(),
                CertificateSettingsFields.read(certificateSettings));
    }
}
