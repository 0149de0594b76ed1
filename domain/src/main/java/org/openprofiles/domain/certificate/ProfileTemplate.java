package org.openprofiles.domain.certificate;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * A profile template: the versioned policy set certificate profiles are issued from, with the
 * settings of the certificates they get. Every change raises {@link #version()}; a profile records
 * the version it was issued from. Operations absent from {@link #policies()} are not offered for
 * profiles of this template; a template created without certificate settings gets
 * {@link CertificateSettings#defaults()}.
 */
public record ProfileTemplate(
        TemplateId id,
        String name,
        String description,
        long version,
        Map<ProfileOperation, OperationPolicy> policies,
        PinPolicy pinPolicy,
        Instant createdAt,
        Instant updatedAt,
        CertificateSettings certificateSettings) {

    public static final int MAX_NAME_LENGTH = 256;
    /** The resource kind the access policy is asked about for templates. */
    public static final String RESOURCE_KIND = "profile-template";
    /** The highest version a template may have: far beyond any real history, far below overflow. */
    public static final long MAX_VERSION = 1_000_000_000L;

    public static final int MAX_DESCRIPTION_LENGTH = 2048;

    /** A template with the default certificate settings. */
    public ProfileTemplate(
            TemplateId id,
            String name,
            String description,
            long version,
            Map<ProfileOperation, OperationPolicy> policies,
            PinPolicy pinPolicy,
            Instant createdAt,
            Instant updatedAt) {
        this(id, name, description, version, policies, pinPolicy, createdAt, updatedAt, null);
    }

    public ProfileTemplate {
        if (id == null || createdAt == null || updatedAt == null) {
            throw new IllegalArgumentException("template needs an id and timestamps");
        }
        if (name == null || name.isBlank()) {
            throw new Invalid("required", "name", "name is required");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new Invalid("too_long", "name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        description = description == null ? "" : description.strip();
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new Invalid(
                    "too_long", "description", "description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (version < 1 || version > MAX_VERSION) {
            throw new Invalid(
                    "invalid_version", "version", "version must be between 1 and " + MAX_VERSION + ", was " + version);
        }
        pinPolicy = pinPolicy == null ? PinPolicy.standard() : pinPolicy;
        certificateSettings = certificateSettings == null ? CertificateSettings.defaults() : certificateSettings;
        policies = policies == null || policies.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(policies));
    }

    /** The failure for a new template whose id another template has. */
    public static Conflict idTaken(TemplateId id) {
        return new Conflict("template_exists", "id", "a profile template with id " + id + " already exists");
    }

    /** The failure for a change based on a version of the template that is no longer the stored one. */
    public static PreconditionFailed changedMeanwhile() {
        return new PreconditionFailed(
                "stale_version", "version", "the template was changed by someone else; reload it");
    }

    /** The failure for a template that does not exist. */
    public static NotFound notFound(TemplateId id) {
        return new NotFound("template_not_found", "no profile template " + id);
    }

    /** A new template, at {@code startingVersion} (1 unless migrated from a server where it had a history). */
    public static ProfileTemplate create(
            TemplateId id,
            String name,
            String description,
            long startingVersion,
            Map<ProfileOperation, OperationPolicy> policies,
            PinPolicy pinPolicy,
            Instant now) {
        return create(id, name, description, startingVersion, policies, pinPolicy, null, now);
    }

    /** A new template with its certificate settings (null: the defaults). */
    public static ProfileTemplate create(
            TemplateId id,
            String name,
            String description,
            long startingVersion,
            Map<ProfileOperation, OperationPolicy> policies,
            PinPolicy pinPolicy,
            CertificateSettings certificateSettings,
            Instant now) {
        return new ProfileTemplate(
                id, name, description, startingVersion, policies, pinPolicy, now, now, certificateSettings);
    }

    /** This template with new contents, one version up; the certificate settings stay as they are. */
    public ProfileTemplate revise(
            String newName,
            String newDescription,
            Map<ProfileOperation, OperationPolicy> newPolicies,
            PinPolicy newPinPolicy,
            Instant now) {
        return revise(newName, newDescription, newPolicies, newPinPolicy, certificateSettings, now);
    }

    /** This template with new contents and certificate settings (null: the defaults), one version up. */
    public ProfileTemplate revise(
            String newName,
            String newDescription,
            Map<ProfileOperation, OperationPolicy> newPolicies,
            PinPolicy newPinPolicy,
            CertificateSettings newCertificateSettings,
            Instant now) {
        return new ProfileTemplate(
                id,
                newName,
                newDescription,
                version + 1,
                newPolicies,
                newPinPolicy,
                createdAt,
                now,
                newCertificateSettings);
    }

    /**
     * Whether {@code caller} sees this template on the requesters' routes: those who administer
     * templates, and anyone an enabled policy lets initiate its operation (every user when owners
     * may initiate it themselves, else the roles it lets act on behalf of others).
     */
    public boolean isVisibleTo(Principal caller, AccessPolicy policy) {
        return policy.permits(caller, Action.MANAGE_PROFILE_TEMPLATES, Resource.of(RESOURCE_KIND))
                || policies.values().stream()
                        .anyMatch(p -> p.enabled() && (p.ownerMayInitiate() || p.allowsOnBehalf(caller)));
    }

    public Optional<OperationPolicy> policyFor(ProfileOperation operation) {
        return Optional.ofNullable(policies.get(operation));
    }
}
