package org.openprofiles.domain.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;

/**
 * A responsible person's decision that one deviation of one account is acceptable, with the
 * reason, until an optional expiry. While in force the deviation does not make the account
 * non-compliant (the report still shows it, as accepted); from its expiry on it counts again.
 */
public record DeviationAcceptance(
        AcceptanceId id,
        AccountId account,
        DeviationKey deviation,
        String comment,
        Optional<Instant> expiresAt,
        UserId acceptedBy,
        Instant acceptedAt) {

    public static final int MAX_COMMENT_LENGTH = 1024;

    public DeviationAcceptance {
        if (id == null || account == null || deviation == null || acceptedBy == null || acceptedAt == null) {
            throw new IllegalArgumentException("incomplete acceptance");
        }
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
        comment = comment == null ? "" : comment.strip();
        if (comment.isEmpty()) {
            throw new Invalid("required", "comment", "accepting a deviation requires a comment");
        }
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new Invalid("too_long", "comment", "comment must be at most " + MAX_COMMENT_LENGTH + " characters");
        }
    }

    /** A new acceptance by {@code by} at {@code now}; an expiry must lie in the future. */
    public static DeviationAcceptance accept(
            AccountId account,
            DeviationKey deviation,
            String comment,
            Optional<Instant> expiresAt,
            UserId by,
            Instant now) {
        if (expiresAt != null && expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw new Invalid("expiry_in_the_past", "expiresAt", "expiresAt must lie in the future");
        }
        return new DeviationAcceptance(AcceptanceId.random(), account, deviation, comment, expiresAt, by, now);
    }

    /** Whether the acceptance holds at {@code at}: it has no expiry, or expires later. */
    public boolean inForceAt(Instant at) {
        return expiresAt.map(e -> e.isAfter(at)).orElse(true);
    }

    /** The fields the audit trail keeps. */
    public Map<String, Object> auditFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accountId", account.toString());
        fields.put("deviation", deviation.kind().code());
        deviation.profile().ifPresent(p -> fields.put("profileId", p.toString()));
        deviation.group().ifPresent(g -> fields.put("groupId", g.toString()));
        deviation.attribute().ifPresent(a -> fields.put("attribute", a));
        fields.put("comment", comment);
        fields.put("expiresAt", expiresAt.map(Instant::toString).orElse(null));
        return fields;
    }

    /** The failure for an acceptance that does not exist. */
    public static NotFound notFound(AcceptanceId id) {
        return new NotFound("acceptance_not_found", "id", "no acceptance " + id);
    }
}
