package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.domain.security.Role;
import org.slf4j.LoggerFactory;

/**
 * The vendor's enrollment walkthrough for a software template, over real HTTP with a real CA: list
 * the templates, read the enroll policy, create the request with its data collection, read it,
 * get the generation options, post a CSR made here, complete, read the profile and its
 * certificates; then Renew, Revoke, and Recover of an archived key. The certificates are checked
 * as a relying party would in {@link RelyingPartyTest}; this class checks what the client sees.
 */
@ExtendWith(PostgresExtension.class)
class CertificateWalkthroughTest {

    private static final String NIL = "00000000-0000-0000-0000-000000000000";
    /** Client keys (the defaults), Renew and Recover supersede, a required data collection item. */
    private static final String VPN = UUID.randomUUID().toString();
    /** Keys made by the server and archived; Recover hands the archived key back. */
    private static final String ARCHIVED = UUID.randomUUID().toString();

    @TempDir
    static Path dataDir;

    private static Server server;
    private static Http http;
    private static TestDatabase db;
    private static TestUsers.Caller alice;
    private static TestUsers.Caller bob;

    @BeforeAll
    static void start(TestDatabase database) {
        db = database;
        server = Server.start(
                TestServers.build(TestServers.builder(database).with(Config.DATA_DIR, dataDir.toString())));
        http = new Http(server.uri());
        alice = TestUsers.create(server, "alice");
        bob = TestUsers.create(server, "bob", Role.CM_AGENT);
        template(VPN, "VPN users", """
                "enroll":{"ownerMayInitiate":true,"onBehalfRoles":["cm-agent"],"dataCollection":[{"name":"Request Reason","description":"Why","required":true}]},
                "renew":{"ownerMayInitiate":true},"recover":{"ownerMayInitiate":true},
                "revoke":{"ownerMayInitiate":true},"disable":{"ownerMayInitiate":true}""", """
                {"revokeOn":["DISABLE","RETIRE","RENEW","RECOVER"]}""");
        template(ARCHIVED, "Encryption", """
                "enroll":{"ownerMayInitiate":true},"recover":{"ownerMayInitiate":true}""", """
                {"keyGeneration":"SERVER","keyType":"EC_P256","archiveKeys":true,
                 "keyUsages":["DIGITAL_SIGNATURE","KEY_AGREEMENT"],"extendedKeyUsages":["SECURE_EMAIL"],
                 "alternativeNames":["EMAIL"]}""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void template(String id, String name, String policies, String settings) {
        HttpResponse<String> created = http.post(
                "/admin/v1/profile-templates", """
                {"id":"%s","name":"%s","policies":{%s},"certificateSettings":%s}
                """.formatted(id, name, policies, settings), TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
    }

    static String requestId(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        return json(created).asText().substring("api/v1.0/requests/".length());
    }

    static HttpResponse<String> certificateData(TestUsers.Caller caller, String request, String body) {
        return http.post(CM + "/requests/" + request + "/certificatedata", body, caller.auth());
    }

    static String csrBody(String csr) {
        return "{\"pfxpassword\":\"\",\"certificaterequests\":[\"" + csr + "\"]}";
    }

    /** The one profile a completed request created. */
    static String newProfile(TestUsers.Caller caller, String request) {
        return json(http.get(CM + "/requests/" + request, caller.auth()))
                .get("NewProfileUuid")
                .asText();
    }

    static void completed(TestUsers.Caller caller, String request) {
        HttpResponse<String> done = http.put(CM + "/requests/" + request, "{\"status\":\"Completed\"}", caller.auth());
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(8, json(done).get("Status").asInt());
    }

    /** Enrolls {@code caller} for {@link #VPN} with a CSR of {@code keys}; answers the new profile's id and its certificate. */
    static Enrolled enrollVpn(TestUsers.Caller caller, String login, KeyPair keys) {
        String request = requestId(http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Enroll","comment":"",
                 "datacollection":"[{\\"Request Reason\\":\\"Need VPN Certs\\"}]"}
                """.formatted(VPN), caller.auth()));
        HttpResponse<String> data = certificateData(caller, request, csrBody(TestCsrs.csr(keys, "CN=" + login)));
        assertEquals(200, data.statusCode(), data.body());
        completed(caller, request);
        return new Enrolled(
                request,
                newProfile(caller, request),
                TestCsrs.pkcs7(json(data).get(0).get("Pkcs7").asText()).get(0));
    }

    record Enrolled(String request, String profile, X509Certificate certificate) {}

    @Test
    void aClientFollowsTheVendorsWalkthroughFromTemplatesToAnInstalledCertificate() {
        // 1. The templates the user may enroll for.
        HttpResponse<String> templates =
                http.get("/CertificateManagement/api/v1.0/ProfileTemplates?targetuser=current", alice.auth());
        assertEquals(200, templates.statusCode(), templates.body());
        assertEquals(
                "application/json",
                templates.headers().firstValue("Content-Type").orElseThrow());
        JsonNode vpn = null;
        for (JsonNode t : json(templates)) {
            if (t.get("Uuid").asText().equals(VPN)) {
                vpn = t;
            }
        }
        assertTrue(vpn != null, templates.body());
        assertEquals(
                List.of(
                        "Name",
                        "Description",
                        "Uuid",
                        "IsSmartcardProfileTemplate",
                        "IsVirtualSmartcardProfileTemplate"),
                names(vpn));
        assertEquals("VPN users", vpn.get("Name").asText());
        assertEquals(vpn, json(http.get(CM + "/profiletemplates/" + VPN.toUpperCase(Locale.ROOT), alice.auth())));

        // 2. The enroll policy, at both of the vendor's addresses: one required item, comments collected.
        JsonNode policy = json(http.get(CM + "/profiletemplates/" + VPN + "/policies/Enroll", alice.auth()));
        assertEquals(14, policy.size(), policy.toString());
        assertEquals(policy, json(http.get(CM + "/profiletemplates/" + VPN + "/policy/workflow/enroll", alice.auth())));
        JsonNode item = policy.get("PolicyDataCollection").get(0);
        assertEquals("Request Reason", item.get("Name").asText());
        assertTrue(item.get("IsRequired").asBoolean());
        assertTrue(policy.get("Enabled").asBoolean()
                && policy.get("SelfServiceEnabled").asBoolean());
        assertEquals(0, policy.get("ApprovalsNeeded").asInt());

        // 3. The request, with the walkthrough's data collection (a string holding the vendor's items).
        HttpResponse<String> missingReason = http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Enroll","comment":"","datacollection":"[]"}
                """.formatted(VPN), alice.auth());
        assertEquals(400, missingReason.statusCode());
        assertTrue(
                missingReason.body().contains("data_collection_item_required")
                        && missingReason.body().contains("\"field\":\"datacollection\""),
                missingReason.body());
        String request =
                requestId(http.post(CM + "/requests", """
                {"datacollection":"[{\\"Request Reason\\":\\"Need VPN Certs\\"}]","type":"Enroll",
                 "profiletemplateuuid":"%s","comment":""}
                """.formatted(VPN.toUpperCase(Locale.ROOT)), alice.auth()));

        // 4. Read it: Approved, no smart card, the data collection as [{"Name","Value"}].
        JsonNode read = json(http.get(CM + "/requests/" + request, alice.auth()));
        assertEquals(3, read.get("Status").asInt());
        assertEquals(NIL, read.get("NewSmartcardUuid").asText());
        assertEquals(
                "[{\"Name\":\"Request Reason\",\"Value\":\"Need VPN Certs\"}]",
                read.get("DataCollection").toString());

        // 5. How to make the key and request.
        JsonNode options =
                json(http.get(CM + "/requests/" + request + "/certificaterequestgenerationoptions", alice.auth()));
        assertEquals(1, options.size());
        assertEquals("ECDSA_P256", options.get(0).get("KeyAlgorithmName").asText());
        assertEquals(256, options.get(0).get("KeySize").asInt());
        assertEquals("SHA256", options.get(0).get("HashAlgorithmName").asText());
        assertEquals("CN=alice", options.get(0).get("Subject").asText());
        assertEquals(2, options.get(0).get("KeyUsages").asInt(), "an EC key signs (Windows' Signing flag)");

        // 6. Post the request made here; get the certificate back as a certs-only PKCS#7.
        KeyPair keys = TestCsrs.ec("secp256r1");
        String csr = TestCsrs.csr(keys, "CN=alice");
        HttpResponse<String> data = certificateData(
                alice,
                request,
                "{\"pfxpassword\":\"\",\"certificaterequests\":[\"" + csr + "\"],\"comments\":\"laptop\"}");
        assertEquals(200, data.statusCode(), data.body());
        JsonNode certificate = json(data).get(0);
        assertEquals(
                List.of(
                        "TemplateCommonName",
                        "CertificateId",
                        "Flags",
                        "UseLocalMachineStore",
                        "Error",
                        "Pkcs7",
                        "Pfx",
                        "IsExternal",
                        "isServerGenerated",
                        "isPfx",
                        "isPkcs7",
                        "isKeyHistory"),
                names(certificate));
        assertTrue(certificate.get("isPkcs7").asBoolean());
        assertFalse(certificate.get("isPfx").asBoolean()
                || certificate.get("isServerGenerated").asBoolean());
        assertTrue(certificate.get("Pfx").isNull());
        List<X509Certificate> chain = TestCsrs.pkcs7(certificate.get("Pkcs7").asText());
        X509Certificate leaf = chain.get(0);
        assertEquals(keys.getPublic(), leaf.getPublicKey());
        assertEquals("CN=alice", leaf.getSubjectX500Principal().getName());
        assertEquals(3, chain.size(), "the leaf, the issuing CA and the root");

        // Posted twice: the first answer again, never a second certificate; another request is a conflict.
        HttpResponse<String> again = certificateData(alice, request, csrBody(csr));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(
                certificate.get("CertificateId").asLong(),
                json(again).get(0).get("CertificateId").asLong());
        assertEquals(
                leaf, TestCsrs.pkcs7(json(again).get(0).get("Pkcs7").asText()).get(0));
        HttpResponse<String> other =
                certificateData(alice, request, csrBody(TestCsrs.csr(TestCsrs.ec("secp256r1"), "CN=alice")));
        assertEquals(409, other.statusCode(), other.body());
        assertEquals(
                "application/json",
                other.headers().firstValue("Content-Type").orElseThrow(),
                "errors on CM routes are application/json");
        assertTrue(other.body().contains("certificate_already_issued"), other.body());
        assertEquals(1, issuedFor(request));
        assertEquals(1, auditCount("certificate.issue", leaf), "one issuance, one event");

        // 7. Complete, then read the profile and its certificates.
        completed(alice, request);
        String profile = newProfile(alice, request);
        JsonNode profileRead = json(http.get(CM + "/requests/" + request + "/profiles/" + profile, alice.auth()));
        assertEquals(2, profileRead.get("Status").asInt());
        JsonNode operations = json(http.get(CM + "/Profiles/" + profile + "/Operations", alice.auth()));
        assertTrue(
                operations.toString().contains("\"renew\"")
                        && operations.toString().contains("\"revoke\""),
                operations.toString());
        JsonNode certificates = json(http.get(CM + "/profiles/" + profile + "/certificates", alice.auth()));
        assertEquals(1, certificates.size());
        JsonNode listed = certificates.get(0);
        assertEquals(
                leaf.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                listed.get("SerialNumber").asText());
        assertEquals(0, listed.get("Status").asInt(), "in force");
        assertTrue(
                listed.get("NotAfter").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"),
                "no Z: " + listed);
        assertEquals("alice", listed.get("RequesterName").asText());
        assertEquals("VPN users", listed.get("TemplateCommonName").asText());
        assertTrue(json(http.get(CM + "/certificates", alice.auth()))
                .toString()
                .contains(listed.get("Thumbprint").asText()));
        TestUsers.Caller stranger = TestUsers.create(server, "stranger");
        assertEquals(
                204,
                http.get(CM + "/profiles/" + profile + "/certificates", stranger.auth())
                        .statusCode(),
                "another user's profile: nothing to see");
    }

    @Test
    void renewIssuesTheSuccessorsCertificateAndSupersedesTheOldOneAndRevokeRevokesAtOnce() {
        TestUsers.Caller carol = TestUsers.create(server, "carol");
        Enrolled first = enrollVpn(carol, "carol", TestCsrs.ec("secp256r1"));

        String renew = requestId(http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Renew","comment":"","profile":"%s"}
                """.formatted(VPN, first.profile()), carol.auth()));
        assertEquals(
                1,
                json(http.get(CM + "/requests/" + renew + "/certificaterequestgenerationoptions", carol.auth()))
                        .size());
        HttpResponse<String> data = certificateData(carol, renew, csrBody(TestCsrs.csr(TestCsrs.ec("secp256r1"), "")));
        assertEquals(200, data.statusCode(), data.body());
        X509Certificate renewed =
                TestCsrs.pkcs7(json(data).get(0).get("Pkcs7").asText()).get(0);
        assertEquals(0, status(carol, first.profile()), "not superseded before the renewal completes");
        completed(carol, renew);
        String successor = newProfile(carol, renew);
        assertEquals(1, status(carol, first.profile()), "superseded: the template revokes on Renew");
        assertEquals(0, status(carol, successor));
        assertEquals(
                renewed.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                json(http.get(CM + "/profiles/" + successor + "/certificates", carol.auth()))
                        .get(0)
                        .get("SerialNumber")
                        .asText());
        assertEquals(
                6,
                json(http.get(CM + "/profiles/" + first.profile(), carol.auth()))
                        .get("Status")
                        .asInt(),
                "Retired");

        // Revoke: the vendor's request type, executed at once.
        HttpResponse<String> revoke = http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Revoke","comment":"lost my laptop","profile":"%s"}
                """.formatted(VPN, successor), carol.auth());
        String revokeId = requestId(revoke);
        JsonNode revoked = json(http.get(CM + "/requests/" + revokeId, carol.auth()));
        assertEquals(8, revoked.get("Status").asInt(), "Completed at once");
        assertEquals(15, revoked.get("RequestType").asInt());
        assertEquals(1, status(carol, successor));
        assertEquals(
                3,
                json(http.get(CM + "/profiles/" + successor, carol.auth()))
                        .get("Status")
                        .asInt(),
                "Disabled");
        assertEquals(204, http.get(CM + "/certificates", carol.auth()).statusCode(), "nothing in force any more");
        assertEquals(2, auditCount("certificate.revoke", first.certificate(), renewed));
    }

    @Test
    void recoverHandsBackTheArchivedKeyInAPfxWithANewKeyAndSupersedesTheOldCertificate() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        rootLogger.addAppender(logs);
        try {
            recoverAnArchivedKey();
        } finally {
            rootLogger.detachAppender(logs);
        }
        assertTrue(
                logs.list.stream()
                        .map(e -> e.getFormattedMessage() + e.getThrowableProxy())
                        .noneMatch(line -> line.contains("first secret") || line.contains("second secret")),
                "no PFX password in any log line");
    }

    private void recoverAnArchivedKey() throws Exception {
        TestUsers.Caller dora = TestUsers.create(server, "dora");
        setEmail(dora, "dora@example.org");
        String enroll = requestId(http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Enroll","comment":""}
                """.formatted(ARCHIVED), dora.auth()));
        assertEquals(
                204,
                http.get(CM + "/requests/" + enroll + "/certificaterequestgenerationoptions", dora.auth())
                        .statusCode(),
                "the server makes the key: nothing for the client to generate");
        HttpResponse<String> noPassword = certificateData(dora, enroll, "{\"certificaterequests\":[]}");
        assertEquals(400, noPassword.statusCode());
        assertTrue(noPassword.body().contains("\"field\":\"pfxpassword\""), noPassword.body());
        HttpResponse<String> issued = certificateData(dora, enroll, "{\"pfxpassword\":\"first secret\"}");
        assertEquals(200, issued.statusCode(), issued.body());
        JsonNode pfxEntry = json(issued).get(0);
        assertTrue(pfxEntry.get("isPfx").asBoolean()
                && pfxEntry.get("isServerGenerated").asBoolean());
        TestCsrs.Pfx original = TestCsrs.pfx(pfxEntry.get("Pfx").asText(), "first secret");
        assertTrue(
                original.chain().get(0).getSubjectAlternativeNames().toString().contains("dora@example.org"));
        HttpResponse<String> twice = certificateData(dora, enroll, "{\"pfxpassword\":\"first secret\"}");
        assertEquals(409, twice.statusCode(), "a server-made key is handed out once");
        completed(dora, enroll);
        String profile = newProfile(dora, enroll);
        JsonNode listed = json(http.get(CM + "/profiles/" + profile + "/certificates", dora.auth()))
                .get(0);
        assertTrue(listed.get("ArchivedOnCa").asBoolean());

        String recover = requestId(http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Recover","comment":"new laptop","profile":"%s"}
                """.formatted(ARCHIVED, profile), dora.auth()));
        HttpResponse<String> recovered = certificateData(dora, recover, "{\"pfxpassword\":\"second secret\"}");
        assertEquals(200, recovered.statusCode(), recovered.body());
        JsonNode answer = json(recovered);
        assertEquals(2, answer.size(), answer.toString());
        assertFalse(answer.get(0).get("isKeyHistory").asBoolean());
        assertTrue(answer.get(1).get("isKeyHistory").asBoolean());
        TestCsrs.Pfx fresh = TestCsrs.pfx(answer.get(0).get("Pfx").asText(), "second secret");
        TestCsrs.Pfx history = TestCsrs.pfx(answer.get(1).get("Pfx").asText(), "second secret");
        assertArrayEquals(original.key().getEncoded(), history.key().getEncoded(), "the archived key itself");
        assertEquals(original.chain().get(0), history.chain().get(0));
        assertFalse(
                java.util.Arrays.equals(original.key().getEncoded(), fresh.key().getEncoded()), "and a new key");
        completed(dora, recover);
        assertEquals(1, status(dora, profile), "the old certificate is superseded");
        assertEquals(0, status(dora, newProfile(dora, recover)));
        assertEquals(0, storedAnywhere("first secret") + storedAnywhere("second secret"), "no PFX password is kept");
        assertEquals(1, auditCount("certificate.recover-key", original.chain().get(0)));
    }

    @Test
    void aCsrThatBreaksARuleIs400NamingItAndIssuesAndWritesNothing() {
        TestUsers.Caller erin = TestUsers.create(server, "erin");
        String request = requestId(http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Enroll","comment":"","datacollection":[{"Request Reason":"x"}]}
                """.formatted(VPN), erin.auth()));
        record Case(String csr, String code) {}
        for (Case bad : List.of(
                new Case(TestCsrs.tamperedCsr(TestCsrs.ec("secp256r1"), "CN=erin"), "csr_signature_invalid"),
                new Case(TestCsrs.csr(TestCsrs.rsa(1024), "CN=erin"), "csr_key_too_weak"),
                new Case(TestCsrs.csr(TestCsrs.ec("secp256r1"), "CN=admin"), "csr_subject_not_granted"),
                new Case(
                        TestCsrs.csrAskingForDnsName(TestCsrs.ec("secp256r1"), "CN=erin", "www.example.org"),
                        "csr_alternative_name_not_granted"),
                new Case("not base64!", "csr_not_base64"))) {
            HttpResponse<String> refused = certificateData(erin, request, csrBody(bad.csr()));
            assertEquals(400, refused.statusCode(), bad.code() + ": " + refused.body());
            assertTrue(
                    refused.body().contains(bad.code()) && refused.body().contains("certificaterequests[0]"),
                    refused.body());
            assertFalse(refused.body().contains("Exception"), refused.body());
        }
        assertEquals(0, issuedFor(request));
        assertEquals(
                3,
                json(http.get(CM + "/requests/" + request, erin.auth()))
                        .get("Status")
                        .asInt(),
                "still Approved");
        HttpResponse<String> good = certificateData(erin, request, csrBody(TestCsrs.csr(TestCsrs.ec("secp384r1"), "")));
        assertEquals(200, good.statusCode(), good.body());
    }

    @Test
    void theVendorsDataCollectionShapesAreAcceptedAndTheTargetSeesWhatAnAgentEnrolledForThem() {
        TestUsers.Caller fred = TestUsers.create(server, "fred");
        String request = requestId(http.post(
                CM + "/requests", """
                {"datacollection":[{"Request Reason":"travel"},{"city":"seattle"}],"type":"Enroll",
                 "profiletemplateuuid":"%s","comment":"","target":"%s","priority":"4"}
                """.formatted(VPN, fred.id().toString().toUpperCase(Locale.ROOT)), bob.auth()));
        JsonNode read = json(http.get(CM + "/requests/" + request, fred.auth()));
        assertEquals(
                "[{\"Name\":\"Request Reason\",\"Value\":\"travel\"},{\"Name\":\"city\",\"Value\":\"seattle\"}]",
                read.get("DataCollection").toString());
        assertEquals(4, read.get("Priority").asInt());
        JsonNode fredsRequests = json(http.get(CM + "/requests?targetuser=current", fred.auth()));
        assertEquals(request, fredsRequests.get(0).get("Uuid").asText(), "listed for its target");
        assertEquals(
                fred.id().toString(), fredsRequests.get(0).get("TargetUserUuid").asText());
    }

    private static int status(TestUsers.Caller caller, String profile) {
        return json(http.get(CM + "/profiles/" + profile + "/certificates", caller.auth()))
                .get(0)
                .get("Status")
                .asInt();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int issuedFor(String request) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM issued_certificate WHERE request_id = CAST(:id AS uuid)")
                        .bind("id", request)
                        .mapTo(Integer.class)
                        .one());
    }

    private static int auditCount(String action, X509Certificate... certificates) {
        int count = 0;
        for (X509Certificate certificate : certificates) {
            count += db.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT count(*) FROM audit_event WHERE action = :action AND object_id = :serial")
                            .bind("action", action)
                            .bind("serial", certificate.getSerialNumber().toString(16))
                            .mapTo(Integer.class)
                            .one());
        }
        return count;
    }

    private static int storedAnywhere(String text) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM audit_event WHERE before::text LIKE :like OR after::text LIKE :like")
                        .bind("like", "%" + text + "%")
                        .mapTo(Integer.class)
                        .one());
    }

    static void setEmail(TestUsers.Caller caller, String email) {
        HttpResponse<String> set = http.put(
                "/admin/v1/users/" + caller.id() + "/addresses", "{\"email\":\"" + email + "\"}", TestUsers.admin());
        assertEquals(200, set.statusCode(), set.body());
    }
}
