package com.example.authserver.system;

import static com.example.authserver.system.BadValues.email;
import static com.example.authserver.system.BadValues.text;
import static com.example.authserver.system.BadValues.textOr;
import static com.example.authserver.system.BadValues.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.RawHttp;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.example.authserver.system.SweepSessions.Visit;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The account forms under a sweep of bad input ({@link Sweep}): those open to visitors (registration, forgotten
 * password, confirmation links) and those of a signed-in user, who must still be signed in after each sweep. Forms
 * that check the current password get few cases past the CSRF check (each costs a slow hash), and never the
 * right password, so the user keeps it.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountFormsSweepTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    UserManager userManager;

    Sweep sweep;

    SweepSessions sessions;

    String issuer;

    /**
     * Three users: their cases run side by side (one session's go one after the other), and what one changes ends
     * no other's session.
     */
    List<ApplicationUser> accounts;

    List<Visit> signedIn;

    Gen<Visit> senders;

    @BeforeAll
    void server() {
        issuer = server.issuer();
        RawHttp http = new RawHttp(URI.create(issuer).getPort());
        sweep = new Sweep(http);
        sessions = new SweepSessions(http);
        accounts = List.of(users.create("sweep-account"), users.create("sweep-account"), users.create("sweep-account"));
        signedIn = accounts.stream()
                .map(account -> sessions.signedIn(account.getUserName(), TestUsers.PASSWORD))
                .toList();
    }

    /** Visitors' sessions of their own for each sweep (a sign-out or a sign-in would move them on). */
    @BeforeEach
    void visitors() {
        senders = Gen.<Visit>mix().add(2, Gen.oneOf(signedIn)).add(1, sessions.visitors());
    }

    @AfterEach
    void stillSignedIn() {
        assertThat(signedIn)
                .as("the signed-in users' sessions survived the sweep")
                .allMatch(sessions::isSignedIn);
    }

    @AfterAll
    void summary() {
        System.out.println(Sweep.summary());
    }

    @Test
    void registration() {
        Gen<String> password = textOr("Correct-Horse-9", "Zebra-Lamp-Quartz-7");
        run(
                "GET and POST /account/register",
                RequestGen.post("/account/register")
                        .sentBy(sessions.visitors())
                        .field("userName", textOr("sweep-new"))
                        .field("email", email())
                        .field("password", password)
                        .field("confirmPassword", password)
                        .field("givenName", text())
                        .field("familyName", text()));
    }

    @Test
    void forgottenPasswordAndConfirmationResend() {
        run(
                "GET and POST /account/forgot-password and /account/resend-confirmation",
                RequestGen.post("/account/forgot-password", "/account/resend-confirmation")
                        .sentBy(sessions.visitors())
                        .field("email", email()));
    }

    @Test
    void emailedLinks() {
        run(
                "GET and POST /account/reset-password, /confirm-email, /confirm-email-change",
                RequestGen.post("/account/reset-password", "/account/confirm-email", "/account/confirm-email-change")
                        .sentBy(senders)
                        .field("token", token())
                        .field("password", textOr("Correct-Horse-9"))
                        .field("confirmPassword", text())
                        .field("changed", text())
                        .field("done", text()));
    }

    @Test
    void changePassword() {
        runResettingLockout(
                "GET and POST /account/change-password",
                RequestGen.post("/account/change-password")
                        .sentBy(senders)
                        .csrfRight(0.06)
                        .field("currentPassword", text())
                        .field("password", textOr("Zebra-Lamp-Quartz-7"))
                        .field("confirmPassword", textOr("Zebra-Lamp-Quartz-7")));
    }

    @Test
    void profileEmailAndFirstPassword() {
        run(
                "GET and POST /account/profile, /account/email, /account/set-password",
                RequestGen.post("/account/profile", "/account/email", "/account/set-password")
                        .sentBy(senders)
                        .field("givenName", text())
                        .field("familyName", text())
                        .field("email", email())
                        .field("password", textOr("Correct-Horse-9"))
                        .field("confirmPassword", text()));
    }

    @Test
    void twoFactorSettings() {
        run(
                "GET and POST /account/two-factor/*",
                RequestGen.post(
                                "/account/two-factor/enable",
                                "/account/two-factor/disable",
                                "/account/two-factor/reset",
                                "/account/two-factor/recovery-codes",
                                "/account/two-factor")
                        .sentBy(senders)
                        .field("code", textOr("123456"))
                        .field("done", text()));
    }

    @Test
    void passkeysGrantsAndExternalLogins() {
        run(
                "GET and POST /account/passkeys, /account/grants, /account/external-logins",
                RequestGen.post(
                                "/account/passkeys/x/remove",
                                "/account/passkeys/" + BadValues.MARKUP + "/remove",
                                "/account/passkeys",
                                "/account/grants/revoke",
                                "/account/grants",
                                "/account/external-logins/add",
                                "/account/external-logins/remove",
                                "/account/external-logins")
                        .sentBy(senders)
                        .field("client", textOr("interactive", "m2m.client"))
                        .field("provider", textOr("contoso", "google"))
                        .field("key", text())
                        .field("done", text()));
    }

    @Test
    void personalData() {
        runResettingLockout(
                "GET and POST /account/personal-data",
                RequestGen.post(
                                "/account/personal-data/delete",
                                "/account/personal-data/download",
                                "/account/personal-data")
                        .sentBy(senders)
                        .csrfRight(0.1)
                        .field("confirmation", textOr(accounts.get(0).getUserName(), "123456")));
    }

    @Test
    void externalLoginWithoutAProvidersSignIn() {
        run(
                "GET and POST /account/external-login/*",
                RequestGen.post(
                                "/account/external-login/create",
                                "/account/external-login/link",
                                "/account/external-login")
                        .sentBy(sessions.visitors())
                        .field("userName", text())
                        .field("email", email())
                        .field("username", textOr(accounts.get(0).getUserName()))
                        .field("password", text()));
    }

    @Test
    void consentPage() {
        run(
                "GET /oauth2/consent",
                RequestGen.get("/oauth2/consent")
                        .sentBy(senders)
                        .field("client_id", textOr("interactive", "m2m.client"))
                        .field("scope", textOr("openid profile scope2"))
                        .field("state", text())
                        .field("user_code", text()));
    }

    /** Posts of the forms, and GETs of their pages. */
    private void run(String endpoint, RequestGen form) {
        sweep.run(endpoint, Gen.<Case>mix().add(3, form).add(1, form.withMethod("GET")), SweepChecks.forms(issuer));
    }

    /** The same for forms that check the password: its failures would lock the user out, so they are reset. */
    private void runResettingLockout(String endpoint, RequestGen form) {
        sweep.run(
                endpoint,
                Gen.<Case>mix().add(3, form).add(1, form.withMethod("GET")),
                SweepChecks.forms(issuer),
                () -> accounts.forEach(account -> userManager.resetAccessFailedCount(account.getId())));
    }
}
