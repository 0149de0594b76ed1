package org.openprofiles.domain.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller could not be identified: no, bad, expired or revoked credentials. When the
 * credential was genuine but unusable (revoked, expired, its user disabled), {@link #user()}
 * names the user it belongs to, so that repeated failures can be counted against that user.
 */
public final class Unauthenticated extends DomainFailure {

    private final UUID user;

    public Unauthenticated(String code, String message) {
        super(code, null, message);
        this.user = null;
    }

    public Unauthenticated(String code, String field, String message) {
        super(code, field, message);
        this.user = null;
    }

    /** A refusal of a genuine credential of {@code user} (a user id). */
    public static Unauthenticated of(UUID user, String code, String message) {
        return new Unauthenticated(user, code, message);
    }

    private Unauthenticated(UUID user, String code, String message) {
        super(code, null, message);
        this.user = user;
    }

    /** The user whose genuine but unusable credential was refused, when known. */
    public Optional<UUID> user() {
        return Optional.ofNullable(user);
    }
}
