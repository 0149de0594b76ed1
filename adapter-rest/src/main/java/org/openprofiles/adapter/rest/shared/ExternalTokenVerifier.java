package org.openprofiles.adapter.rest.shared;

import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.security.Role;

/**
 * Verifies bearer tokens issued by someone else (an OpenID Connect provider's JWT access tokens).
 * The authentication filter asks it first for tokens that look like JWTs.
 */
public interface ExternalTokenVerifier {

    /** What a verified token says: who (the mapped claim) and, if the issuer sends them, roles. */
    record Identity(String subject, Optional<Set<Role>> roles) {}

    /** True when {@code token} has the shape this verifier handles (e.g. three dot-separated parts). */
    boolean handles(String token);

    /** The verified identity; throws {@code Unauthenticated} when signature, issuer, audience or expiry fail. */
    Identity verify(String token);
}
