package org.openprofiles.adapter.jdbc.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.Fixtures;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.TemplateId;

/**
 * What the JDBI certificate repositories promise beyond the port contracts (which
 * {@code Jdbi*ContractTest} run): bounded statement counts.
 */
class JdbiCertificateRepositoriesTest {

    private static JdbiStorage storage;

    @BeforeAll
    static void open() {
        storage = JdbiStorage.fresh();
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @Test
    void manyTemplatesAreReadInTwoStatements() {
        Fixtures fixtures = new Fixtures(storage);
        List<TemplateId> ids = IntStream.range(0, 20)
                .mapToObj(i -> fixtures.template(Map.of(
                                ProfileOperation.RENEW, OperationPolicy.selfService(),
                                ProfileOperation.RETIRE, OperationPolicy.selfService()))
                        .id())
                .toList();
        long before = storage.database().statements().count();
        assertEquals(20, storage.profileTemplates().findAll(ids).size());
        assertEquals(2, storage.database().statements().count() - before);
    }
}
