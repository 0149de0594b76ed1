package org.openprofiles.benchmarks.jmh;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openprofiles.adapter.memory.certificate.MemoryCertificateStorage;
import org.openprofiles.adapter.memory.security.MemorySecurityStorage;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.PinPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.UserId;

/** The data the micro-benchmarks work on: a page of ten profiles of one owner, as the CM list serves it. */
final class HotPaths {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private HotPaths() {}

    static ProfileTemplate template(int t) {
        Map<ProfileOperation, OperationPolicy> policies = new EnumMap<>(ProfileOperation.class);
        for (ProfileOperation operation : ProfileOperation.values()) {
            policies.put(operation, OperationPolicy.selfService());
        }
        return new ProfileTemplate(
                new TemplateId(new UUID(7, t)), "template " + t, "", 1, policies, PinPolicy.standard(), NOW, NOW);
    }

    /** Ten profiles of {@code owner}: six Active, then Disabled, Suspended, Retired, Assigned, over two templates. */
    static List<CertificateProfile> page(UserId owner) {
        ProfileStatus[] statuses = {
            ProfileStatus.ACTIVE, ProfileStatus.ACTIVE, ProfileStatus.ACTIVE, ProfileStatus.ACTIVE,
            ProfileStatus.ACTIVE, ProfileStatus.ACTIVE, ProfileStatus.DISABLED, ProfileStatus.SUSPENDED,
            ProfileStatus.RETIRED, ProfileStatus.ASSIGNED
        };
        return java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new CertificateProfile(
                        new CertificateProfileId(new UUID(1, i)),
                        statuses[i],
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        owner,
                        template(i % 2).id(),
                        1,
                        "",
                        NOW,
                        NOW))
                .toList();
    }

    static Principal owner() {
        return new Principal(new UserId(new UUID(9, 9)), Set.of());
    }

    /** The templates in the in-memory storage adapter: the port without a database round trip. */
    static ProfileTemplates inMemory(List<ProfileTemplate> templates) {
        MemoryTransactions transactions = new MemoryTransactions();
        ProfileTemplates stored = new MemoryCertificateStorage(
                        transactions, new MemorySecurityStorage(transactions).users())
                .profileTemplates();
        transactions.run(() -> templates.forEach(stored::add));
        return stored;
    }
}
