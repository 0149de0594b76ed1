package org.openprofiles.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.openprofiles.bootstrap.architecture.fixture.adapter.jdbc.JdbcRepositoryFixture;
import org.openprofiles.bootstrap.architecture.fixture.adapter.jdbc.JdbcUsingRest;
import org.openprofiles.bootstrap.architecture.fixture.adapter.jdbc.access.JdbcAccessUsingCertificate;
import org.openprofiles.bootstrap.architecture.fixture.adapter.ldap.LdapUsingJdbc;
import org.openprofiles.bootstrap.architecture.fixture.adapter.memory.MemoryStoreFixture;
import org.openprofiles.bootstrap.architecture.fixture.adapter.memory.MemoryUsingJdbc;
import org.openprofiles.bootstrap.architecture.fixture.adapter.rest.RestResourceFixture;
import org.openprofiles.bootstrap.architecture.fixture.adapter.rest.RestUsingJdbc;
import org.openprofiles.bootstrap.architecture.fixture.adapter.rest.access.AccessResourceFixture;
import org.openprofiles.bootstrap.architecture.fixture.adapter.rest.access.AccessResourceUsingCertificate;
import org.openprofiles.bootstrap.architecture.fixture.adapter.rest.certificate.CertificateResourceUsingAccessResource;
import org.openprofiles.bootstrap.architecture.fixture.adapter.rest.shared.SharedHelper;
import org.openprofiles.bootstrap.architecture.fixture.application.ApplicationUsingExamples;
import org.openprofiles.bootstrap.architecture.fixture.application.ApplicationUsingFramework;
import org.openprofiles.bootstrap.architecture.fixture.application.ApplicationUsingRestAdapter;
import org.openprofiles.bootstrap.architecture.fixture.application.CleanUseCase;
import org.openprofiles.bootstrap.architecture.fixture.application.access.AccessUseCase;
import org.openprofiles.bootstrap.architecture.fixture.bootstrap.WiringFixture;
import org.openprofiles.bootstrap.architecture.fixture.domain.CleanValue;
import org.openprofiles.bootstrap.architecture.fixture.domain.DomainUsingBootstrap;
import org.openprofiles.bootstrap.architecture.fixture.domain.DomainUsingJackson;
import org.openprofiles.bootstrap.architecture.fixture.domain.access.AccessValue;
import org.openprofiles.bootstrap.architecture.fixture.domain.certificate.CertificateValue;
import org.openprofiles.bootstrap.architecture.fixture.domain.cycle.a.CycleA;
import org.openprofiles.bootstrap.architecture.fixture.domain.cycle.b.CycleB;
import org.openprofiles.bootstrap.architecture.fixture.domain.shared.SharedValue;
import org.openprofiles.bootstrap.architecture.fixture.examples.ExampleFixture;

/**
 * Each layering rule fails on a deliberate violation: fixtures under
 * {@code …architecture.fixture} break exactly one rule each, so a rule that stopped biting (a
 * typo in a package pattern, a rule that matches nothing) fails here.
 */
class LayeringRulesBiteTest {

    private final LayeringRules rules = new LayeringRules("org.openprofiles.bootstrap.architecture.fixture");

    @Test
    void domainPurityCatchesAFrameworkImport() {
        assertViolates(rules.domainIsPureJava(), DomainUsingJackson.class);
        assertHolds(rules.domainIsPureJava(), CleanValue.class);
    }

    @Test
    void applicationRuleCatchesAFrameworkAndAnAdapter() {
        assertViolates(rules.applicationKnowsNoAdapterOrFramework(), ApplicationUsingFramework.class);
        assertViolates(
                rules.applicationKnowsNoAdapterOrFramework(),
                ApplicationUsingRestAdapter.class,
                RestResourceFixture.class);
        assertHolds(rules.applicationKnowsNoAdapterOrFramework(), CleanUseCase.class, CleanValue.class);
    }

