package org.openprofiles.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openprofiles.adapter.ca.EmbeddedCaSettings;
import org.openprofiles.adapter.ca.EmbeddedCertificateAuthority;
import org.openprofiles.application.access.AssignProfile;
import org.openprofiles.application.access.ComplianceReport;
import org.openprofiles.application.access.ImportDirectory;
import org.openprofiles.application.access.SaveAccessProfile;
import org.openprofiles.application.certificate.CertificateRevocation;
import org.openprofiles.application.certificate.CompleteCertificateRequest;
import org.openprofiles.application.certificate.CreateProfileTemplate;
import org.openprofiles.application.certificate.DecideCertificateRequest;
import org.openprofiles.application.certificate.ImportCertificateProfiles;
import org.openprofiles.application.certificate.InitiateCertificateRequest;
import org.openprofiles.application.certificate.ListProfilesForUser;
import org.openprofiles.application.certificate.OfferedOperations;
import org.openprofiles.application.certificate.ProfileWithOperations;
import org.openprofiles.application.certificate.RequestExecution;
import org.openprofiles.application.certificate.TemplateContent;
import org.openprofiles.application.security.CreateUser;
import org.openprofiles.application.security.EnsureAdmin;
import org.openprofiles.application.security.ListAuditEvents;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Deviation;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileDraft;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.certificate.StatusFilter;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.RoleBasedAccessPolicy;
import org.openprofiles.domain.shared.PageRequest;

/**
 * One story told through the use cases, wired by hand on whichever {@link Adapters} it is given:
 * an administrator sets up users and a profile template and imports a certificate profile; its
 * owner renews it, which needs an approver's approval; a profile manager creates a department
 * profile, assigns it, and reads the compliance report. Every step prints one line.
 */
public final class Story {

    /** What the story ended with, for callers that check it rather than read it. */
    public record Outcome(
            CertificateProfileId importedProfile,
            ProfileStatus importedProfileNow,
            ProfileStatus renewedProfileNow,
            Optional<CertificateProfileId> renewedParent,
            List<String> compliantAccounts,
            List<String> nonCompliantAccounts,
            List<String> auditActions) {}

    private final PrintStream out;
    private final Adapters adapters;
    private final Clock clock;
    private final AccessPolicy policy = new RoleBasedAccessPolicy();
    private final Audit audit;
    private final RequestExecution execution;
    private int step;

    public Story(Adapters adapters, Clock clock, PrintStream out) {
        this.adapters = adapters;
        this.clock = clock;
        this.out = out;
        this.audit = new Audit(adapters.auditTrail(), clock);
        // The certificate authority opens its keystore only when it first signs: this story issues no
        // certificate (the profile it renews was imported without one), so none is created.
        CertificateAuthority authority = new EmbeddedCertificateAuthority(
                EmbeddedCaSettings.embedded(
                        Path.of(System.getProperty("java.io.tmpdir"), "openprofiles-example"), "http://localhost/"),
                clock);
        this.execution = new RequestExecution(
                adapters.profiles(),
                adapters.templates(),
                adapters.certificates(),
                new CertificateRevocation(adapters.certificates(), authority, audit));
    }

    private void say(String line) {
        out.println(++step + ". " + line);
    }

