package org.openprofiles.application.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.User;

/**
 * What the audit trail keeps of users and tokens: plain JSON-like values (instants as ISO-8601
 * text). A token's secret and hash are deliberately absent.
 */
final class AuditFields {

    static final String USER = "user";
    static final String TOKEN = "api_token";

    private AuditFields() {}

    static Map<String, Object> of(User user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("login", user.login());
        fields.put("displayName", user.displayName());
        fields.put("enabled", user.enabled());
        fields.put("roles", roleNames(user.roles()));
        fields.put("email", user.email().orElse(null));
        fields.put("userPrincipalName", user.userPrincipalName().orElse(null));
        return fields;
    }

    static Map<String, Object> of(ApiToken token) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userId", token.userId().toString());
        fields.put("name", token.name());
        fields.put("expiresAt", token.expiresAt().map(Instant::toString).orElse(null));
        fields.put("revokedAt", token.revokedAt().map(Instant::toString).orElse(null));
        return fields;
    }

    static List<String> roleNames(Set<Role> roles) {
        return roles.stream().map(Role::wireName).sorted().toList();
    }
}
