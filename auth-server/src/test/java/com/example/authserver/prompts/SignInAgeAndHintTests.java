package com.example.authserver.prompts;

import static com.example.authserver.prompts.SignInRequests.open;
import static com.example.authserver.prompts.SignInRequests.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.prompts.SignInRequests.Sent;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Prompt;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** {@code max_age}, {@code login_hint} and {@code id_token_hint}, with the server's clock moved by the tests. */
@ServerTest
class SignInAgeAndHintTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    TestClock clock;

    @Autowired
    JwtEncoder ownKeys;

    SignInRequests requests;

    Browser browser;

    ApplicationUser user;

    @BeforeEach
    void setUp() {
        requests = new SignInRequests(server.issuer(), server.interactiveClient());
        browser = server.browser();
        user = users.create("age");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void maxAgeSendsTheUserToSignInAgainWhenTheLastSignInIsOlder() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Instant firstSignIn = clock.instant();
        clock.advance(Duration.ofMinutes(10));
        Sent recentEnough = requests.request("openid", request -> request.maxAge(3600));
        Sent tooOld = requests.request("openid", request -> request.maxAge(300));

        JWTClaimsSet unchanged = requests.idTokenAtClient(open(browser, recentEnough), recentEnough);
        Page login = open(browser, tooOld);
        assertThat(login.uri().getPath()).isEqualTo("/login");
        JWTClaimsSet renewed =
                requests.idTokenAtClient(signIn(browser, login, user.getUserName(), TestUsers.PASSWORD), tooOld);

        assertThat(unchanged.getDateClaim("auth_time").toInstant())
                .isBetween(firstSignIn.minusSeconds(5), firstSignIn.plusSeconds(1));
        assertThat(renewed.getDateClaim("auth_time").toInstant())
                .isAfterOrEqualTo(firstSignIn.plus(Duration.ofMinutes(10)).minusSeconds(1));
    }

    @Test
    void maxAgeZeroAsksForASignInLikePromptLogin() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid", request -> request.maxAge(0));

        Page login = open(browser, sent);

        assertThat(login.uri().getPath()).isEqualTo("/login");
        Page back = signIn(browser, login, user.getUserName(), TestUsers.PASSWORD);
        assertThat(requests.idTokenAtClient(back, sent).getSubject()).isEqualTo(user.getId());
    }

    @Test
    void maxAgeWithPromptNoneAnswersLoginRequiredWhenTheSignInIsTooOld() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        clock.advance(Duration.ofMinutes(10));
        Sent sent = requests.request(
                "openid", request -> request.prompt(Prompt.Type.NONE).maxAge(60));

        assertThat(requests.errorAtClient(open(browser, sent), sent).getCode()).isEqualTo("login_required");
    }

    @Test
    void aMaxAgeThatIsNotANumberIsAnInvalidRequest() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid", request -> request.customParameter("max_age", "-1"));

        assertThat(requests.errorAtClient(open(browser, sent), sent).getCode()).isEqualTo("invalid_request");
    }

    @Test
    void loginHintFillsInTheUserNameFieldEscaped() {
        String hint = "\"><script>alert(1)</script>";
        Sent sent = requests.request("openid", request -> request.loginHint(hint));

        Page login = open(browser, sent);

        assertThat(login.uri().getPath()).isEqualTo("/login");
        assertThat(login.body()).doesNotContain("<script>alert(1)");
        assertThat(login.document().selectFirst("#username").val()).isEqualTo(hint);
    }

    @Test
    void aHugeLoginHintIsCut() {
        Sent sent = requests.request("openid", request -> request.loginHint("a".repeat(4000)));

        Page login = open(browser, sent);

        assertThat(login.document().selectFirst("#username").val()).isEqualTo("a".repeat(256));
    }

    @Test
    void idTokenHintOfTheSignedInUserWithPromptNoneIssuesACodeEvenWhenTheHintExpired() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        String expired = mint(user.getId(), Instant.now().minus(Duration.ofHours(2)));
        JWT hint = JWTParser.parse(expired);
        Sent sent = requests.request(
                "openid", request -> request.prompt(Prompt.Type.NONE).idTokenHint(hint));

        assertThat(requests.idTokenAtClient(open(browser, sent), sent).getSubject())
                .isEqualTo(user.getId());
    }

    @Test
    void idTokenHintOfAnotherUserWithPromptNoneAnswersLoginRequired() throws Exception {
        ApplicationUser other = users.create("age-other");
        Browser otherBrowser = server.browser();
        otherBrowser.signIn(other.getUserName(), TestUsers.PASSWORD);
        Sent first = requests.request("openid", request -> request);
        String othersIdToken = requests.idTokenValue(open(otherBrowser, first), first);
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        JWT hint = JWTParser.parse(othersIdToken);
        Sent sent = requests.request(
                "openid", request -> request.prompt(Prompt.Type.NONE).idTokenHint(hint));

        assertThat(requests.errorAtClient(open(browser, sent), sent).getCode()).isEqualTo("login_required");
    }

    @Test
    void anIdTokenHintWithAForgedSignatureOrGarbageIsAnInvalidRequest() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        SignedJWT forged = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .issuer(server.issuer())
                        .subject(user.getId())
                        .audience("interactive")
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                        .build());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        Sent withForged = requests.request(
                "openid", request -> request.prompt(Prompt.Type.NONE).idTokenHint(forged));
        Sent withGarbage = requests.request(
                "openid", request -> request.prompt(Prompt.Type.NONE).customParameter("id_token_hint", "not.a.jwt"));

        assertThat(requests.errorAtClient(open(browser, withForged), withForged).getCode())
                .isEqualTo("invalid_request");
        assertThat(requests.errorAtClient(open(browser, withGarbage), withGarbage)
                        .getCode())
                .isEqualTo("invalid_request");
    }

    /** An ID token as this server signs them, with the expiry the test wants. */
    private String mint(String subject, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(server.issuer())
                .subject(subject)
                .audience(List.of("interactive"))
                .claim("azp", "interactive")
                .issuedAt(expiresAt.minus(Duration.ofMinutes(30)))
                .expiresAt(expiresAt)
                .build();
        return ownKeys.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }
}
