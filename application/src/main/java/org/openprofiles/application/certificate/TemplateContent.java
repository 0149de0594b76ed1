package org.openprofiles.application.certificate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.PinPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.security.Role;

/**
 * What an administrator writes into a template: name, description, policies, PIN policy and
 * certificate settings (null: the defaults).
 */
public record TemplateContent(
        String name,
        String description,
        Map<ProfileOperation, OperationPolicy> policies,
        PinPolicy pinPolicy,
        CertificateSettings certificateSettings) {

    public TemplateContent {
        policies = policies == null ? Map.of() : Map.copyOf(policies);
        pinPolicy = pinPolicy == null ? PinPolicy.standard() : pinPolicy;
        certificateSettings = certificateSettings == null ? CertificateSettings.defaults() : certificateSettings;
    }

    /** Content with the default certificate settings. */
    public TemplateContent(
            String name, String description, Map<ProfileOperation, OperationPolicy> policies, PinPolicy pinPolicy) {
        this(name, description, policies, pinPolicy, null);
    }

    /** A template as the audit trail keeps it: plain JSON-like values. */
    static Map<String, Object> audited(ProfileTemplate template) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", template.name());
        fields.put("description", template.description());
        fields.put("version", template.version());
        PinPolicy pin = template.pinPolicy();
        fields.put(
                "pinPolicy",
                Map.of(
                        "minLength",
                        pin.minLength(),
                        "maxLength",
                        pin.maxLength(),
                        "requireDigit",
                        pin.requireDigit(),
                        "requireLowercase",
                        pin.requireLowercase(),
                        "requireUppercase",
                        pin.requireUppercase(),
                        "requireSymbol",
                        pin.requireSymbol()));
        Map<String, Object> policies = new TreeMap<>();
        template.policies().forEach((operation, policy) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("enabled", policy.enabled());
            p.put("ownerMayInitiate", policy.ownerMayInitiate());
            p.put(
                    "onBehalfRoles",
                    policy.onBehalfRoles().stream().map(Role::wireName).sorted().toList());
            p.put("approvalsNeeded", policy.approvalsNeeded());
            p.put("approverRole", policy.approverRole().map(Role::wireName).orElse(null));
            p.put("serverGeneratesPin", policy.serverGeneratesPin());
            p.put("userSuppliesPin", policy.userSuppliesPin());
            p.put(
                    "dataCollection",
                    policy.dataCollection().stream()
                            .map(item -> Map.of(
                                    "name", item.name(),
                                    "description", item.description(),
                                    "required", item.required(),
                                    "maxLength", item.maxLength()))
                            .toList());
            policies.put(operation.wireName(), p);
        });
        fields.put("policies", policies);
        fields.put("certificateSettings", CertificateSettingsFields.write(template.certificateSettings()));
        return fields;
    }
}
