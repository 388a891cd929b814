package com.example.authserver.prompts;

import static com.example.authserver.prompts.SignInRequests.open;
import static com.example.authserver.prompts.SignInRequests.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.prompts.SignInRequests.Sent;
import com.example.authserver.support.AuthenticatorApp;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code amr} and {@code acr} in ID tokens, and the second factor a request with {@code acr_values=mfa} asks for. */
@ServerTest
class AmrAndStepUpTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    TestClock clock;

    SignInRequests requests;

    Browser browser;

    ApplicationUser user;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void setUp() {
        requests = new SignInRequests(server.issuer(), server.interactiveClient());
        browser = server.browser();
        user = users.create("amr");
    }

    @Test
    void aPasswordSignInIsPwdAndOneFactor() throws Exception {
        Sent sent = requests.request("openid", request -> request);

        JWTClaimsSet idToken = requests.idTokenAtClient(
                signIn(browser, open(browser, sent), user.getUserName(), TestUsers.PASSWORD), sent);

        assertThat(idToken.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(idToken.getStringClaim("acr")).isEqualTo("1fa");
        assertThat(idToken.getDateClaim("auth_time")).isNotNull();
    }

    @Test
    void aPasswordAndAnAuthenticatorCodeArePwdOtpAndMfa() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        AuthenticatorApp app = AuthenticatorApp.enable(browser, clock).app();
        Browser later = server.browser();
        Sent sent = requests.request("openid", request -> request);

        Page code = signIn(later, open(later, sent), user.getUserName(), TestUsers.PASSWORD);
        assertThat(code.uri().getPath()).isEqualTo("/login/two-factor");
        Page back = later.follow(later.submit(code, "form[action$=/login/two-factor]", Map.of("code", app.nextCode())));
        JWTClaimsSet idToken = requests.idTokenAtClient(back, sent);

        assertThat(idToken.getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
        assertThat(idToken.getStringClaim("acr")).isEqualTo("mfa");
    }

    @Test
    void acrValuesMfaAsksAUserSignedInWithOneFactorForTheSecondAndGoesOn() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        AuthenticatorApp app = AuthenticatorApp.enable(browser, clock).app();
        Sent oneFactorWillDo =
                requests.request("openid", request -> request.acrValues(List.of(new ACR("mfa"), new ACR("1fa"))));
        assertThat(requests.idTokenAtClient(open(browser, oneFactorWillDo), oneFactorWillDo)
                        .getStringClaim("acr"))
                .as("either value is enough")
                .isEqualTo("1fa");
        Sent silent = requests.request(
                "openid", request -> request.prompt(Prompt.Type.NONE).acrValues(List.of(new ACR("mfa"))));
        assertThat(requests.errorAtClient(open(browser, silent), silent).getCode())
                .isEqualTo("interaction_required");
        Sent sent = requests.request("openid", request -> request.acrValues(List.of(new ACR("mfa"))));

        Page step = open(browser, sent);
        assertThat(step.uri().getPath()).isEqualTo("/login/two-factor");
        Page back =
                browser.follow(browser.submit(step, "form[action$=/login/two-factor]", Map.of("code", app.nextCode())));
        JWTClaimsSet idToken = requests.idTokenAtClient(back, sent);

        assertThat(idToken.getStringClaim("acr")).isEqualTo("mfa");
        assertThat(idToken.getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
        Sent afterwards = requests.request("openid", request -> request.acrValues(List.of(new ACR("mfa"))));
        assertThat(requests.idTokenAtClient(open(browser, afterwards), afterwards)
                        .getStringClaim("acr"))
                .as("the session has both factors now")
                .isEqualTo("mfa");
    }

    @Test
    void aRefreshedIdTokenDescribesTheSignInThatAuthorizedNotTheSessionsLatest() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent earlier = requests.request("openid", request -> request);
        OIDCTokens first = requests.tokensAtClient(open(browser, earlier), earlier);
        clock.advance(Duration.ofMinutes(5));
        Sent again = requests.request("openid", request -> request.prompt(Prompt.Type.LOGIN));
        JWTClaimsSet later = requests.idTokenAtClient(
                signIn(browser, open(browser, again), user.getUserName(), TestUsers.PASSWORD), again);

        TokenResponse refreshed = server.interactiveClient().refresh(first.getRefreshToken());

        assertThat(refreshed.indicatesSuccess()).isTrue();
        JWTClaimsSet idToken = ((OIDCTokenResponse) refreshed.toSuccessResponse())
                .getOIDCTokens()
                .getIDToken()
                .getJWTClaimsSet();
        assertThat(idToken.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(idToken.getStringClaim("acr")).isEqualTo("1fa");
        Date firstAuthTime = first.getIDToken().getJWTClaimsSet().getDateClaim("auth_time");
        assertThat(idToken.getDateClaim("auth_time"))
                .isEqualTo(firstAuthTime)
                .isBefore(later.getDateClaim("auth_time"));
    }

    @Test
    void acrValuesMfaForAUserWithoutASecondFactorEndsWithUnmetAuthenticationRequirements() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid", request -> request.acrValues(List.of(new ACR("mfa"))));
        Sent silent = requests.request(
                "openid", request -> request.prompt(Prompt.Type.NONE).acrValues(List.of(new ACR("mfa"))));

        assertThat(requests.errorAtClient(open(browser, sent), sent).getCode())
                .isEqualTo("unmet_authentication_requirements");
        assertThat(requests.errorAtClient(open(browser, silent), silent).getCode())
                .isEqualTo("unmet_authentication_requirements");
    }

    @Test
    void unknownAcrValuesAreIgnored() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid", request -> request.acrValues(List.of(new ACR("urn:other:gold"))));

        assertThat(requests.idTokenAtClient(open(browser, sent), sent).getStringClaim("acr"))
                .isEqualTo("1fa");
    }

    @Test
    void discoveryNamesThePromptAndAcrValuesAndTheClaims() throws Exception {
        String oidc = server.browser().get("/.well-known/openid-configuration").body();
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(oidc);

        List<String> prompts = List.of("none", "login", "consent", "select_account", "create");
        assertThat(JSONObjectUtils.parse(oidc).get("prompt_values_supported")).isEqualTo(prompts);
        assertThat(metadata.getACRs()).extracting(ACR::getValue).containsExactly("1fa", "mfa");
        assertThat(metadata.getClaims()).contains("amr", "acr", "auth_time");
        assertThat(metadata.supportsClaimsParam()).isFalse();
        Map<String, Object> oauth = JSONObjectUtils.parse(
                server.browser().get("/.well-known/oauth-authorization-server").body());
        assertThat(oauth.get("prompt_values_supported")).isEqualTo(prompts);
        assertThat(oauth.get("acr_values_supported")).isEqualTo(List.of("1fa", "mfa"));
    }
}
