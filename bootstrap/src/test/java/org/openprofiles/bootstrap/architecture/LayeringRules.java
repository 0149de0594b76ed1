package org.openprofiles.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        return classes()
                .that()
                .resideInAPackage(root + ".domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".domain..")
                .as("domain depends only on java.. and the domain itself");
    }

    /** Use cases see the domain and themselves: no adapter, no framework. */
    ArchRule applicationKnowsNoAdapterOrFramework() {
        return classes()
                .that()
                .resideInAPackage(root + ".application..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .as("application depends only on java.., the domain and itself");
    }

    /** One adapter never reaches into another: they meet only in the application's ports. */
    ArchRule adaptersAreIndependent() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".adapter.rest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".adapter.jdbc..")
                .as("the REST adapter does not depend on the JDBC adapter")
                .allowEmptyShould(true);
    }

    ArchRule jdbcAdapterDoesNotUseRest() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".adapter.jdbc..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".adapter.rest..")
                .as("the JDBC adapter does not depend on the REST adapter")
                .allowEmptyShould(true);
    }

    /** No adapter reaches into another, whichever they are (REST, JDBC, and the outside systems'). */
    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapter.(*)..")
                .should()
                .notDependOnEachOther()
                .as("no adapter depends on another adapter")
                .allowEmptyShould(true);
    }

    /**
     * Bounded contexts stay apart in the adapters: a class under {@code adapter.<module>.<context>}
     * uses only its own context of the application, the domain and its own adapter, plus the
     * {@code shared} and {@code security} contexts that every context builds on.
     */
    ArchRule adapterContextsStayApart() {
        return classes()
                .that()
                .resideInAPackage(root + ".adapter..")
                .should(useOnlyTheirOwnContextPlusSharedAndSecurity())
                .allowEmptyShould(true);
    }

    private ArchCondition<JavaClass> useOnlyTheirOwnContextPlusSharedAndSecurity() {
        return new ArchCondition<>(
                "use only their own context of application, domain and adapter, plus shared and security") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<Place> own = place(item.getPackageName());
                if (own.isEmpty()) {
                    return;
                }
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    Optional<Place> target = place(dependency.getTargetClass().getPackageName());
                    boolean sameModuleOrInner = target.isPresent()
                            && (target.get().module().equals(own.get().module())
                                    || target.get().module().equals("domain")
                                    || target.get().module().equals("application"));
                    if (sameModuleOrInner
                            && !OPEN_CONTEXTS.contains(target.get().context())
                            && !target.get().context().equals(own.get().context())) {
                        events.add(SimpleConditionEvent.violated(
                                dependency,
                                dependency.getDescription() + " crosses from context "
                                        + own.get().context() + " into "
                                        + target.get().context()));
                    }
                }
            }
        };
    }

    /** The contexts every context may use. */
    private static final Set<String> OPEN_CONTEXTS = Set.of("shared", "security");

    /** Where a package sits: its module ({@code domain}, {@code application}, {@code adapter.rest}, …) and context. */
    private record Place(String module, String context) {}

    private Optional<Place> place(String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return Optional.empty();
        }
        String[] parts = packageName.substring(root.length() + 1).split("\\.");
        if ((parts[0].equals("domain") || parts[0].equals("application")) && parts.length >= 2) {
            return Optional.of(new Place(parts[0], parts[1]));
        }
        if (parts[0].equals("adapter") && parts.length >= 3) {
            return Optional.of(new Place("adapter." + parts[1], parts[2]));
        }
        return Optional.empty();
    }

    /** Only bootstrap wires; nothing depends on it. */
    ArchRule nothingDependsOnBootstrap() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".bootstrap..")
                .as("nothing outside bootstrap depends on bootstrap")
                .allowEmptyShould(true);
    }

    /**
     * The layered view, with bootstrap as its own outermost layer, and the examples (a program that
     * wires the use cases on a storage adapter without the server) as another. The adapters of
     * outside systems (certificate authority, directory, metrics) are reached only by bootstrap.
     */
    ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Domain")
                .definedBy(root + ".domain..")
                .layer("Application")
                .definedBy(root + ".application..")
                .layer("RestAdapter")
                .definedBy(root + ".adapter.rest..")
                .layer("JdbcAdapter")
                .definedBy(root + ".adapter.jdbc..")
                .layer("MemoryAdapter")
                .definedBy(root + ".adapter.memory..")
                .layer("OutsideSystemAdapters")
                .definedBy(root + ".adapter.ca..", root + ".adapter.ldap..", root + ".adapter.metrics..")
                .layer("Bootstrap")
                .definedBy(root + ".bootstrap..")
                .layer("Examples")
                .definedBy(root + ".examples..")
                .whereLayer("Bootstrap")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Examples")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("RestAdapter")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("JdbcAdapter")
                .mayOnlyBeAccessedByLayers("Bootstrap", "Examples")
                .whereLayer("MemoryAdapter")
                .mayOnlyBeAccessedByLayers("Bootstrap", "Examples")
                .whereLayer("OutsideSystemAdapters")
                .mayOnlyBeAccessedByLayers("Bootstrap", "Examples")
                .whereLayer("Application")
                .mayOnlyBeAccessedByLayers(
                        "RestAdapter", "JdbcAdapter", "MemoryAdapter", "OutsideSystemAdapters", "Bootstrap", "Examples")
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers(
                        "Application",
                        "RestAdapter",
                        "JdbcAdapter",
                        "MemoryAdapter",
                        "OutsideSystemAdapters",
                        "Bootstrap",
                        "Examples")
                .withOptionalLayers(true);
    }

    /** No cycles between the packages of a module (module.context and below). */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }

    List<ArchRule> all() {
        return List.of(
                domainIsPureJava(),
                applicationKnowsNoAdapterOrFramework(),
                adaptersAreIndependent(),
                jdbcAdapterDoesNotUseRest(),
                adaptersDoNotDependOnEachOther(),
                adapterContextsStayApart(),
                nothingDependsOnBootstrap(),
                layers(),
                noPackageCycles());
    }
}
