package org.openprofiles.application.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.BulkImport;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
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
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * An administrator imports certificate profiles from an existing Certificate Management server,
 * in the vendor's own Profile shape. The whole import is checked before anything is written and
 * written in one transaction, or not at all; every violation is reported, each naming its item
 * ({@code [3].AssignedUserUuid}). Importing a profile that is already here with the same content
 * changes nothing, so an import can be re-run. One audit event records the whole import.
 */
public final class ImportCertificateProfiles {

    /**
     * The most profiles one import may carry: larger migrations are split into several imports.
     * Ten thousand (about 3 MB of JSON) keeps one call's memory small and its transaction short
     * while a million profiles load in a hundred calls.
     */
    public static final int MAX_ITEMS = 10_000;

    /** One profile as the source server described it, read by an adapter from its wire form. */
    public record Item(
            CertificateProfileId id,
            ProfileStatus status,
            int flags,
            Optional<CertificateProfileId> parent,
            Optional<CertificateProfileId> primary,
            UserId owner,
            TemplateId template,
            long templateVersion,
            String comment) {
        public Item {
            if (id == null
                    || status == null
                    || parent == null
                    || primary == null
                    || owner == null
                    || template == null) {
                throw new IllegalArgumentException("incomplete import item");
            }
        }
    }

    /**
     * What to import: one entry per item the source sent, in its order, empty where the adapter
     * could not read the item; {@code malformed} says why, each violation naming its item as
     * {@code [index].Field}, and is reported together with every other fault.
     */
    public record Command(List<Optional<Item>> items, List<Violation> malformed) {
        public Command {
            items = List.copyOf(items);
            malformed = List.copyOf(malformed);
        }
    }

    /**
     * What the import did: profiles added, profiles that were already here unchanged, and the id
     * under which the audit trail records it (empty when nothing was written).
     */
    public record Result(int imported, int unchanged, Optional<String> importId) {}

    private final CertificateProfiles profiles;
    private final ProfileTemplates templates;
    private final ProfileOwners owners;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public ImportCertificateProfiles(
            CertificateProfiles profiles,
            ProfileTemplates templates,
            ProfileOwners owners,
            AccessPolicy accessPolicy,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.profiles = profiles;
        this.templates = templates;
        this.owners = owners;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Result importAll(Principal caller, Command command) {
        accessPolicy.require(caller, Action.IMPORT_CERTIFICATE_PROFILES, Resource.of(CertificateProfile.RESOURCE_KIND));
        List<Optional<Item>> items = command.items();
        BulkImport.checkSize(items.size(), MAX_ITEMS, "profiles");
        Instant now = clock.instant();
        List<Violation> violations = new ArrayList<>(command.malformed());
        List<CertificateProfile> parsed = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<CertificateProfileId> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Optional<CertificateProfile> profile = profile(i, items.get(i), now, violations);
            if (profile.isPresent() && !seen.add(profile.get().id())) {
                violations.add(new Violation(
                        BulkImport.at(i, "Uuid"), "duplicate_uuid", "this Uuid appears earlier in the import"));
            } else if (profile.isPresent()) {
                parsed.add(profile.get());
                positions.add(i);
            }
        }
        return transactions.inTransaction(() -> {
            // Each template once: 10,000 profiles name a few dozen templates.
            Map<TemplateId, ProfileTemplate> knownTemplates = templates.findAll(
                    parsed.stream().map(CertificateProfile::template).distinct().toList());
            for (int k = 0; k < parsed.size(); k++) {
                templateFault(positions.get(k), parsed.get(k), knownTemplates).ifPresent(violations::add);
            }
            // The common case first: all of them new and naming known users. Then the insert alone
            // decides (the primary key and the reference check), with nothing read before it.
            if (violations.isEmpty() && profiles.addAllIfNew(parsed)) {
                return recorded(caller, parsed, 0);
            }
            // Something is here already, a user is unknown, or a template is at fault: each item
            // is looked at to name its fault, or to tell unchanged ones from new ones.
            Set<UserId> knownUsers = owners.existing(parsed.stream()
                    .map(CertificateProfile::assignedUser)
                    .distinct()
                    .toList());
            Map<CertificateProfileId, CertificateProfile> existing =
                    profiles.findAll(parsed.stream().map(CertificateProfile::id).toList());
            List<CertificateProfile> fresh = new ArrayList<>();
            int unchanged = 0;
            for (int k = 0; k < parsed.size(); k++) {
                CertificateProfile profile = parsed.get(k);
                int i = positions.get(k);
                if (!knownUsers.contains(profile.assignedUser())) {
                    violations.add(new Violation(
                            BulkImport.at(i, "AssignedUserUuid"), "unknown_user", "no user " + profile.assignedUser()));
                }
                CertificateProfile stored = existing.get(profile.id());
                if (stored == null) {
                    fresh.add(profile);
                } else if (stored.sameContentAs(profile)) {
                    unchanged++;
                } else {
                    violations.add(new Violation(
                            BulkImport.at(i, "Uuid"),
                            "uuid_conflict",
                            "a different profile with this Uuid is already here"));
                }
            }
            if (!violations.isEmpty()) {
                throw BulkImport.failure(violations);
            }
            if (fresh.isEmpty()) {
                return new Result(0, unchanged, Optional.empty());
            }
            profiles.addAll(fresh);
            return recorded(caller, fresh, unchanged);
        });
    }

    /** What is wrong with the template item {@code i} names, if anything. */
    private static Optional<Violation> templateFault(
            int i, CertificateProfile profile, Map<TemplateId, ProfileTemplate> knownTemplates) {
        ProfileTemplate template = knownTemplates.get(profile.template());
        if (template == null) {
            return Optional.of(new Violation(
                    BulkImport.at(i, "ProfileTemplateUuid"),
                    "unknown_template",
                    "no profile template " + profile.template() + "; create it first"));
        }
        if (profile.templateVersion() > template.version()) {
            return Optional.of(new Violation(
                    BulkImport.at(i, "ProfileTemplateVersion"),
                    "future_template_version",
                    "template " + template.id() + " is at version " + template.version() + ", not "
                            + profile.templateVersion()));
        }
        return Optional.empty();
    }

    /** The import's one audit event, once {@code imported} are stored, and what to answer. */
    private Result recorded(Principal caller, List<CertificateProfile> imported, int unchanged) {
        String importId = audit.recordImport(
                caller,
                "certificate-profile.import",
                "certificate-profile-import",
                "profiles",
                imported.stream().map(p -> p.id().toString()).toList(),
                unchanged);
        return new Result(imported.size(), unchanged, Optional.of(importId));
    }

    /** The profile an item describes, stamped {@code now}; a domain rule it breaks is a violation naming the item. */
    private static Optional<CertificateProfile> profile(
            int i, Optional<Item> read, Instant now, List<Violation> violations) {
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Item item = read.get();
        try {
            return Optional.of(new CertificateProfile(
                    item.id(),
                    item.status(),
                    item.flags(),
                    item.parent(),
                    item.primary(),
                    item.owner(),
                    item.template(),
                    item.templateVersion(),
                    item.comment(),
                    now,
                    now));
        } catch (DomainFailure failure) {
            violations.add(
                    new Violation(BulkImport.at(i, failure.field().orElse("")), failure.code(), failure.getMessage()));
            return Optional.empty();
        }
    }
}
