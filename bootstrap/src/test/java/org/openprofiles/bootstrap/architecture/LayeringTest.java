package org.openprofiles.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production code of every module obeys the dependency rule. */
class LayeringTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("org.openprofiles");
        // Guard against a vacuous pass: every module must actually have been imported.
        for (String module : List.of(
                "domain",
                "application",
                "adapter.rest",
                "adapter.jdbc",
                "adapter.memory",
                "adapter.metrics",
                "adapter.ca",
                "adapter.ldap",
                "bootstrap",
                "examples")) {
            assertTrue(
                    production.stream().anyMatch(c -> c.getPackageName().startsWith("org.openprofiles." + module)),
                    "no classes imported for " + module);
        }
    }

    private final LayeringRules rules = new LayeringRules("org.openprofiles");

    @Test
    void domainIsPureJava() {
        check(rules.domainIsPureJava());
    }

    @Test
    void applicationKnowsNoAdapterOrFramework() {
        check(rules.applicationKnowsNoAdapterOrFramework());
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        check(rules.adaptersAreIndependent());
        check(rules.jdbcAdapterDoesNotUseRest());
    }

    @Test
    void noAdapterDependsOnAnother() {
        check(rules.adaptersDoNotDependOnEachOther());
    }

    @Test
    void adapterContextsStayApart() {
        check(rules.adapterContextsStayApart());
    }

    @Test
    void nothingDependsOnBootstrap() {
        check(rules.nothingDependsOnBootstrap());
    }

    @Test
    void layersPointInwards() {
        check(rules.layers());
    }

    @Test
    void packagesAreFreeOfCycles() {
        check(rules.noPackageCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
