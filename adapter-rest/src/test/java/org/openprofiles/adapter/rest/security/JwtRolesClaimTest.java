package org.openprofiles.adapter.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** The shapes a provider's roles claim comes in, read into the service's roles. */
class JwtRolesClaimTest {

    private static Set<Role> roles(JWTClaimsSet.Builder claims, String path) {
        return JwtVerifier.roles(claims.build(), path);
    }

    @Test
    void aListOfWireNamesIgnoringUnknownOnes() {
        assertEquals(
                EnumSet.of(Role.CM_AGENT, Role.PROFILE_READER),
                roles(
                        new JWTClaimsSet.Builder()
                                .claim("roles", List.of("cm-agent", "Profile-Reader", "uma_authorization")),
                        "roles"));
    }

    @Test
    void aSpaceOrCommaSeparatedString() {
        assertEquals(
                EnumSet.of(Role.ADMIN, Role.CM_APPROVER),
                roles(new JWTClaimsSet.Builder().claim("scope", "openid admin,cm-approver"), "scope"));
    }

    @Test
    void aDottedPathIntoNestedObjects() {
        assertEquals(
                EnumSet.of(Role.PROFILE_MANAGER),
                roles(
                        new JWTClaimsSet.Builder().claim("realm_access", Map.of("roles", List.of("profile-manager"))),
                        "realm_access.roles"));
    }

    @Test
    void aMissingClaimOrAnotherShapeMeansNoRoles() {
        assertEquals(Set.of(), roles(new JWTClaimsSet.Builder(), "roles"));
        assertEquals(Set.of(), roles(new JWTClaimsSet.Builder().claim("roles", 42), "roles"));
        assertEquals(Set.of(), roles(new JWTClaimsSet.Builder().claim("realm_access", "admin"), "realm_access.roles"));
    }
}
