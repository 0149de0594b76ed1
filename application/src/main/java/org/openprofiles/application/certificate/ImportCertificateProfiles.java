package org.openprofiles.application.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.ProfileOwners;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * An administrator imports certificate profiles from an existing Certificate Management server,
 * in the vendor's own Profile shape. The whole import is checked before anything is written and
 * written in one transaction, or not at all; every violation is reported, each naming its item
 * ({@code [3].AssignedUserUuid}). Importing a profile that is already here with the same content
 * changes nothing, so an import can be re-run. One audit event records the whole import.
 */
public final class ImportCertificateProfiles {

    /** The most profiles one import may carry: larger migrations are split into several imports. */
    public static final int MAX_ITEMS = 1000;

    private static final UUID NIL = new UUID(0, 0);

    /** One profile as the source server wrote it; values are raw so that every fault can be reported. */
    public record Item(String uuid, Integer status, Integer flags, String parentProfileUuid, String primaryProfileUuid,
                       String assignedUserUuid, String profileTemplateUuid, Long profileTemplateVersion,
                       String comment) {
    }

    /**
     * What the import did: profiles added, profiles that were already here unchanged, and the id
     * under which the audit trail records it (empty when nothing was written).
     */
    public record Result(int imported, int unchanged, Optional<String> importId) {
    }

    private final CertificateProfiles profiles;
    private final ProfileTemplates templates;
    private final ProfileOwners owners;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public ImportCertificateProfiles(CertificateProfiles profiles, ProfileTemplates templates, ProfileOwners owners,
                                     AccessPolicy accessPolicy, Transactions transactions, Audit audit, Clock clock) {
        this.profiles = profiles;
        this.templates = templates;
        this.owners = owners;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Result importAll(Principal caller, List<Item> items) {
        accessPolicy.require(caller, Action.IMPORT_CERTIFICATE_PROFILES, Resource.of("certificate-profile"));
        if (items == null || items.isEmpty()) {
            throw new Invalid("empty_import", "profiles", "an import needs at least one profile");
        }
        if (items.size() > MAX_ITEMS) {
            throw new Invalid("too_many_profiles", "profiles", "an import carries at most " + MAX_ITEMS
                    + " profiles, this one has " + items.size() + "; split it");
        }
        Instant now = clock.instant();
        List<Violation> violations = new ArrayList<>();
        List<CertificateProfile> parsed = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<CertificateProfileId> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Optional<CertificateProfile> profile = parse(i, items.get(i), now, violations);
            if (profile.isPresent() && !seen.add(profile.get().id())) {
                violations.add(new Violation(at(i, "Uuid"), "duplicate_uuid", "this Uuid appears earlier in the import"));
            } else if (profile.isPresent()) {
                parsed.add(profile.get());
                positions.add(i);
            }
        }
        return transactions.inTransaction(() -> {
            Map<TemplateId, ProfileTemplate> knownTemplates =
                    templates.findAll(parsed.stream().map(CertificateProfile::template).toList());
            Set<UserId> knownUsers = owners.existing(parsed.stream().map(CertificateProfile::assignedUser).toList());
            Map<CertificateProfileId, CertificateProfile> existing =
                    profiles.findAll(parsed.stream().map(CertificateProfile::id).toList());
            List<CertificateProfile> fresh = new ArrayList<>();
            int unchanged = 0;
            for (int k = 0; k < parsed.size(); k++) {
                CertificateProfile profile = parsed.get(k);
                int i = positions.get(k);
                ProfileTemplate template = knownTemplates.get(profile.template());
                if (template == null) {
                    violations.add(new Violation(at(i, "ProfileTemplateUuid"), "unknown_template",
                            "no profile template " + profile.template() + "; create it first"));
                } else if (profile.templateVersion() > template.version()) {
                    violations.add(new Violation(at(i, "ProfileTemplateVersion"), "future_template_version",
                            "template " + template.id() + " is at version " + template.version() + ", not "
                                    + profile.templateVersion()));
                }
                if (!knownUsers.contains(profile.assignedUser())) {
                    violations.add(new Violation(at(i, "AssignedUserUuid"), "unknown_user",
                            "no user " + profile.assignedUser()));
                }
                CertificateProfile stored = existing.get(profile.id());
                if (stored == null) {
                    fresh.add(profile);
                } else if (stored.sameContentAs(profile)) {
                    unchanged++;
                } else {
                    violations.add(new Violation(at(i, "Uuid"), "uuid_conflict",
                            "a different profile with this Uuid is already here"));
                }
            }
            if (!violations.isEmpty()) {
                throw new Invalid(violations.stream()
                        .sorted(Comparator.comparingInt(v -> indexOf(v.field())))
                        .toList());
            }
            if (fresh.isEmpty()) {
                return new Result(0, unchanged, Optional.empty());
            }
            String importId = UUID.randomUUID().toString();
            profiles.addAll(fresh);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("imported", fresh.size());
            after.put("unchanged", unchanged);
            after.put("profiles", fresh.stream().map(p -> p.id().toString()).toList());
            audit.record(caller, "certificate-profile.import", "certificate-profile-import", importId, Map.of(), after);
            return new Result(fresh.size(), unchanged, Optional.of(importId));
        });
    }

