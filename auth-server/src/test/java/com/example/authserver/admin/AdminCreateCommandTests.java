package com.example.authserver.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.AuthServerApplication;
import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditQuery;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code admin create} run in the test's JVM with the creation bean of the shared server context (what the command
 * does once its own context is up), a scripted console, and what it printed. The seeded {@code admin} exists here, so
 * each creation that should succeed says {@code --force}.
 */
@ServerTest
class AdminCreateCommandTests {

    static final String PASSWORD = "Quiet-Lantern-73";

    @Autowired
    AdminCreation creation;

    @Autowired
    UserManager userManager;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    TestServer server;

    record Run(int exitCode, String out, String err) {}

    @Test
    void createsAConfirmedAdministratorWithThePasswordTypedTwice() {
        String name = unique();

        Run run = run(console(PASSWORD, PASSWORD), "--username=" + name, "--email=" + name + "@example.org", "--force");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Created administrator '" + name + "'");
        ApplicationUser admin = userManager.findByName(name).orElseThrow();
        assertThat(admin.isEmailConfirmed()).isTrue();
        assertThat(userManager.getRoleNames(admin)).containsExactly("admin");
        assertThat(userManager.checkPassword(admin.getId(), PASSWORD)).isEqualTo(PasswordCheckResult.SUCCESS);
        assertThat(eventsOf(admin))
                .extracting(AuditEvent::type, AuditEvent::method)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(AuditEventType.USER_CREATED, "command"),
                        org.assertj.core.groups.Tuple.tuple(AuditEventType.USER_ROLES_CHANGED, "command"));
    }

    @Test
    void refusesASecondAdministratorWithoutForce() {
        String name = unique();

        Run run = run(console(PASSWORD, PASSWORD), "--username=" + name, "--email=" + name + "@example.org");

        assertThat(run.exitCode()).isEqualTo(AdminCommandLine.FAILED);
        assertThat(run.err()).contains("An administrator exists already").contains("--force");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(userManager.findByName(name)).isEmpty();
    }

    @Test
    void badOrTakenNamesAndAddressesAreRefusedNamingTheOption() {
        String name = unique();
        Map<List<String>, String> refusals = Map.of(
                List.of("--username=bad name!", "--email=" + name + "@example.org"), "--username: ",
                List.of("--username=" + "x".repeat(65), "--email=" + name + "@example.org"), "--username: ",
                List.of("--username=admin", "--email=" + name + "@example.org"),
                        "--username: the user name 'admin' is taken",
                List.of("--username=" + name, "--email=not-an-address"), "--email: ",
                List.of("--username=" + name, "--email=admin@example.com"), "--email: the address",
                List.of("--username=other@example.org", "--email=" + name + "@example.org"), "--username: ");
        refusals.forEach((options, message) -> {
            List<String> args = new java.util.ArrayList<>(options);
            args.add("--force");
            Run run = run(console(PASSWORD, PASSWORD), args.toArray(String[]::new));
            assertThat(run.exitCode()).as(options + ": " + run).isEqualTo(AdminCommandLine.FAILED);
            assertThat(run.err()).as(options.toString()).startsWith(message).doesNotContain("Exception");
        });
        assertThat(userManager.findByName(name)).isEmpty();
    }

    @Test
    void aRefusedPasswordIsAskedAgainAndThreeRefusalsCreateNothing() {
        String name = unique();
        String[] options = {"--username=" + name, "--email=" + name + "@example.org", "--force"};

        Run mismatch = run(console("short", "short", PASSWORD, "other-" + PASSWORD, "password", "password"), options);
        assertThat(mismatch.exitCode()).isEqualTo(AdminCommandLine.FAILED);
        assertThat(mismatch.err())
                .contains("Password: Use at least")
                .contains("Password: The two passwords are not the same.")
                .contains("refused 3 times");
        assertThat(userManager.findByName(name)).isEmpty();

        Run second = run(console("short", "short", PASSWORD, PASSWORD), options);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(userManager.checkPassword(
                        userManager.findByName(name).orElseThrow().getId(), PASSWORD))
                .isEqualTo(PasswordCheckResult.SUCCESS);
    }

    @Test
    void theEndOfTheInputCreatesNothing() {
        String name = unique();

        Run run = run(console(), "--username=" + name, "--email=" + name + "@example.org", "--force");

        assertThat(run.exitCode()).isEqualTo(AdminCommandLine.FAILED);
        assertThat(run.err()).contains("No password given");
        assertThat(userManager.findByName(name)).isEmpty();
    }

    @Test
    void unknownOptionsAndCommandsAreUsageErrors() {
        for (String[] args : List.of(
                new String[] {"admin", "create", "--username=x", "--email=x@example.org", "--frce"},
                new String[] {"admin", "create", "--username=x"},
                new String[] {"admin", "delete", "--username=x"},
                new String[] {"admin"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = AdminCommandLine.run(
                    AuthServerApplication.class,
                    args,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    null);
            assertThat(exit).as(Arrays.toString(args)).isEqualTo(AdminCommandLine.USAGE);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: admin create");
        }
    }

    @Test
    void withLinkOrWithoutAConsoleAOneTimeLinkSetsThePassword() {
        String name = unique();

        Run run = run(null, "--username=" + name, "--email=" + name + "@example.org", "--force", "--link");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String link = run.out()
                .lines()
                .filter(line -> line.startsWith(server.issuer() + "/account/reset-password?token="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(run.toString()));
        ApplicationUser admin = userManager.findByName(name).orElseThrow();
        assertThat(admin.getPasswordHash()).isNull();

        Browser browser = server.browser();
        Page form = browser.navigate(link);
        Page done = browser.follow(browser.submit(
                form,
                "form[action$=/account/reset-password]",
                Map.of("password", PASSWORD, "confirmPassword", PASSWORD)));
        assertThat(done.uri().getQuery()).isEqualTo("done");
        assertThat(userManager.checkPassword(admin.getId(), PASSWORD)).isEqualTo(PasswordCheckResult.SUCCESS);
        assertThat(server.browser().navigate(link).status())
                .as("the link works once")
                .isEqualTo(400);
        Browser signedIn = server.browser();
        signedIn.signIn(name, PASSWORD);
        assertThat(signedIn.navigate("/admin").status()).isEqualTo(200);
    }

    private Run run(AdminCommandLine.PasswordPrompt prompt, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            exit = AdminCommandLine.create(
                    creation,
                    CreateOptions.parse(List.of(options)),
                    server.issuer() + "/",
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    prompt);
        } catch (CommandFailure ex) {
            throw new AssertionError("options refused: " + ex.getMessage());
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A console on which these passwords are typed, one per prompt, then the end of the input. */
    private static AdminCommandLine.PasswordPrompt console(String... typed) {
        Deque<String> lines = new ArrayDeque<>(List.of(typed));
        return prompt -> lines.isEmpty() ? null : lines.removeFirst().toCharArray();
    }

    private List<AuditEvent> eventsOf(ApplicationUser user) {
        return auditTrail
                .search(new AuditQuery(user.getId(), null, null, null, null), 0, 10)
                .events();
    }

    private static String unique() {
        return "new-admin-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
