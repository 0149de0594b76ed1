package org.openprofiles.application.certificate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.pki.CertificateHolder;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.KeyUsage;
import org.openprofiles.domain.certificate.pki.SignatureHash;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.DomainFailure;

/**
 * How the client should make the key pair and PKCS#10 request of a request's certificate, from the
 * template: one option when the client makes the key (Enroll, Renew, Recover, Duplicate), none when
 * the server makes it or the request issues no certificate. A request the caller may not see has
 * no options either.
 */
public final class GetCertificateGenerationOptions {

    /**
     * One certificate request to generate: the subject the certificate will have (empty when the
     * user lacks a field the template needs; posting the request then says which), the key to
     * make, the hash to sign the request with, the key usages the key will have, and a friendly name.
     */
    public record Option(
            String subject, KeyType keyType, SignatureHash hash, Set<KeyUsage> keyUsages, String friendlyName) {}

    private final CertificateRequests requests;
    private final ProfileTemplates templates;
    private final Users users;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;

    public GetCertificateGenerationOptions(
            CertificateRequests requests,
            ProfileTemplates templates,
            Users users,
            AccessPolicy accessPolicy,
            Transactions transactions) {
        this.requests = requests;
        this.templates = templates;
        this.users = users;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
    }

    public List<Option> get(Principal caller, RequestId id) {
        return transactions.readOnly(() -> requests.find(id)
                .filter(r -> r.isVisibleTo(caller, accessPolicy))
                .filter(r -> r.type().issuesCertificate())
                .map(this::options)
                .orElse(List.of()));
    }

    private List<Option> options(CertificateRequest request) {
        ProfileTemplate template = templates.referenced(request.template());
        CertificateSettings settings = template.certificateSettings();
        if (settings.keyGeneration() == KeyGeneration.SERVER) {
            return List.of();
        }
        KeyType key = settings.keyType();
        return List.of(new Option(
                subjectFor(request, settings, key),
                key,
                settings.signatureHash(),
                KeyUsage.applicable(settings.keyUsages(), key.algorithm()),
                template.name()));
    }

    private String subjectFor(CertificateRequest request, CertificateSettings settings, KeyType key) {
        Optional<User> user = users.find(request.target());
        if (user.isEmpty()) {
            return "";
        }
        User u = user.get();
        try {
            return settings.contentFor(
                            new CertificateHolder(u.login(), u.displayName(), u.email(), u.userPrincipalName()),
                            key.algorithm())
                    .subject()
                    .toString();
        } catch (DomainFailure missingField) {
            return "";
        }
    }
}
