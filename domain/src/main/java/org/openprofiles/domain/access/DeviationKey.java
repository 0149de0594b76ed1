package org.openprofiles.domain.access;

import java.util.Locale;
import java.util.Optional;
import org.openprofiles.domain.shared.Coded;

/**
 * Which deviation of an account is meant, independent of the values involved: a missing group
 * (profile and group), a wrong attribute (profile and attribute key, whatever value the profile
 * requires and the account has), or having no profile. An acceptance names its deviation this way.
 */
public record DeviationKey(
        Kind kind, Optional<AccessProfileId> profile, Optional<GroupId> group, Optional<String> attribute) {

    /** The three kinds of deviation, with the names the view uses. */
    public enum Kind implements Coded {
        MISSING_GROUP,
        WRONG_ATTRIBUTE,
        NO_PROFILE;

        @Override
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> ofCode(String code) {
            return Coded.ofCode(Kind.class, code);
        }
    }

    public DeviationKey {
        if (kind == null || profile == null || group == null || attribute == null) {
            throw new IllegalArgumentException("a deviation key needs a kind and its parts (empty when absent)");
        }
        attribute = attribute.map(AttributeValue::normalizeKey);
        boolean complete = switch (kind) {
            case MISSING_GROUP -> profile.isPresent() && group.isPresent() && attribute.isEmpty();
            case WRONG_ATTRIBUTE -> profile.isPresent() && group.isEmpty() && attribute.isPresent();
            case NO_PROFILE -> profile.isEmpty() && group.isEmpty() && attribute.isEmpty();
        };
        if (!complete) {
            throw new IllegalArgumentException("a " + kind.code() + " deviation key has the wrong parts");
        }
    }

    public static DeviationKey missingGroup(AccessProfileId profile, GroupId group) {
        return new DeviationKey(Kind.MISSING_GROUP, Optional.of(profile), Optional.of(group), Optional.empty());
    }

    public static DeviationKey wrongAttribute(AccessProfileId profile, String key) {
        return new DeviationKey(Kind.WRONG_ATTRIBUTE, Optional.of(profile), Optional.empty(), Optional.of(key));
    }

    public static DeviationKey noProfile() {
        return new DeviationKey(Kind.NO_PROFILE, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The key of a deviation found. */
    public static DeviationKey of(Deviation deviation) {
        if (deviation instanceof Deviation.MissingGroup missing) {
            return missingGroup(missing.profileId(), missing.group().id());
        }
        if (deviation instanceof Deviation.WrongAttribute wrong) {
            return wrongAttribute(wrong.profileId(), wrong.key());
        }
        return noProfile();
    }

    /** Whether {@code deviation} is the one this key names. */
    public boolean names(Deviation deviation) {
        return of(deviation).equals(this);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MISSING_GROUP -> "missing group " + group.orElseThrow() + " of profile " + profile.orElseThrow();
            case WRONG_ATTRIBUTE -> "wrong " + attribute.orElseThrow() + " for profile " + profile.orElseThrow();
            case NO_PROFILE -> "no profile";
        };
    }
}
