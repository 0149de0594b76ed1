package org.openprofiles.domain.certificate;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What executing a request does to profiles, one row per request type: the status the profile it
 * acts on ends in, and the successor it gets. Renew retires the old profile and issues a child,
 * Recover disables it and issues a child, Duplicate issues a copy linked as primary, Disable and
 * Retire end it, Revoke disables it (its certificates are revoked), SuspendOrReinstate toggles
 * Active and Suspended; the others leave it as it is.
 * Enroll acts on no profile: it issues a new one ({@link #enroll}).
 */
public final class RequestEffect {

    /** The profile a request creates next to the one it acts on. */
    public enum Successor {
        /** None: the request changes only the profile it acts on. */
        NONE,
        /** A new profile whose parent is the old one (Renew, Recover). */
        CHILD,
        /** A new profile whose primary is the old one's primary, or the old one (Duplicate). */
        COPY
    }

    private record Row(UnaryOperator<ProfileStatus> statusAfter, Successor successor) {}

    private static final Map<RequestType, Row> TABLE = new EnumMap<>(RequestType.class);

    static {
        TABLE.put(RequestType.RENEW, new Row(s -> ProfileStatus.RETIRED, Successor.CHILD));
        TABLE.put(RequestType.RECOVER, new Row(s -> ProfileStatus.DISABLED, Successor.CHILD));
        TABLE.put(RequestType.DUPLICATE, new Row(s -> s, Successor.COPY));
        TABLE.put(RequestType.DISABLE, new Row(s -> ProfileStatus.DISABLED, Successor.NONE));
        TABLE.put(RequestType.RETIRE, new Row(s -> ProfileStatus.RETIRED, Successor.NONE));
        TABLE.put(RequestType.REVOKE, new Row(s -> ProfileStatus.DISABLED, Successor.NONE));
        TABLE.put(
                RequestType.SUSPENDORREINSTATE,
                new Row(
                        s -> s == ProfileStatus.SUSPENDED ? ProfileStatus.ACTIVE : ProfileStatus.SUSPENDED,
                        Successor.NONE));
        TABLE.put(RequestType.UNBLOCK, new Row(s -> s, Successor.NONE));
        TABLE.put(RequestType.ONLINEUPDATE, new Row(s -> s, Successor.NONE));
        TABLE.put(RequestType.RECOVERONBEHALF, new Row(s -> s, Successor.NONE));
    }

    /** The outcome on profiles: the acted-on profile as it is now, and the profile issued, if any. */
    public record Outcome(Optional<CertificateProfile> changed, Optional<CertificateProfile> issued) {}

    private RequestEffect() {}

    /** The status a profile in {@code before} ends in when a request of {@code type} executes on it. */
    public static ProfileStatus statusAfter(RequestType type, ProfileStatus before) {
        return row(type).statusAfter().apply(before);
    }

    /** Which successor a request of {@code type} issues. */
    public static Successor successorOf(RequestType type) {
        return type.createsProfile() ? Successor.NONE : row(type).successor();
    }

    /**
     * Executes a request of {@code type} on {@code profile}, whose status must still allow the
     * operation (the caller checks, with the row locked); a successor is issued from
     * {@code currentTemplateVersion} of the profile's template.
     */
    public static Outcome apply(
            RequestType type, CertificateProfile profile, long currentTemplateVersion, Instant now) {
        Row row = row(type);
        ProfileStatus after = row.statusAfter().apply(profile.status());
        CertificateProfile changed = after == profile.status() ? profile.touched(now) : profile.withStatus(after, now);
        Optional<CertificateProfile> issued = switch (row.successor()) {
            case NONE -> Optional.empty();
            case CHILD -> Optional.of(profile.successor(true, currentTemplateVersion, now));
            case COPY -> Optional.of(profile.successor(false, currentTemplateVersion, now));
        };
        return new Outcome(Optional.of(changed), issued);
    }

    /** Enroll: a new Active profile for {@code request}'s target from the template's current version. */
    public static Outcome enroll(CertificateRequest request, ProfileTemplate template, Instant now) {
        return new Outcome(
                Optional.empty(),
                Optional.of(CertificateProfile.enrolled(request.target(), template.id(), template.version(), now)));
    }

    private static Row row(RequestType type) {
        Row row = TABLE.get(type);
        if (row == null) {
            throw new IllegalArgumentException(type + " acts on no existing profile");
        }
        return row;
    }
}
