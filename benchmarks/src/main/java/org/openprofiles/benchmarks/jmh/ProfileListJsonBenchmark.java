package org.openprofiles.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openprofiles.adapter.rest.certificate.cm.ProfileModel;
import org.openprofiles.adapter.rest.shared.JsonMappers;
import org.openprofiles.application.certificate.OfferedOperations;
import org.openprofiles.application.certificate.ProfileWithOperations;
import org.openprofiles.domain.security.Principal;

/**
 * Writing a Certificate Management profile list as the server does: ten profiles with their
 * operations mapped to the wire model and written by the service's JSON mapper.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProfileListJsonBenchmark {

    private ObjectMapper mapper;
    private List<ProfileWithOperations> page;

    @Setup
    public void setUp() {
        mapper = JsonMappers.standard();
        Principal owner = HotPaths.owner();
        page = new OfferedOperations(HotPaths.inMemory(List.of(HotPaths.template(0), HotPaths.template(1))))
                .forEach(HotPaths.page(owner.userId()), owner);
    }

    @Benchmark
    public byte[] writeAPageOfTen() throws Exception {
        return mapper.writeValueAsBytes(page.stream().map(ProfileModel::from).toList());
    }
}