    /** Tells the story and answers how it ended. */
    public Outcome tell() {
        out.println("OpenProfiles as a library, on " + adapters.name());

        // Users: the administrator the server would create at first start, then three people.
        new EnsureAdmin(adapters.users(), adapters.credentials(), adapters.transactions(), audit, clock)
                .ensure(Optional.empty());
        Principal admin = adapters.users()
                .findByLogin(EnsureAdmin.ADMIN_LOGIN)
                .orElseThrow()
                .asPrincipal();
        CreateUser createUser = new CreateUser(policy, adapters.transactions(), adapters.users(), audit, clock);
        Principal jane = createUser
                .create(admin, new CreateUser.Command(Optional.empty(), "jane", "Jane Doe", Set.of()))
                .asPrincipal();
        Principal max = createUser
                .create(admin, new CreateUser.Command(Optional.empty(), "max", "Max Muster", Set.of(Role.CM_APPROVER)))
                .asPrincipal();
        Principal pat = createUser
                .create(admin, new CreateUser.Command(Optional.empty(), "pat", "Pat Lee", Set.of(Role.PROFILE_MANAGER)))
                .asPrincipal();
        say("admin created users jane, max (cm-approver) and pat (profile-manager)");

        ProfileTemplate template = new CreateProfileTemplate(
                        adapters.templates(), policy, adapters.transactions(), audit, clock)
                .create(
                        admin,
                        new CreateProfileTemplate.Command(
                                Optional.empty(),
                                Optional.empty(),
                                new TemplateContent(
                                        "Staff laptops",
                                        "software certificates for staff laptops",
                                        Map.of(
                                                ProfileOperation.RENEW,
                                                new OperationPolicy(
                                                        true, true, Set.of(), 1, Optional.of(Role.CM_APPROVER), false),
                                                ProfileOperation.DISABLE,
                                                OperationPolicy.selfService()),
                                        null)));
        say("admin created template \"" + template.name() + "\" version " + template.version()
                + ": Renew needs 1 approval by cm-approver");

        CertificateProfileId imported = CertificateProfileId.random();
        ImportCertificateProfiles.Result result = new ImportCertificateProfiles(
                        adapters.profiles(),
                        adapters.templates(),
                        adapters.owners(),
                        policy,
                        adapters.transactions(),
                        audit,
                        clock)
                .importAll(
                        admin,
                        new ImportCertificateProfiles.Command(
                                List.of(Optional.of(new ImportCertificateProfiles.Item(
                                        imported,
                                        ProfileStatus.ACTIVE,
                                        1,
                                        Optional.empty(),
                                        Optional.empty(),
                                        jane.userId(),
                                        template.id(),
                                        1,
                                        "from the old server"))),
                                List.of()));
        say("admin imported " + result.imported() + " profile for jane from the old server");

        ListProfilesForUser listProfiles =
                new ListProfilesForUser(adapters.profiles(), new OfferedOperations(adapters.templates()), policy);
        say("jane sees " + profiles(listProfiles, jane));

        CertificateRequest renew = ((InitiateCertificateRequest.Created) new InitiateCertificateRequest(
                                adapters.profiles(),
                                adapters.owners(),
                                adapters.templates(),
                                adapters.requests(),
                                execution,
                                policy,
                                adapters.transactions(),
                                audit,
                                clock)
                        .initiate(
                                jane,
                                new InitiateCertificateRequest.Command(
                                        RequestType.RENEW,
                                        template.id(),
                                        Optional.of(imported),
                                        Optional.empty(),
                                        List.of(),
                                        "my certificate expires soon",
                                        0),
                                Optional.empty()))
                .request();
        say("jane asked to renew it: the request is " + renew.status().name());

        CertificateRequest approved = new DecideCertificateRequest(
                        adapters.requests(), execution, policy, adapters.transactions(), audit, clock)
                .decide(max, renew.id(), DecideCertificateRequest.Decision.APPROVE);
        say("max approved it: the request is " + approved.status().name());

        CertificateRequest completed = new CompleteCertificateRequest(
                        adapters.requests(),
                        adapters.templates(),
                        execution,
                        new SecureRandom(),
                        policy,
                        adapters.transactions(),
                        audit,
                        clock)
                .complete(jane, renew.id(), Optional.empty())
                .request();
        CertificateProfile renewed =
                adapters.profiles().find(completed.newProfile().orElseThrow()).orElseThrow();
        CertificateProfile old = adapters.profiles().find(imported).orElseThrow();
        say("jane completed it: the request is " + completed.status().name() + "; the old profile is "
                + old.status().displayName() + ", its successor is "
                + renewed.status().displayName());
        say("jane sees " + profiles(listProfiles, jane));

        // Access profiles: the directory, a department profile, its assignments, compliance.
        Group sales = new Group(new GroupId(UUID.randomUUID()), "Sales", "CN=Sales,OU=Groups,DC=example,DC=org");
        Account janeDoe = new Account(
                new AccountId(UUID.randomUUID()),
                "jane.doe",
                "Jane Doe",
                "CN=Jane Doe,OU=Staff,DC=example,DC=org",
                true,
                Set.of(sales.id()),
                List.of(new AttributeValue("department", "Sales")));
        Account maxMuster = new Account(
                new AccountId(UUID.randomUUID()),
                "max.muster",
                "Max Muster",
                "CN=Max Muster,OU=Staff,DC=example,DC=org",
                true,
                Set.of(),
                List.of(new AttributeValue("department", "Support")));
        ImportDirectory directory = new ImportDirectory(
                policy, adapters.directory(), adapters.assignments(), adapters.transactions(), audit);
        directory.groups(admin, List.of(sales));
        directory.accounts(admin, List.of(janeDoe, maxMuster));
        say("admin loaded the directory: 1 group, 2 accounts");

        AccessProfile profile = new SaveAccessProfile(
                        policy,
                        adapters.accessProfiles(),
                        adapters.directory(),
                        adapters.assignments(),
                        adapters.catalogs(),
                        adapters.transactions(),
                        audit,
                        clock)
                .save(
                        pat,
                        new SaveAccessProfile.Command(
                                Optional.empty(),
                                new ProfileDraft(
                                        "Sales",
                                        "everyone in sales",
                                        4,
                                        null,
                                        List.of(sales.id()),
                                        List.of(new AttributeValue("department", "Sales"))),
                                Optional.empty(),
                                Optional.empty(),
                                List.of()))
                .profile();
        AssignProfile.Outcome assigned = new AssignProfile(
                        policy,
                        adapters.accessProfiles(),
                        adapters.directory(),
                        adapters.assignments(),
                        adapters.transactions(),
                        audit,
                        clock)
                .assign(
                        pat,
                        new AssignProfile.Command(
                                profile.id(), List.of(janeDoe.id(), maxMuster.id()), "sales team, 2026"));
        say("pat created access profile \"" + profile.name() + "\" (initials " + profile.initials()
                + ") and assigned it to " + assigned.changed() + " accounts");

        List<AccountCompliance> report = new ComplianceReport(
                        policy, adapters.accessProfiles(), adapters.findings(), adapters.transactions(), clock)
                .report(pat, new ComplianceReport.Query(Optional.of(profile.id()), false), PageRequest.first(100))
                .items();
        for (AccountCompliance line : report) {
            say("compliance of " + line.account().samAccountName() + ": "
                    + (line.nonCompliant() ? "non-compliant, " + describe(line.deviations()) : "compliant"));
        }

        List<String> actions = new ListAuditEvents(policy, adapters.transactions(), adapters.auditTrail())
                .list(admin, AuditTrail.Query.all(), PageRequest.first(1000)).items().stream()
                        .map(AuditEvent::action)
                        .toList();
        say("the audit trail holds " + actions.size() + " events, one per change");

        return new Outcome(
                imported,
                old.status(),
                renewed.status(),
                renewed.parent(),
                names(report, false),
                names(report, true),
                actions);
    }

