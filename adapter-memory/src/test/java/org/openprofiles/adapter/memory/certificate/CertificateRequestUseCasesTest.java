package org.openprofiles.adapter.memory.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.ca.EmbeddedCaSettings;
import org.openprofiles.adapter.ca.EmbeddedCertificateAuthority;
import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.certificate.CertificateRevocation;
import org.openprofiles.application.certificate.CompleteCertificateRequest;
import org.openprofiles.application.certificate.DecideCertificateRequest;
import org.openprofiles.application.certificate.DecideCertificateRequest.Decision;
import org.openprofiles.application.certificate.IdempotencyKey;
import org.openprofiles.application.certificate.InitiateCertificateRequest;
import org.openprofiles.application.certificate.RequestExecution;
import org.openprofiles.application.contract.Fixtures;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.RoleBasedAccessPolicy;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The certificate request use cases (initiate, decide, complete) wired by hand on the in-memory
 * adapters: the request lifecycle, separation of duties, the Renew chain, Enroll and the PIN rules,
 * and one audit event per change. No database: each test gets fresh storage in microseconds.
 */
class CertificateRequestUseCasesTest {

    private static final OperationPolicy NEEDS_ONE_APPROVAL =
            new OperationPolicy(true, true, Set.of(), 1, Optional.of(Role.CM_APPROVER), false);
    private static final OperationPolicy NEEDS_TWO_APPROVALS =
            new OperationPolicy(true, true, Set.of(), 2, Optional.of(Role.CM_APPROVER), false);

    private MemoryStorage storage;
    private Fixtures fixtures;
    private InitiateCertificateRequest initiate;
    private DecideCertificateRequest decide;
    private CompleteCertificateRequest complete;

    @TempDir
    Path caDirectory;

    @BeforeEach
    void wire() {
        storage = new MemoryStorage();
        fixtures = new Fixtures(storage);
        Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
        RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy();
        Audit audit = new Audit(storage.auditTrail(), clock);
        CertificateRevocation revocation = new CertificateRevocation(
                storage.certificateRecords(),
                new EmbeddedCertificateAuthority(EmbeddedCaSettings.embedded(caDirectory, "http://localhost/"), clock),
                audit);
        RequestExecution execution = new RequestExecution(
                storage.certificateProfiles(), storage.profileTemplates(), storage.certificateRecords(), revocation);
        initiate = new InitiateCertificateRequest(
                storage.certificateProfiles(),
                storage.profileOwners(),
                storage.profileTemplates(),
                storage.certificateRequests(),
                execution,
                policy,
                storage.transactions(),
                audit,
                clock);
        decide = new DecideCertificateRequest(
                storage.certificateRequests(), execution, policy, storage.transactions(), audit, clock);
        complete = new CompleteCertificateRequest(
                storage.certificateRequests(),
                storage.profileTemplates(),
                execution,
                new Random(7),
                policy,
                storage.transactions(),
                audit,
                clock);
    }

    private Principal user(Role... roles) {
        return fixtures.user(roles).asPrincipal();
    }

    private CertificateRequest submit(Principal caller, RequestType type, CertificateProfile profile) {
        InitiateCertificateRequest.Result result = initiate.initiate(caller, command(type, profile), Optional.empty());
        return assertInstanceOf(InitiateCertificateRequest.Created.class, result)
                .request();
    }

    private static InitiateCertificateRequest.Command command(RequestType type, CertificateProfile profile) {
        return new InitiateCertificateRequest.Command(
                type, profile.template(), Optional.of(profile.id()), Optional.empty(), List.of(), "please", 0);
    }

    private CertificateProfile profile(CertificateProfileId id) {
        return storage.certificateProfiles().find(id).orElseThrow();
    }

