package org.openprofiles.application.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRecord;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.OperationRules;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.certificate.pki.CaCertificate;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.CertificateHolder;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateSigningRequest;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuedKeyPair;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.PfxPassword;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Sha256;

/**
 * The client picks up the certificate of an Approved (or Completed) Enroll, Renew, Recover or
 * Duplicate request: from its PKCS#10 request when the template has clients make keys (answered as
 * a certs-only PKCS#7 with the chain), or with a key pair the server makes (answered as a PFX
 * protected by the client's password). Recover also hands back the old profile's archived keys, in
 * PFXs marked as key history. One certificate per request, issued in the request's unit of work
 * with its {@code certificate.issue} event: the same request posted again gets the first answer
 * again; anything else posted again is a {@link Conflict}. A CSR that breaks a rule is refused with
 * every rule it breaks and nothing is issued; a certificate authority that cannot sign is a
 * {@code ServiceUnavailable} and the request stays as it was.
 */
public final class SubmitCertificateData {

    /** The PFX password field, and the request field, as the vendor's body names them. */
    static final String PFX_PASSWORD = "pfxpassword";

    static final String CERTIFICATE_REQUESTS = "certificaterequests";
    static final int MAX_COMMENTS_LENGTH = CertificateRequest.MAX_COMMENT_LENGTH;
    /** Serial numbers are 158 random bits: a second collision in a row would be a broken generator. */
    private static final int ISSUE_ATTEMPTS = 3;

    /** What the client posted: an optional PFX password, its PKCS#10 requests (base64 or PEM), comments. */
    public record Command(Optional<String> pfxPassword, List<String> certificateRequests, String comments) {
        public Command {
            pfxPassword = pfxPassword == null ? Optional.empty() : pfxPassword.filter(p -> !p.isEmpty());
            certificateRequests = certificateRequests == null ? List.of() : List.copyOf(certificateRequests);
            comments = comments == null ? "" : comments;
            if (comments.length() > MAX_COMMENTS_LENGTH) {
                throw new Invalid(
                        "too_long", "comments", "comments must be at most " + MAX_COMMENTS_LENGTH + " characters");
            }
        }

        @Override
        public String toString() {
            return "Command[pfxPassword=" + pfxPassword.map(p -> "(hidden)").orElse("(none)") + ", "
                    + certificateRequests.size() + " certificate request(s)]";
        }
    }

    /**
     * One certificate handed to the client: its record, and either a certs-only PKCS#7 (a key the
     * client made) or a PFX (a key the server made, or an archived key handed back as key history).
     */
    public record Delivery(
            CertificateRecord record,
            Optional<byte[]> pkcs7,
            Optional<byte[]> pfx,
            boolean serverGenerated,
            boolean keyHistory) {}

