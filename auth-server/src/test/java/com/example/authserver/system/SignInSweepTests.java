package com.example.authserver.system;

import static com.example.authserver.system.BadValues.text;
import static com.example.authserver.system.BadValues.textOr;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.RawHttp;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.example.authserver.system.SweepSessions.Visit;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in under a sweep of bad input ({@link Sweep}): the sign-in form, the two-factor step, passkeys (WebAuthn
 * JSON) as a visitor and signed in, sign-out and the pages around them. Each password check costs a slow hash, so
 * only a few sign-in posts carry their session's CSRF token (the others stop at the CSRF check, as they should).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInSweepTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    UserManager userManager;

    Sweep sweep;

    SweepSessions sessions;

    String issuer;

    @BeforeAll
    void sessions() {
        issuer = server.issuer();
        RawHttp http = new RawHttp(URI.create(issuer).getPort());
        sweep = new Sweep(http);
        sessions = new SweepSessions(http);
    }

    @AfterAll
    void summary() {
        System.out.println(Sweep.summary());
    }

    @Test
    void signInForm() {
        // its own user: the sweep's wrong passwords lock it out, and no other test signs in as it
        ApplicationUser user = users.create("sweep-login");
        // never the right password: a sign-in would move its session to a new id, and later cases would carry a stale
        // one
        RequestGen signIn = RequestGen.post("/login")
                .sentBy(sessions.visitors())
                .csrfRight(0.06)
                .field("username", textOr(user.getUserName(), user.getEmail()))
                .field("password", text())
                .field("remember-me", textOr("on"));
        sweep.run(
                "GET and POST /login",
                Gen.<Case>mix().add(4, signIn).add(1, signIn.withMethod("GET")),
                SweepChecks.forms(issuer));
    }

    @Test
    void twoFactorStep() {
        ApplicationUser user = users.create("sweep-2fa");
        userManager.updateSecurity(user.getId(), changed -> changed.setTwoFactorEnabled(true));
        Visit waiting = sessions.waitingForSecondFactor(user.getUserName(), TestUsers.PASSWORD);
        Gen<Visit> senders = Gen.<Visit>mix().add(3, Gen.constant(waiting)).add(1, sessions.visitors());
        RequestGen code =
                RequestGen.post("/login/two-factor").sentBy(senders).field("code", textOr("123456", " 12 34 56 "));
        RequestGen passkey = RequestGen.post("/login/two-factor/passkey/options", "/login/two-factor/passkey")
                .sentBy(senders)
                .json(JsonBodies.assertion());
        // wrong codes count towards lockout, which would end the waiting sign-in: reset, so every case reaches the
        // check
        SweepChecks.Check codeForm = SweepChecks.forms(issuer);
        SweepChecks.Check json = SweepChecks.pages(issuer);
        sweep.run(
                "GET and POST /login/two-factor and its passkey endpoints",
                Gen.<Case>mix().add(3, code).add(1, code.withMethod("GET")).add(2, passkey),
                (sent, answer, problems) -> (sent.request().target().startsWith("/login/two-factor/passkey")
                                ? json
                                : codeForm)
                        .check(sent, answer, problems),
                () -> userManager.resetAccessFailedCount(user.getId()));
    }

    @Test
    void passkeySignInAsAVisitor() {
        sweep.run(
                "POST /webauthn/authenticate/options and /login/webauthn",
                RequestGen.post("/webauthn/authenticate/options", "/login/webauthn")
                        .sentBy(sessions.visitors())
                        .json(JsonBodies.assertion())
                        .field("username", text()),
                SweepChecks.pages(issuer));
    }

    @Test
    void passkeyRegistrationSignedInAndNot() {
        ApplicationUser user = users.create("sweep-passkeys");
        Visit signedIn = sessions.signedIn(user.getUserName(), TestUsers.PASSWORD);
        sweep.run(
                "POST /webauthn/register/options and /webauthn/register",
                RequestGen.post("/webauthn/register/options", "/webauthn/register", "/webauthn/register/x")
                        .sentBy(Gen.<Visit>mix().add(3, Gen.constant(signedIn)).add(1, sessions.visitors()))
                        .json(JsonBodies.registration()),
                SweepChecks.pages(issuer));

        assertThat(sessions.isSignedIn(signedIn)).isTrue();
    }

    @Test
    void signOutAndThePagesAround() {
        ApplicationUser user = users.create("sweep-pages");
        Visit signedIn = sessions.signedIn(user.getUserName(), TestUsers.PASSWORD);
        // not /logout: any method may be drawn, and a signed-in POST there would sign the user out
        RequestGen pages = RequestGen.get(
                        "/", "/login", "/account", "/dev/mailbox", "/error", "/account/external-login")
                .sentBy(Gen.<Visit>mix().add(1, Gen.constant(signedIn)).add(2, sessions.visitors()))
                .field("error", text())
                .field("logout", text())
                .field("continue", text())
                .field("expired", text());
        // signing out ends the session it is sent in: visitors' sessions only (their cases then go on without one)
        RequestGen signOut =
                RequestGen.post("/logout").sentBy(sessions.visitors()).field("x", text());
        sweep.run(
                "GET /, /login, /logout, /account, /error; POST /logout",
                Gen.<Case>mix().add(3, pages).add(1, signOut).add(1, signOut.withMethod("GET")),
                SweepChecks.pages(issuer));

        assertThat(sessions.isSignedIn(signedIn)).isTrue();
    }
}