    private static Optional<CertificateProfile> parse(int i, Item item, Instant now, List<Violation> violations) {
        if (item == null) {
            violations.add(new Violation("[" + i + "]", "required", "the item must be a profile object"));
            return Optional.empty();
        }
        int before = violations.size();
        Optional<UUID> id = guid(i, "Uuid", item.uuid(), true, violations);
        Optional<ProfileStatus> status = Optional.empty();
        if (item.status() == null) {
            violations.add(new Violation(at(i, "Status"), "required", "Status is required"));
        } else {
            status = ProfileStatus.fromCode(item.status());
            if (status.isEmpty()) {
                violations.add(new Violation(at(i, "Status"), "unknown_status", "Status " + item.status()
                        + " is not a profile status (None -1, New 0, Assigned 1, Active 2, Disabled 3, Suspended 4, Retired 6)"));
            }
        }
        Optional<UUID> parent = guid(i, "ParentProfileUuid", item.parentProfileUuid(), false, violations);
        Optional<UUID> primary = guid(i, "PrimaryProfileUuid", item.primaryProfileUuid(), false, violations);
        Optional<UUID> user = guid(i, "AssignedUserUuid", item.assignedUserUuid(), true, violations);
        Optional<UUID> template = guid(i, "ProfileTemplateUuid", item.profileTemplateUuid(), true, violations);
        if (item.profileTemplateVersion() == null || item.profileTemplateVersion() < 1) {
            violations.add(new Violation(at(i, "ProfileTemplateVersion"), "invalid_version",
                    "ProfileTemplateVersion is required and at least 1"));
        }
        if (violations.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CertificateProfile(new CertificateProfileId(id.orElseThrow()), status.orElseThrow(),
                    item.flags() == null ? 0 : item.flags(), parent.map(CertificateProfileId::new), primary.map(CertificateProfileId::new),
                    new UserId(user.orElseThrow()), new TemplateId(template.orElseThrow()),
                    item.profileTemplateVersion(), item.comment(), now, now));
        } catch (DomainFailure failure) {
            violations.add(new Violation(at(i, failure.field().orElse("")), failure.code(), failure.getMessage()));
            return Optional.empty();
        }
    }

    /** A GUID property; the nil GUID counts as absent, as the vendor writes absent references. */
    private static Optional<UUID> guid(int i, String field, String value, boolean required, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(at(i, field), "required", field + " is required"));
            }
            return Optional.empty();
        }
        String text = value.strip();
        Optional<UUID> parsed = tryParse(text);
        if (parsed.isEmpty()) {
            violations.add(new Violation(at(i, field), "invalid_guid", field + " must be a GUID, was '" + value + "'"));
            return Optional.empty();
        }
        if (parsed.get().equals(NIL)) {
            if (required) {
                violations.add(new Violation(at(i, field), "required", field + " must not be the nil GUID"));
            }
            return Optional.empty();
        }
        return parsed;
    }

    private static Optional<UUID> tryParse(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String at(int index, String field) {
        return "[" + index + "]" + (field.isEmpty() ? "" : "." + field);
    }

    private static int indexOf(String field) {
        int close = field.indexOf(']');
        return field.startsWith("[") && close > 0 ? Integer.parseInt(field.substring(1, close)) : -1;
    }
}