    private String profiles(ListProfilesForUser list, Principal owner) {
        List<ProfileWithOperations> page = list.list(
                        owner,
                        new ListProfilesForUser.Query(Optional.empty(), StatusFilter.any(), PageRequest.first(10)))
                .items();
        return page.size()
                + (page.size() == 1 ? " profile: " : " profiles: ")
                + page.stream()
                        .map(p -> p.profile().status().displayName() + " offering "
                                + p.operations().stream()
                                        .map(ProfileOperation::wireName)
                                        .collect(Collectors.joining(", ", "[", "]")))
                        .collect(Collectors.joining("; "));
    }

    private static String describe(List<Deviation> deviations) {
        return deviations.stream()
                .map(d -> {
                    if (d instanceof Deviation.MissingGroup missing) {
                        return "not in group " + missing.group().name();
                    }
                    if (d instanceof Deviation.WrongAttribute wrong) {
                        return wrong.key() + " is \"" + wrong.actual() + "\", should be \"" + wrong.expected() + "\"";
                    }
                    return "no profile";
                })
                .collect(Collectors.joining("; "));
    }

    private static List<String> names(List<AccountCompliance> report, boolean nonCompliant) {
        return report.stream()
                .filter(line -> line.nonCompliant() == nonCompliant)
                .map(line -> line.account().samAccountName())
                .toList();
    }
}
