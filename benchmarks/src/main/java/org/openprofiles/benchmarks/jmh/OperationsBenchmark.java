package org.openprofiles.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openprofiles.application.certificate.OfferedOperations;
import org.openprofiles.application.certificate.ProfileWithOperations;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.OperationRules;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.security.Principal;

/**
 * The operations a caller may perform, computed for a page of ten profiles: the domain rule
 * alone ({@link OperationRules#offered}) and the use-case step that also fetches the page's
 * templates from the port ({@link OfferedOperations#forEach}, templates served from memory).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OperationsBenchmark {

    private Principal owner;
    private List<CertificateProfile> page;
    private ProfileTemplate template0;
    private ProfileTemplate template1;
    private OfferedOperations offered;

    @Setup
    public void setUp() {
        owner = HotPaths.owner();
        page = HotPaths.page(owner.userId());
        template0 = HotPaths.template(0);
        template1 = HotPaths.template(1);
        offered = new OfferedOperations(HotPaths.inMemory(List.of(template0, template1)));
    }

    @Benchmark
    public int rulesForAPageOfTen() {
        int count = 0;
        for (int i = 0; i < page.size(); i++) {
            List<ProfileOperation> ops = OperationRules.offered(page.get(i), i % 2 == 0 ? template0 : template1, owner);
            count += ops.size();
        }
        return count;
    }

    @Benchmark
    public List<ProfileWithOperations> offeredOperationsForAPageOfTen() {
        return offered.forEach(page, owner);
    }
}