    private final CertificateRequests requests;
    private final CertificateProfiles profiles;
    private final ProfileTemplates templates;
    private final Users users;
    private final CertificateRecords certificates;
    private final CertificateAuthority authority;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public SubmitCertificateData(
            CertificateRequests requests,
            CertificateProfiles profiles,
            ProfileTemplates templates,
            Users users,
            CertificateRecords certificates,
            CertificateAuthority authority,
            AccessPolicy accessPolicy,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.requests = requests;
        this.profiles = profiles;
        this.templates = templates;
        this.users = users;
        this.certificates = certificates;
        this.authority = authority;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Delivery> submit(Principal caller, RequestId id, Command command) {
        return transactions.inTransaction(() -> {
            CertificateRequest request = requests.lock(id)
                    .filter(r -> r.isVisibleTo(caller, accessPolicy))
                    .orElseThrow(() -> CertificateRequest.notFound(id));
            request.checkCertificatesDeliverableTo(caller, accessPolicy);
            ProfileTemplate template = templates.referenced(request.template());
            CertificateSettings settings = template.certificateSettings();
            List<CertificateSigningRequest> csrs = checkedInput(settings, command);
            List<CertificateRecord> issued = certificates.ofRequest(id);
            List<Delivery> deliveries = new ArrayList<>();
            if (!issued.isEmpty()) {
                deliveries.add(again(issued.get(0), csrs));
            } else {
                Optional<CertificateProfileId> owner = checkProfiles(request);
                deliveries.add(issue(caller, request, template, owner, csrs, command));
            }
            deliveries.addAll(keyHistory(caller, request, command));
            return deliveries;
        });
    }

    /** The requests the template wants (one for client keys, none for server keys), parsed; the PFX password where needed. */
    private static List<CertificateSigningRequest> checkedInput(CertificateSettings settings, Command command) {
        List<CertificateSigningRequest> csrs = new ArrayList<>();
        for (int i = 0; i < command.certificateRequests().size(); i++) {
            csrs.add(CertificateSigningRequest.fromText(
                    command.certificateRequests().get(i), CERTIFICATE_REQUESTS + "[" + i + "]"));
        }
        if (settings.keyGeneration() == KeyGeneration.CLIENT && csrs.size() != 1) {
            throw new Invalid(
                    "certificate_request_count",
                    CERTIFICATE_REQUESTS,
                    "the template has the client make its key: send exactly one PKCS#10 request, not " + csrs.size());
        }
        if (settings.keyGeneration() == KeyGeneration.SERVER) {
            if (!csrs.isEmpty()) {
                throw new Invalid(
                        "key_generated_by_server",
                        CERTIFICATE_REQUESTS,
                        "the template has the server make the key: send a pfxpassword and no certificate request");
            }
            if (command.pfxPassword().isEmpty()) {
                throw new Invalid(
                        "pfx_password_required",
                        PFX_PASSWORD,
                        PFX_PASSWORD + " is required to protect the private key the server makes");
            }
        }
        return csrs;
    }

    /**
     * The profiles the certificate is for must still allow it: before completion, the acted-on
     * profile's status must still allow the operation (locked, as completing would); after, the
     * profile the request created must be Active. Answers the profile the certificate joins now,
     * if the request is completed already.
     */
    private Optional<CertificateProfileId> checkProfiles(CertificateRequest request) {
        if (request.status() == RequestStatus.COMPLETED) {
            CertificateProfileId created = request.newProfile().orElseThrow();
            CertificateProfile profile = profiles.lock(created).orElseThrow();
            if (profile.status() != ProfileStatus.ACTIVE) {
                throw new Conflict(
                        "profile_not_active",
                        "profile",
                        "the profile this request created is "
                                + profile.status().displayName() + ": it takes no new certificate");
            }
            return Optional.of(created);
        }
        if (request.oldProfile().isPresent()) {
            CertificateProfile profile = profiles.lock(request.oldProfile().get())
                    .orElseThrow(
                            () -> new Conflict("profile_gone", "profile", "the request's profile no longer exists"));
            ProfileOperation operation = request.type().operationOn(profile.status());
            if (!OperationRules.possibleIn(profile.status()).contains(operation)) {
                throw profile.refuses(operation);
            }
        }
        return Optional.empty();
    }

    private Delivery issue(
            Principal caller,
            CertificateRequest request,
            ProfileTemplate template,
            Optional<CertificateProfileId> owner,
            List<CertificateSigningRequest> csrs,
            Command command) {
        User target = user(request.target());
        CertificateHolder holder =
                new CertificateHolder(target.login(), target.displayName(), target.email(), target.userPrincipalName());
        String requester = request.originator().equals(request.target())
                ? target.login()
                : user(request.originator()).login();
        CertificateSettings settings = template.certificateSettings();
        Instant now = clock.instant();
        for (int attempt = 1; ; attempt++) {
            CertificateRecord record;
            Delivery delivery;
            if (settings.keyGeneration() == KeyGeneration.CLIENT) {
                CertificateSigningRequest csr = csrs.get(0);
                IssuedCertificate certificate = authority.issue(csr, holder, settings);
                record = CertificateRecord.issued(
                        certificate,
                        issuerName(certificate),
                        request,
                        template,
                        requester,
                        KeyGeneration.CLIENT,
                        Optional.of(Sha256.hex(csr.der())),
                        Optional.empty(),
                        now);
                delivery = new Delivery(
                        record,
                        Optional.of(authority.certificatesOnly(certificate.der())),
                        Optional.empty(),
                        false,
                        false);
            } else {
                IssuedKeyPair pair = authority.issueWithGeneratedKey(
                        holder, settings, PfxPassword.of(command.pfxPassword().orElseThrow(), PFX_PASSWORD));
                record = CertificateRecord.issued(
                        pair.certificate(),
                        issuerName(pair.certificate()),
                        request,
                        template,
                        requester,
                        KeyGeneration.SERVER,
                        Optional.empty(),
                        pair.archivedKey(),
                        now);
                delivery = new Delivery(record, Optional.empty(), Optional.of(pair.pfx()), true, false);
            }
            if (owner.isPresent()) {
                record = record.inProfile(owner.get());
            }
            Optional<CertificateRecord> stored = certificates.add(record);
            if (stored.isPresent()) {
                auditIssued(caller, stored.get(), command.comments());
                return new Delivery(stored.get(), delivery.pkcs7(), delivery.pfx(), delivery.serverGenerated(), false);
            }
            if (attempt >= ISSUE_ATTEMPTS) {
                throw new IllegalStateException(
                        "serial numbers collided " + attempt + " times: the generator is broken");
            }
        }
    }

    /**
     * The first answer again, for a retry that posts the same PKCS#10 request; a server-made key is
     * handed out once (its PFX is kept nowhere), and another request is not a retry.
     */
    private Delivery again(CertificateRecord first, List<CertificateSigningRequest> csrs) {
        boolean sameRequest = first.keyGeneration() == KeyGeneration.CLIENT
                && csrs.size() == 1
                && first.requestFingerprint()
                        .equals(Optional.of(Sha256.hex(csrs.get(0).der())));
        if (!sameRequest) {
            throw new Conflict(
                    "certificate_already_issued",
                    CERTIFICATE_REQUESTS,
                    first.keyGeneration() == KeyGeneration.SERVER
                            ? "this request's certificate was issued with a key the server made, handed out once;"
                                    + " a lost PFX is recovered with a Recover request"
                            : "this request's certificate was issued for another certificate request");
        }
        return new Delivery(
                first,
                Optional.of(authority.certificatesOnly(first.certificate().der())),
                Optional.empty(),
                false,
                false);
    }

    /** Recover hands back the old profile's archived keys (to decrypt what was encrypted to them). */
    private List<Delivery> keyHistory(Principal caller, CertificateRequest request, Command command) {
        if (request.type() != RequestType.RECOVER || request.oldProfile().isEmpty()) {
            return List.of();
        }
        List<CertificateRecord> archived = certificates
                .ofProfile(request.oldProfile().get())
                .stream()
                .filter(r -> r.archivedKey().isPresent())
                .toList();
        if (archived.isEmpty()) {
            return List.of();
        }
        if (command.pfxPassword().isEmpty()) {
            throw new Invalid(
                    "pfx_password_required",
                    PFX_PASSWORD,
                    PFX_PASSWORD + " is required: the profile's archived keys are handed back in PFXs");
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (CertificateRecord record : archived) {
            byte[] pfx = authority.recoverKey(
                    record.archivedKey().get(),
                    record.certificate().der(),
                    PfxPassword.of(command.pfxPassword().get(), PFX_PASSWORD));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("issuer", record.certificate().issuer().value());
            after.put("serial", record.certificate().serial().hex());
            after.put("request", request.id().toString());
            after.put("recoveredBy", caller.userId().toString());
            audit.record(
                    caller,
                    "certificate.recover-key",
                    CertificateRevocation.OBJECT_TYPE,
                    record.certificate().serial().hex(),
                    Map.of(),
                    after);
            deliveries.add(new Delivery(record, Optional.empty(), Optional.of(pfx), true, true));
        }
        return deliveries;
    }

    private User user(UserId id) {
        return users.find(id).orElseThrow(() -> new IllegalStateException("a request names a missing user " + id));
    }

    private String issuerName(IssuedCertificate certificate) {
        return authority
                .caCertificates()
                .find(certificate.issuer())
                .map(CaCertificate::subject)
                .orElse(certificate.issuer().value());
    }

    private void auditIssued(Principal caller, CertificateRecord record, String comments) {
        IssuedCertificate c = record.certificate();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("issuer", c.issuer().value());
        after.put("serial", c.serial().hex());
        after.put("subject", c.subject());
        after.put("notBefore", c.notBefore().toString());
        after.put("notAfter", c.notAfter().toString());
        after.put("request", record.request().toString());
        after.put("holder", record.holder().toString());
        after.put("template", record.template().toString());
        after.put("keyGeneration", record.keyGeneration().name());
        after.put("keyArchived", record.archivedKey().isPresent());
        record.profile().ifPresent(p -> after.put("profile", p.toString()));
        if (!comments.isBlank()) {
            after.put("comments", comments);
        }
        audit.record(
                caller,
                "certificate.issue",
                CertificateRevocation.OBJECT_TYPE,
                c.serial().hex(),
                Map.of(),
                after);
    }
}