    private List<String> auditActions(CertificateRequest request) {
        return storage
                .auditTrail()
                .find(
                        new AuditTrail.Query(
                                Optional.empty(),
                                Optional.of("certificate-request"),
                                Optional.of(request.id().toString()),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        PageRequest.first(100))
                .items()
                .stream()
                .map(AuditEvent::action)
                .sorted()
                .toList();
    }

    @Test
    void aSelfServiceRenewIsApprovedAtOnceAndEachCompletionRetiresTheProfileAndIssuesItsChild() {
        Principal owner = user();
        ProfileTemplate template = fixtures.template(Map.of(ProfileOperation.RENEW, OperationPolicy.selfService()));
        CertificateProfile first = fixtures.storedProfile(owner.userId(), template);

        CertificateRequest renew = submit(owner, RequestType.RENEW, first);
        assertEquals(RequestStatus.APPROVED, renew.status());
        CertificateRequest done =
                complete.complete(owner, renew.id(), Optional.empty()).request();
        assertEquals(RequestStatus.COMPLETED, done.status());
        CertificateProfile second = profile(done.newProfile().orElseThrow());
        assertEquals(ProfileStatus.RETIRED, profile(first.id()).status());
        assertEquals(ProfileStatus.ACTIVE, second.status());
        assertEquals(Optional.of(first.id()), second.parent());
        assertEquals(owner.userId(), second.assignedUser());

        CertificateRequest again = submit(owner, RequestType.RENEW, second);
        CertificateProfile third = profile(complete.complete(owner, again.id(), Optional.empty())
                .request()
                .newProfile()
                .orElseThrow());
        assertEquals(Optional.of(second.id()), third.parent(), "the chain goes on from the newest profile");
        assertEquals(ProfileStatus.RETIRED, profile(second.id()).status());
        assertEquals(List.of("certificate-request.execute", "certificate-request.submit"), auditActions(renew));
    }

    @Test
    void aRenewThatNeedsAnApprovalWaitsUntilAnApproverApprovesAndOnlyThenCompletes() {
        Principal owner = user();
        Principal approver = user(Role.CM_APPROVER);
        ProfileTemplate template = fixtures.template(Map.of(ProfileOperation.RENEW, NEEDS_ONE_APPROVAL));
        CertificateProfile profile = fixtures.storedProfile(owner.userId(), template);

        CertificateRequest pending = submit(owner, RequestType.RENEW, profile);
        assertEquals(RequestStatus.PENDING, pending.status());
        assertThrows(Conflict.class, () -> complete.complete(owner, pending.id(), Optional.empty()));
        assertEquals(ProfileStatus.ACTIVE, profile(profile.id()).status(), "a refused completion changes nothing");

        assertEquals(
                RequestStatus.APPROVED,
                decide.decide(approver, pending.id(), Decision.APPROVE).status());
        CertificateRequest done =
                complete.complete(owner, pending.id(), Optional.empty()).request();
        assertEquals(RequestStatus.COMPLETED, done.status());
        assertEquals(ProfileStatus.RETIRED, profile(profile.id()).status());
        assertEquals(
                List.of("certificate-request.approve", "certificate-request.execute", "certificate-request.submit"),
                auditActions(pending));
    }

    @Test
    void oneDenialEndsTheRequestThoughAnotherApproverApprovedAndTheProfileStaysAsItWas() {
        Principal owner = user();
        ProfileTemplate template = fixtures.template(Map.of(ProfileOperation.RENEW, NEEDS_TWO_APPROVALS));
        CertificateProfile profile = fixtures.storedProfile(owner.userId(), template);
        CertificateRequest pending = submit(owner, RequestType.RENEW, profile);

        assertEquals(
                RequestStatus.PENDING,
                decide.decide(user(Role.CM_APPROVER), pending.id(), Decision.APPROVE)
                        .status(),
                "one of two approvals");
        assertEquals(
                RequestStatus.DENIED,
                decide.decide(user(Role.CM_APPROVER), pending.id(), Decision.DENY)
                        .status());
        assertThrows(Conflict.class, () -> complete.complete(owner, pending.id(), Optional.empty()));
        assertThrows(Conflict.class, () -> decide.decide(user(Role.CM_APPROVER), pending.id(), Decision.APPROVE));
        assertEquals(ProfileStatus.ACTIVE, profile(profile.id()).status());
    }

    @Test
    void approversAreSeparateFromRequestersHoldTheRulesRoleAndDecideOnce() {
        Principal requesterAndApprover = user(Role.CM_APPROVER);
        ProfileTemplate template = fixtures.template(Map.of(ProfileOperation.RENEW, NEEDS_TWO_APPROVALS));
        CertificateRequest own = submit(
                requesterAndApprover,
                RequestType.RENEW,
                fixtures.storedProfile(requesterAndApprover.userId(), template));
        Forbidden ownRequest =
                assertThrows(Forbidden.class, () -> decide.decide(requesterAndApprover, own.id(), Decision.APPROVE));
        assertEquals("own_request", ownRequest.code());

        Forbidden notApprover =
                assertThrows(Forbidden.class, () -> decide.decide(user(Role.CM_AGENT), own.id(), Decision.APPROVE));
        assertEquals("forbidden", notApprover.code(), "deciding needs the approver role at all");

        ProfileTemplate agentsApprove = fixtures.template(Map.of(
                ProfileOperation.RENEW,
                new OperationPolicy(true, true, Set.of(), 1, Optional.of(Role.CM_AGENT), false)));
        Principal owner = user();
        CertificateRequest forAgents =
                submit(owner, RequestType.RENEW, fixtures.storedProfile(owner.userId(), agentsApprove));
        Forbidden otherRole = assertThrows(
                Forbidden.class, () -> decide.decide(user(Role.CM_APPROVER), forAgents.id(), Decision.APPROVE));
        assertEquals("not_an_approver", otherRole.code());

        Principal approver = user(Role.CM_APPROVER);
        decide.decide(approver, own.id(), Decision.APPROVE);
        Conflict twice = assertThrows(Conflict.class, () -> decide.decide(approver, own.id(), Decision.APPROVE));
        assertEquals("already_decided", twice.code());
        assertEquals(
                RequestStatus.PENDING,
                storage.certificateRequests().find(own.id()).orElseThrow().status());
        assertEquals(1, storage.certificateRequests().approvals(own.id()), "the refused second decision left nothing");
    }

    @Test
    void aDisableThatNeedsNoApprovalIsExecutedWhenItIsSubmitted() {
        Principal owner = user();
        ProfileTemplate template = fixtures.template(Map.of(ProfileOperation.DISABLE, OperationPolicy.selfService()));
        CertificateProfile profile = fixtures.storedProfile(owner.userId(), template);
        CertificateRequest disable = submit(owner, RequestType.DISABLE, profile);
        assertEquals(RequestStatus.COMPLETED, disable.status());
        assertEquals(ProfileStatus.DISABLED, profile(profile.id()).status());
        assertEquals(List.of("certificate-request.execute"), auditActions(disable));
    }

    @Test
    void anOperationTheStatusRulesOutIsAConflictAndOneTheTemplateDoesNotOfferIsForbidden() {
        Principal owner = user();
        ProfileTemplate template = fixtures.template(Map.of(
                ProfileOperation.RENEW, OperationPolicy.selfService(),
                ProfileOperation.DISABLE, OperationPolicy.selfService()));
        CertificateProfile profile = fixtures.storedProfile(owner.userId(), template);
        submit(owner, RequestType.DISABLE, profile);
        assertThrows(Conflict.class, () -> submit(owner, RequestType.RENEW, profile));
        CertificateProfile active = fixtures.storedProfile(owner.userId(), template);
        assertThrows(Forbidden.class, () -> submit(owner, RequestType.RETIRE, active));
        Invalid hidden = assertThrows(Invalid.class, () -> submit(user(), RequestType.RENEW, active));
        assertEquals("unknown_profile", hidden.code(), "another user's profile is as unknown as a missing one");
        assertTrue(storage.certificateRequests()
                .findByParticipant(
                        owner.userId(), Optional.empty(), Optional.of(RequestType.RENEW), PageRequest.first(10))
                .isEmpty());
    }

    @Test
    void enrollCompletesWithoutAPinWhenTheTemplateAsksForNoneAndRefusesOneSentAnyway() {
        Principal user = user();
        ProfileTemplate template = fixtures.template(Map.of(ProfileOperation.ENROLL, OperationPolicy.selfService()));
        InitiateCertificateRequest.Command enroll = new InitiateCertificateRequest.Command(
                RequestType.ENROLL, template.id(), Optional.empty(), Optional.empty(), List.of(), "", 0);
        CertificateRequest request = assertInstanceOf(
                        InitiateCertificateRequest.Created.class, initiate.initiate(user, enroll, Optional.empty()))
                .request();
        Invalid unexpected =
                assertThrows(Invalid.class, () -> complete.complete(user, request.id(), Optional.of("1234")));
        assertEquals("pin_not_expected", unexpected.code());
        CompleteCertificateRequest.Completion done = complete.complete(user, request.id(), Optional.empty());
        assertEquals(RequestStatus.COMPLETED, done.request().status());
        assertEquals(Optional.empty(), done.generatedPin());
    }

    @Test
    void enrollIssuesAnActiveProfileFromTheTemplatesCurrentVersionOnceTheUsersPinMeetsThePolicy() {
        Principal user = user();
        ProfileTemplate template = fixtures.template(Map.of(
                ProfileOperation.ENROLL,
                new OperationPolicy(true, true, Set.of(), 0, Optional.empty(), false, true, List.of())));
        InitiateCertificateRequest.Command enroll = new InitiateCertificateRequest.Command(
                RequestType.ENROLL, template.id(), Optional.empty(), Optional.empty(), List.of(), "new laptop", 0);
        CertificateRequest request = assertInstanceOf(
                        InitiateCertificateRequest.Created.class, initiate.initiate(user, enroll, Optional.empty()))
                .request();
        assertEquals(RequestStatus.APPROVED, request.status());

        Invalid noPin = assertThrows(Invalid.class, () -> complete.complete(user, request.id(), Optional.empty()));
        assertEquals("pin_required", noPin.code());
        Invalid weak = assertThrows(Invalid.class, () -> complete.complete(user, request.id(), Optional.of("abc")));
        assertEquals(
                Set.of("pin_length", "pin_needs_digit"),
                Set.copyOf(
                        weak.violations().stream().map(Invalid.Violation::code).toList()));
        assertEquals(
                RequestStatus.APPROVED,
                storage.certificateRequests().find(request.id()).orElseThrow().status());
        assertEquals(
                List.of("certificate-request.submit"), auditActions(request), "a refused completion leaves no trace");

        CompleteCertificateRequest.Completion done = complete.complete(user, request.id(), Optional.of("abc123"));
        assertEquals(Optional.empty(), done.generatedPin());
        CertificateProfile issued = profile(done.request().newProfile().orElseThrow());
        assertEquals(ProfileStatus.ACTIVE, issued.status());
        assertEquals(user.userId(), issued.assignedUser());
        assertEquals(template.version(), issued.templateVersion());
        assertEquals(Optional.empty(), issued.parent());
    }

    @Test
    void aPinTheServerGeneratesMeetsThePolicyAndGoesOnlyToTheRequester() {
        Principal agent = user(Role.CM_AGENT);
        Principal otherAgent = user(Role.CM_AGENT);
        Principal owner = user();
        ProfileTemplate template = fixtures.template(Map.of(
                ProfileOperation.ENROLL,
                new OperationPolicy(true, false, Set.of(Role.CM_AGENT), 0, Optional.empty(), true)));
        InitiateCertificateRequest.Command enroll = new InitiateCertificateRequest.Command(
                RequestType.ENROLL, template.id(), Optional.empty(), Optional.of(owner.userId()), List.of(), "", 0);
        CertificateRequest request = assertInstanceOf(
                        InitiateCertificateRequest.Created.class, initiate.initiate(agent, enroll, Optional.empty()))
                .request();

        assertThrows(Invalid.class, () -> complete.complete(agent, request.id(), Optional.of("chosen1")));
        assertThrows(Forbidden.class, () -> complete.complete(otherAgent, request.id(), Optional.empty()));
        CompleteCertificateRequest.Completion done = complete.complete(agent, request.id(), Optional.empty());
        String pin = done.generatedPin().orElseThrow();
        assertEquals(List.of(), template.pinPolicy().check("pin", pin));
        assertEquals(
                owner.userId(),
                profile(done.request().newProfile().orElseThrow()).assignedUser());
        assertTrue(
                storage.auditTrail().find(AuditTrail.Query.all(), PageRequest.first(100)).items().stream()
                        .noneMatch(e -> e.after().toString().contains(pin)),
                "the PIN is kept nowhere");
    }

    @Test
    void aRetriedIdempotencyKeyAnswersTheFirstRequestAndOtherContentIsRefused() {
        Principal owner = user();
        ProfileTemplate template = fixtures.template(Map.of(ProfileOperation.RENEW, NEEDS_ONE_APPROVAL));
        CertificateProfile profile = fixtures.storedProfile(owner.userId(), template);
        IdempotencyKey key = new IdempotencyKey("retry-" + Fixtures.token());

        CertificateRequest first = assertInstanceOf(
                        InitiateCertificateRequest.Created.class,
                        initiate.initiate(owner, command(RequestType.RENEW, profile), Optional.of(key)))
                .request();
        assertEquals(
                new InitiateCertificateRequest.Replayed(first),
                initiate.initiate(owner, command(RequestType.RENEW, profile), Optional.of(key)));
        assertInstanceOf(
                InitiateCertificateRequest.KeyReused.class,
                initiate.initiate(owner, command(RequestType.DISABLE, profile), Optional.of(key)));
        assertEquals(
                List.of(first),
                storage.certificateRequests()
                        .findByParticipant(owner.userId(), Optional.empty(), Optional.empty(), PageRequest.first(10))
                        .items());
    }
}