    @Test
    void adapterRulesCatchOneAdapterUsingTheOther() {
        assertViolates(rules.adaptersAreIndependent(), RestUsingJdbc.class, JdbcRepositoryFixture.class);
        assertViolates(rules.jdbcAdapterDoesNotUseRest(), JdbcUsingRest.class, RestResourceFixture.class);
        assertHolds(rules.adaptersAreIndependent(), RestResourceFixture.class, JdbcRepositoryFixture.class);
    }

    @Test
    void adapterIndependenceCatchesAnyAdapterUsingAnother() {
        assertViolates(rules.adaptersDoNotDependOnEachOther(), LdapUsingJdbc.class, JdbcRepositoryFixture.class);
        assertViolates(rules.adaptersDoNotDependOnEachOther(), RestUsingJdbc.class, JdbcRepositoryFixture.class);
        assertViolates(rules.adaptersDoNotDependOnEachOther(), MemoryUsingJdbc.class, JdbcRepositoryFixture.class);
        assertHolds(
                rules.adaptersDoNotDependOnEachOther(),
                RestResourceFixture.class,
                JdbcRepositoryFixture.class,
                AccessResourceFixture.class);
    }

    @Test
    void contextRuleCatchesAnAdapterCrossingIntoAnotherContext() {
        assertViolates(rules.adapterContextsStayApart(), AccessResourceUsingCertificate.class, CertificateValue.class);
        assertViolates(
                rules.adapterContextsStayApart(),
                CertificateResourceUsingAccessResource.class,
                AccessResourceFixture.class);
        assertViolates(rules.adapterContextsStayApart(), JdbcAccessUsingCertificate.class, CertificateValue.class);
        assertHolds(
                rules.adapterContextsStayApart(),
                AccessResourceFixture.class,
                AccessUseCase.class,
                AccessValue.class,
                SharedValue.class,
                SharedHelper.class);
    }

    @Test
    void bootstrapRuleCatchesAnInnerLayerReachingOut() {
        assertViolates(rules.nothingDependsOnBootstrap(), DomainUsingBootstrap.class, WiringFixture.class);
        assertHolds(rules.nothingDependsOnBootstrap(), WiringFixture.class, CleanUseCase.class);
    }

    @Test
    void layeredRuleCatchesWrongDirectionsIncludingBootstrapAsItsOwnLayer() {
        assertViolates(rules.layers(), ApplicationUsingRestAdapter.class, RestResourceFixture.class);
        assertViolates(rules.layers(), RestUsingJdbc.class, JdbcRepositoryFixture.class);
        assertViolates(rules.layers(), DomainUsingBootstrap.class, WiringFixture.class);
        assertViolates(rules.layers(), MemoryUsingJdbc.class, JdbcRepositoryFixture.class);
        assertViolates(
                rules.layers(),
                ApplicationUsingExamples.class,
                ExampleFixture.class,
                MemoryStoreFixture.class,
                JdbcRepositoryFixture.class,
                CleanUseCase.class,
                CleanValue.class);
        // The examples wire use cases on either storage adapter, as bootstrap does.
        assertHolds(
                rules.layers(),
                ExampleFixture.class,
                MemoryStoreFixture.class,
                JdbcRepositoryFixture.class,
                CleanUseCase.class,
                CleanValue.class);
        // Bootstrap wiring everything is allowed: the trap of not declaring it as a layer.
        assertHolds(
                rules.layers(),
                WiringFixture.class,
                RestResourceFixture.class,
                JdbcRepositoryFixture.class,
                CleanUseCase.class,
                CleanValue.class);
    }

    @Test
    void cycleRuleCatchesTwoPackagesThatUseEachOther() {
        assertViolates(rules.noPackageCycles(), CycleA.class, CycleB.class);
        assertHolds(rules.noPackageCycles(), CleanUseCase.class, CleanValue.class);
    }

    private static void assertViolates(ArchRule rule, Class<?>... classes) {
        EvaluationResult result = rule.evaluate(importClasses(classes));
        assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
    }

    private static void assertHolds(ArchRule rule, Class<?>... classes) {
        EvaluationResult result = rule.evaluate(importClasses(classes));
        assertFalse(result.hasViolation(), () -> "unexpected violation: " + result.getFailureReport());
    }

    private static JavaClasses importClasses(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
