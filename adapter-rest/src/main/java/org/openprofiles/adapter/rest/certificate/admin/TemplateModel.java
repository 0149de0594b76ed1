package org.openprofiles.adapter.rest.certificate.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.certificate.TemplateContent;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.PinPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.shared.Invalid;

/** A profile template on the admin API (camelCase): written by the server, and read back on create and update. */
@JsonPropertyOrder({"id", "name", "description", "version", "pinPolicy", "policies", "createdAt", "updatedAt"})
public record TemplateModel(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("version") Long version,
        @JsonProperty("pinPolicy") PinPolicyModel pinPolicy,
        @JsonProperty("policies") Map<String, PolicyModel> policies,
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
        "serverGeneratesPin"
    })
    public record PolicyModel(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("ownerMayInitiate") Boolean ownerMayInitiate,
            @JsonProperty("onBehalfRoles") List<String> onBehalfRoles,
            @JsonProperty("approvalsNeeded") Integer approvalsNeeded,
            @JsonProperty("approverRole") String approverRole,
            @JsonProperty("serverGeneratesPin") Boolean serverGeneratesPin) {

        static PolicyModel from(OperationPolicy policy) {
            return new PolicyModel(
                    policy.enabled(),
                    policy.ownerMayInitiate(),
                    policy.onBehalfRoles().stream().map(Role::wireName).sorted().toList(),
                    policy.approvalsNeeded(),
                    policy.approverRole().map(Role::wireName).orElse(null),
                    policy.serverGeneratesPin());
        }

        OperationPolicy toDomain(String field) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : onBehalfRoles == null ? List.<String>of() : onBehalfRoles) {
                roles.add(role(role, field + ".onBehalfRoles"));
            }
            Optional<Role> approver = approverRole == null || approverRole.isBlank()
                    ? Optional.empty()
                    : Optional.of(role(approverRole, field + ".approverRole"));
            try {
                return new OperationPolicy(
                        enabled == null || enabled,
                        ownerMayInitiate == null || ownerMayInitiate,
                        roles,
                        approvalsNeeded == null ? 0 : approvalsNeeded,
                        approver,
                        serverGeneratesPin != null && serverGeneratesPin);
            } catch (Invalid invalid) {
                throw new Invalid(invalid.code(), field + "." + invalid.field().orElse(""), invalid.getMessage());
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
        return new TemplateContent(name, description, parsed, pinPolicy == null ? null : pinPolicy.toDomain());
    }
}
