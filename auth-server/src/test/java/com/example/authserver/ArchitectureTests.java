package com.example.authserver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules, kept as the code changes: no package depends on itself through others, and dependencies flow one
 * way: the pages and account flows, then sign-in, then the users, claims and stores, then the server-wide parts.
 */
class ArchitectureTests {

    static final String BASE = AuthServerApplication.class.getPackageName();

    /** The server's own classes: the folder (or jar) the application class was loaded from, without the tests. */
    static final JavaClasses CLASSES = new ClassFileImporter()
            .importUrl(AuthServerApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation());

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /** The features: pages, account flows, sign-in methods, protocol flows. Nothing depends on them. */
    static final String[] FEATURES = packages(
            "pages",
            "account",
            "logout",
            "sessions",
            "external",
            "passkeys",
            "twofactor",
            "ratelimit",
            "mail",
            "device",
            "exchange",
            "passwordgrant",
            "dpop",
            "prompts",
            "ciba",
            "requests",
            "metadatadocuments",
            "registration",
            "resources",
            "imports",
            "administration",
            "admin",
            "scim");

    /** What the sign-in code and the features use: users, claims, stores, clients, keys. */
    static final String[] STORES = packages("identity", "claims", "authorization", "clients", "keys", "seed", "audit");

    @Test
    void dependenciesFlowFromThePagesToTheStores() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Features")
                .definedBy(FEATURES)
                .layer("Sign-in")
                .definedBy(BASE + ".security..")
                .layer("Users, claims and stores")
                .definedBy(STORES)
                .layer("Server")
                .definedBy(BASE + ".system..")
                .whereLayer("Features")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Sign-in")
                .mayOnlyBeAccessedByLayers("Features")
                .whereLayer("Users, claims and stores")
                .mayOnlyBeAccessedByLayers("Features", "Sign-in")
                .whereLayer("Server")
                .mayNotAccessAnyLayer()
                .check(CLASSES);
    }

    @Test
    void everyPackageIsInALayer() {
        List<String> layers = new ArrayList<>(List.of(FEATURES));
        layers.addAll(List.of(STORES));
        layers.add(BASE + ".security..");
        layers.add(BASE + ".system..");
        classes()
                .that()
                .resideOutsideOfPackage(BASE)
                .should()
                .resideInAnyPackage(layers.toArray(String[]::new))
                .because("a new package belongs in one of the layers of dependenciesFlowFromThePagesToTheStores")
                .check(CLASSES);
    }

    private static String[] packages(String... names) {
        return Stream.of(names).map(name -> BASE + "." + name + "..").toArray(String[]::new);
    }
}
