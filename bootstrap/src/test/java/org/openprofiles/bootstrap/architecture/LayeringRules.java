package org.openprofiles.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rule of the hexagon, as ArchUnit rules over a root package. The real code is
 * checked with root {@code org.openprofiles}; the rules' own tests check deliberately broken
 * fixtures under another root, which is how we know every rule bites.
 */
final class LayeringRules {

    private final String root;

    LayeringRules(String root) {
        this.root = root;
    }

    /** The domain sees only the JDK and itself. */
    ArchRule domainIsPureJava() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .as("domain depends only on java.. and the domain itself");
    }

    /** Use cases see the domain and themselves: no adapter, no framework. */
    ArchRule applicationKnowsNoAdapterOrFramework() {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .as("application depends only on java.., the domain and itself");
    }

    /** One adapter never reaches into another: they meet only in the application's ports. */
    ArchRule adaptersAreIndependent() {
        return noClasses().that().resideInAPackage(root + ".adapter.rest..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter.jdbc..")
                .as("the REST adapter does not depend on the JDBC adapter")
                .allowEmptyShould(true);
    }

    ArchRule jdbcAdapterDoesNotUseRest() {
        return noClasses().that().resideInAPackage(root + ".adapter.jdbc..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter.rest..")
                .as("the JDBC adapter does not depend on the REST adapter")
                .allowEmptyShould(true);
    }

    /** Only bootstrap wires; nothing depends on it. */
    ArchRule nothingDependsOnBootstrap() {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .as("nothing outside bootstrap depends on bootstrap")
                .allowEmptyShould(true);
    }

    /** The layered view, with bootstrap as its own outermost layer. */
    ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Application").definedBy(root + ".application..")
                .layer("RestAdapter").definedBy(root + ".adapter.rest..")
                .layer("JdbcAdapter").definedBy(root + ".adapter.jdbc..")
                .layer("Bootstrap").definedBy(root + ".bootstrap..")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("RestAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("JdbcAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("RestAdapter", "JdbcAdapter", "Bootstrap")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "RestAdapter", "JdbcAdapter", "Bootstrap")
                .withOptionalLayers(true);
    }

    /** No cycles between the packages of a module (module.context and below). */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    List<ArchRule> all() {
        return List.of(domainIsPureJava(), applicationKnowsNoAdapterOrFramework(), adaptersAreIndependent(),
                jdbcAdapterDoesNotUseRest(), nothingDependsOnBootstrap(), layers(), noPackageCycles());
    }
}
