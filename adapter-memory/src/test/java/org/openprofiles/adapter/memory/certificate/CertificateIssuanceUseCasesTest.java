package org.openprofiles.adapter.memory.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.ca.EmbeddedCaSettings;
import org.openprofiles.adapter.ca.EmbeddedCertificateAuthority;
import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.certificate.CancelCertificateRequest;
import org.openprofiles.application.certificate.CertificateRevocation;
import org.openprofiles.application.certificate.CompleteCertificateRequest;
import org.openprofiles.application.certificate.InitiateCertificateRequest;
import org.openprofiles.application.certificate.RequestExecution;
import org.openprofiles.application.certificate.SubmitCertificateData;
import org.openprofiles.application.contract.Fixtures;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateRecord;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.RoleBasedAccessPolicy;
import org.openprofiles.domain.shared.Conflict;

/**
 * Issuing certificates through the use cases, in memory with the real embedded CA: the edges the
 * HTTP walkthrough does not reach — picking the certificate up after completing, a profile whose
 * status changed meanwhile, a request canceled after its certificate was issued.
 */
class CertificateIssuanceUseCasesTest {

    @TempDir
    Path caDirectory;

    private MemoryStorage storage;
    private Fixtures fixtures;
    private InitiateCertificateRequest initiate;
    private SubmitCertificateData submit;
    private CompleteCertificateRequest complete;
    private CancelCertificateRequest cancel;

    @BeforeEach
    void wire() {
        storage = new MemoryStorage();
        fixtures = new Fixtures(storage);
        Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
        RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy();
        Audit audit = new Audit(storage.auditTrail(), clock);
        EmbeddedCertificateAuthority authority =
                new EmbeddedCertificateAuthority(EmbeddedCaSettings.embedded(caDirectory, "http://localhost/"), clock);
        CertificateRevocation revocation = new CertificateRevocation(storage.certificateRecords(), authority, audit);
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
        submit = new SubmitCertificateData(
                storage.certificateRequests(),
                storage.certificateProfiles(),
                storage.profileTemplates(),
                storage.users(),
                storage.certificateRecords(),
                authority,
                policy,
                storage.transactions(),
                audit,
                clock);
        complete = new CompleteCertificateRequest(
                storage.certificateRequests(),
                storage.profileTemplates(),
                execution,
                new Random(3),
                policy,
                storage.transactions(),
                audit,
                clock);
        cancel = new CancelCertificateRequest(
                storage.certificateRequests(), revocation, policy, storage.transactions(), audit, clock);
    }

    private static String csr() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        return Base64.getEncoder()
                .encodeToString(new JcaPKCS10CertificationRequestBuilder(new X500Name(""), keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
                        .getEncoded());
    }

    private static SubmitCertificateData.Command data(String csr) {
        return new SubmitCertificateData.Command(Optional.empty(), List.of(csr), "");
    }

    private CertificateRequest submitted(
            Principal caller, RequestType type, ProfileTemplate template, Optional<CertificateProfile> profile) {
        return assertInstanceOf(
                        InitiateCertificateRequest.Created.class,
                        initiate.initiate(
                                caller,
                                new InitiateCertificateRequest.Command(
                                        type,
                                        template.id(),
                                        profile.map(CertificateProfile::id),
                                        Optional.empty(),
                                        List.of(),
                                        "",
                                        0),
                                Optional.empty()))
                .request();
    }

    private ProfileTemplate template() {
        return fixtures.template(Map.of(
                ProfileOperation.ENROLL, OperationPolicy.selfService(),
                ProfileOperation.RENEW, OperationPolicy.selfService(),
                ProfileOperation.DISABLE, OperationPolicy.selfService()));
    }

    @Test
    void aClientThatCompletedFirstPicksTheCertificateUpOnceAndItJoinsTheNewProfileAtOnce() throws Exception {
        Principal owner = fixtures.user().asPrincipal();
        ProfileTemplate template = template();
        CertificateRequest enroll = submitted(owner, RequestType.ENROLL, template, Optional.empty());
        CertificateRequest done =
                complete.complete(owner, enroll.id(), Optional.empty()).request();
        List<SubmitCertificateData.Delivery> delivered = submit.submit(owner, enroll.id(), data(csr()));
        CertificateRecord record = delivered.get(0).record();
        assertEquals(done.newProfile(), record.profile(), "in the profile the completion created");
        assertEquals(
                List.of(record.number()),
                storage.certificateRecords().ofProfile(done.newProfile().orElseThrow()).stream()
                        .map(CertificateRecord::number)
                        .toList());
    }

    @Test
    void aProfileDisabledMeanwhileTakesNoNewCertificateAndNothingIsIssued() throws Exception {
        Principal owner = fixtures.user().asPrincipal();
        ProfileTemplate template = template();
        CertificateProfile profile = fixtures.storedProfile(owner.userId(), template);
        CertificateRequest renew = submitted(owner, RequestType.RENEW, template, Optional.of(profile));
        submitted(owner, RequestType.DISABLE, template, Optional.of(profile));
        Conflict refused = assertThrows(Conflict.class, () -> submit.submit(owner, renew.id(), data(csr())));
        assertEquals("not_in_this_status", refused.code());
        assertEquals(List.of(), storage.certificateRecords().ofRequest(renew.id()));
    }

    @Test
    void cancelingARequestWhoseCertificateWasIssuedRevokesIt() throws Exception {
        Principal owner = fixtures.user().asPrincipal();
        ProfileTemplate template = template();
        CertificateRequest enroll = submitted(owner, RequestType.ENROLL, template, Optional.empty());
        submit.submit(owner, enroll.id(), data(csr()));
        CertificateRequest canceled = cancel.cancel(owner, enroll.id(), CancelCertificateRequest.Ending.CANCELED);
        assertEquals(RequestStatus.CANCELED, canceled.status());
        CertificateRecord record =
                storage.certificateRecords().ofRequest(enroll.id()).get(0);
        assertEquals(
                RevocationReason.CESSATION_OF_OPERATION,
                record.revocation().orElseThrow().reason());
        assertTrue(record.profile().isEmpty(), "it never joined a profile");
    }

    @Test
    void disablingRevokesTheProfilesCertificatesAsTheDefaultTemplateSays() throws Exception {
        Principal owner = fixtures.user().asPrincipal();
        ProfileTemplate template = template();
        CertificateRequest enroll = submitted(owner, RequestType.ENROLL, template, Optional.empty());
        submit.submit(owner, enroll.id(), data(csr()));
        CertificateProfile profile = storage.certificateProfiles()
                .find(complete.complete(owner, enroll.id(), Optional.empty())
                        .request()
                        .newProfile()
                        .orElseThrow())
                .orElseThrow();
        submitted(owner, RequestType.DISABLE, template, Optional.of(profile));
        assertEquals(
                ProfileStatus.DISABLED,
                storage.certificateProfiles().find(profile.id()).orElseThrow().status());
        assertEquals(
                RevocationReason.CESSATION_OF_OPERATION,
                storage.certificateRecords()
                        .ofProfile(profile.id())
                        .get(0)
                        .revocation()
                        .orElseThrow()
                        .reason());
    }
}
