package org.openprofiles.application.contract;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.FieldType;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.PinPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;

/**
 * Rows a contract needs around the ones it tests, stored through the ports themselves: users,
 * templates, profiles, requests, directory groups and accounts, access profiles. Names are unique
 * per call (a random token), so tests sharing one storage never meet; timestamps are whole
 * microseconds, the precision every adapter keeps.
 */
public final class Fixtures {

    /** A fixed moment: what "now" is in the contracts. */
    public static final Instant NOW = Instant.parse("2026-03-02T09:15:30.123456Z");

    private final Storage storage;

    public Fixtures(Storage storage) {
        this.storage = storage;
    }

    /** Eight random lower-case hex characters: a prefix that keeps one test's names apart from another's. */
    public static String token() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * A random UUID whose first hex digit is {@code digit}. Ids starting with 0 and with f order one
     * way as text (and in PostgreSQL) and the other way under {@link UUID#compareTo}, which compares
     * signed numbers: contracts that pin an order by id use such pairs.
     */
    public static UUID uuidStartingWith(char digit) {
        return UUID.fromString(digit + UUID.randomUUID().toString().substring(1));
    }

    /** A stored, enabled user with a fresh login and these roles. */
    public User user(Role... roles) {
        return user("u" + token(), roles);
    }

    /** A stored, enabled user with this login and these roles. */
    public User user(String login, Role... roles) {
        User user = User.create(UserId.random(), login, null, Set.of(roles), NOW);
        storage.users().add(user);
        return user;
    }

    /** A stored template at version 1 with these policies and a PIN policy that wants a digit. */
    public ProfileTemplate template(Map<ProfileOperation, OperationPolicy> policies) {
        ProfileTemplate template = ProfileTemplate.create(
                TemplateId.random(),
                "t" + token(),
                "a template",
                1,
                policies,
                new PinPolicy(6, 12, true, false, false, false),
                NOW);
        storage.profileTemplates().add(template);
        return template;
    }

    /** A stored template whose every operation is self-service. */
    public ProfileTemplate template() {
        return template(Map.of(
                ProfileOperation.RENEW, OperationPolicy.selfService(),
                ProfileOperation.DISABLE, OperationPolicy.selfService()));
    }

    /** A profile of {@code owner} from {@code template} in {@code status}, not stored yet. */
    public static CertificateProfile profile(UserId owner, ProfileTemplate template, ProfileStatus status) {
        return new CertificateProfile(
                CertificateProfileId.random(),
                status,
                1,
                Optional.empty(),
                Optional.empty(),
                owner,
                template.id(),
                template.version(),
                "",
                NOW,
                NOW);
    }

    /** A stored Active profile of {@code owner} from {@code template}. */
    public CertificateProfile storedProfile(UserId owner, ProfileTemplate template) {
        CertificateProfile profile = profile(owner, template, ProfileStatus.ACTIVE);
        storage.certificateProfiles().addAll(List.of(profile));
        return profile;
    }

    /**
     * A stored Renew request by {@code originator} on a fresh profile of {@code originator}, submitted at
     * {@code at}, that needs {@code approvals} approvals from {@code approver} (none when 0).
     */
    public CertificateRequest storedRequest(UserId originator, int approvals, Optional<Role> approver, Instant at) {
        CertificateProfile profile = storedProfile(originator, template());
        CertificateRequest request = CertificateRequest.submit(
                RequestType.RENEW,
                new CertificateRequest.ApprovalRule(approvals, approver),
                originator,
                profile,
                List.of(),
                "",
                0,
                at);
        storage.certificateRequests().add(request);
        return request;
    }

    /** A stored directory group with this name. */
    public Group group(String name) {
        Group group = new Group(new GroupId(UUID.randomUUID()), name, "CN=" + name + ",DC=example,DC=org");
        storage.directory().mergeGroups(List.of(group));
        return group;
    }

    /** A stored, enabled directory account in these groups with these attribute values. */
    public Account account(String samAccountName, Set<GroupId> groups, List<AttributeValue> attributes) {
        Account account = new Account(
                new AccountId(UUID.randomUUID()),
                samAccountName,
                "Display " + samAccountName,
                "CN=" + samAccountName + ",OU=Staff,DC=example,DC=org",
                true,
                groups,
                attributes);
        storage.directory().mergeAccounts(List.of(account));
        return account;
    }

    /** A stored, enabled directory account in no group and without attribute values. */
    public Account account(String samAccountName) {
        return account(samAccountName, Set.of(), List.of());
    }

    /** What a list shows of {@code account}. */
    public static AccountSummary summary(Account account) {
        return new AccountSummary(
                account.id(),
                account.samAccountName(),
                account.displayName(),
                account.distinguishedName(),
                account.enabled());
    }

    /** A TextField attribute with a fresh key, defined in the catalog. */
    public AttributeDefinition attribute(String label) {
        AttributeDefinition definition = new AttributeDefinition(
                "a" + token(), label, FieldType.TEXT_FIELD, false, Optional.of(64), "", false, List.of(), "");
        storage.attributeCatalogs().define(definition);
        return definition;
    }

    /** An access profile at version 1, not stored yet. */
    public static AccessProfile accessProfile(String name, List<Group> groups, List<AttributeValue> attributes) {
        return new AccessProfile(
                AccessProfileId.random(), name, "about " + name, 3, "AP", NOW, NOW, groups, attributes, 1);
    }

    /** A stored access profile. */
    public AccessProfile storedAccessProfile(String name, List<Group> groups, List<AttributeValue> attributes) {
        AccessProfile profile = accessProfile(name, groups, attributes);
        storage.accessProfiles().add(profile);
        return profile;
    }
}
