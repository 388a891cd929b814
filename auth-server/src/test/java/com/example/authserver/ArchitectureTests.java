package com.example.authserver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
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

    @Test
    void dependenciesFlowFromThePagesToTheStores() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Features")
                .definedBy(
                        BASE + ".pages..",
                        BASE + ".account..",
                        BASE + ".external..",
                        BASE + ".passkeys..",
                        BASE + ".twofactor..",
                        BASE + ".ratelimit..",
                        BASE + ".mail..",
                        BASE + ".requests..")
                .layer("Sign-in")
                .definedBy(BASE + ".security..")
                .layer("Users, claims and stores")
                .definedBy(
                        BASE + ".identity..",
                        BASE + ".claims..",
                        BASE + ".authorization..",
                        BASE + ".clients..",
                        BASE + ".keys..",
                        BASE + ".seed..")
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
        classes()
                .that()
                .resideOutsideOfPackage(BASE)
                .should()
                .resideInAnyPackage(
                        BASE + ".pages..",
                        BASE + ".account..",
                        BASE + ".external..",
                        BASE + ".passkeys..",
                        BASE + ".twofactor..",
                        BASE + ".ratelimit..",
                        BASE + ".mail..",
                        BASE + ".requests..",
                        BASE + ".security..",
                        BASE + ".identity..",
                        BASE + ".claims..",
                        BASE + ".authorization..",
                        BASE + ".clients..",
                        BASE + ".keys..",
                        BASE + ".seed..",
                        BASE + ".system..")
                .because("a new package belongs in one of the layers of dependenciesFlowFromThePagesToTheStores")
                .check(CLASSES);
    }
}
