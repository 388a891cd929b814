package com.example.authserver.passwordgrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.RestrictedAccountSettings;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.UserManager;
import com.example.authserver.passkeys.Passkeys;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The password grant switched on, in the account tests' restricted server ({@link RestrictedAccountSettings}:
 * confirmed email required, a small sign-in limit per account), played by {@code legacy.client} through the Nimbus
 * SDK: the sign-in page's rules, and no way around a second factor.
 */
@RestrictedAccountSettings
class PasswordGrantTests {

    static final String LEGACY = "legacy.client";

    static final String LEGACY_SECRET = "0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    Passkeys passkeys;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeyCredentials;

    OidcClient legacy;

    @BeforeEach
    void setUp() {
        legacy = server.client(LEGACY, LEGACY_SECRET);
    }

    @Test
    void theRightPasswordGivesTokensMarkedPwdAndARefreshTokenThatWorks() throws Exception {
        ApplicationUser user = testUsers.create("legacy");

        TokenResponse response =
                legacy.token(grant(user.getUserName(), TestUsers.PASSWORD), Scope.parse("openid profile scope1"));

        assertThat(response.indicatesSuccess()).as("%s", errorOf(response)).isTrue();
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        JWTClaimsSet idToken = legacy.validateIdToken(tokens.getIDToken(), null);
        assertThat(idToken.getSubject()).isEqualTo(user.getId());
        assertThat(idToken.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(user.getUserName());
        JWTClaimsSet accessToken =
                SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet();
        assertThat(accessToken.getSubject()).isEqualTo(user.getId());
        assertThat(accessToken.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(accessToken.getStringClaim("scope").split(" "))
                .containsExactlyInAnyOrder("openid", "profile", "scope1");
        assertThat(legacy.userInfo(tokens.getAccessToken()).indicatesSuccess()).isTrue();

        TokenResponse refreshed = legacy.refresh(tokens.getRefreshToken());
        assertThat(refreshed.indicatesSuccess()).as("%s", errorOf(refreshed)).isTrue();
        OIDCTokens next = ((OIDCTokenResponse) refreshed.toSuccessResponse()).getOIDCTokens();
        assertThat(next.getIDToken().getJWTClaimsSet().getStringListClaim("amr"))
                .containsExactly("pwd");
        assertThat(next.getRefreshToken()).isNotEqualTo(tokens.getRefreshToken());
    }

    @Test
    void aWrongPasswordCountsTowardsLockoutAndGetsTheGenericError() throws Exception {
        ApplicationUser user = testUsers.create("wrong");

        TokenResponse response = legacy.token(grant(user.getUserName(), "wrong-password"), null);

        assertGenericFailure(response);
        assertThat(userManager.findById(user.getId()).orElseThrow().getAccessFailedCount())
                .isEqualTo(1);
    }

    @Test
    void anUnknownUserGetsTheSameGenericError() throws Exception {
        assertGenericFailure(legacy.token(grant("nobody-" + Instant.now().toEpochMilli(), "x"), null));
    }

    @Test
    void aLockedOutUserIsRefusedEvenWithTheRightPassword() throws Exception {
        ApplicationUser user = testUsers.create("locked");
        for (int attempt = 0; attempt < 20; attempt++) {
            if (userManager.checkPassword(user.getId(), "wrong-password") == PasswordCheckResult.LOCKED_OUT) {
                break;
            }
        }

        assertGenericFailure(legacy.token(grant(user.getUserName(), TestUsers.PASSWORD), null));
    }

    @Test
    void anUnconfirmedEmailIsRefusedWhenConfirmationIsRequired() throws Exception {
        ApplicationUser user = testUsers.create("unconfirmed");
        userManager.updateSecurity(user.getId(), current -> current.setEmailConfirmed(false));

        assertGenericFailure(legacy.token(grant(user.getUserName(), TestUsers.PASSWORD), null));
    }

    @Test
    void aDisabledUserIsRefused() throws Exception {
        ApplicationUser user = testUsers.create("disabled");
        ApplicationUser current = userManager.findById(user.getId()).orElseThrow();
        current.setEnabled(false);
        userManager.update(current);

        assertGenericFailure(legacy.token(grant(user.getUserName(), TestUsers.PASSWORD), null));
    }

    @Test
    void aUserWithAnAuthenticatorAppIsRefusedWithTheReason() throws Exception {
        ApplicationUser user = testUsers.create("totp");
        userManager.updateSecurity(user.getId(), current -> current.setTwoFactorEnabled(true));

        assertSecondFactorRefusal(legacy.token(grant(user.getUserName(), TestUsers.PASSWORD), null));
        assertGenericFailure(legacy.token(grant(user.getUserName(), "wrong-password"), null));
    }

    @Test
    void aUserWithAPasskeyIsRefusedWithTheReason() throws Exception {
        ApplicationUser user = testUsers.create("passkey");
        addPasskey(user);

        assertSecondFactorRefusal(legacy.token(grant(user.getUserName(), TestUsers.PASSWORD), null));
    }

    @Test
    void aUserWhoMustChooseANewPasswordIsRefusedWithTheReason() throws Exception {
        ApplicationUser user = testUsers.create("new-password");
        userManager.updateSecurity(user.getId(), current -> current.setPasswordChangeRequired(true));

        ErrorObject error = errorOf(legacy.token(grant(user.getUserName(), TestUsers.PASSWORD), null));

        assertThat(error).as("refused").isNotNull();
        assertThat(error.getCode()).isEqualTo("invalid_grant");
        assertThat(error.getDescription()).isEqualTo(PasswordGrantProvider.PASSWORD_CHANGE_REQUIRED);
    }

    @Test
    void attemptsAreLimitedPerAccountInTheSignInPagesBuckets() throws Exception {
        ApplicationUser user = testUsers.create("limited");
        for (int attempt = 1; attempt <= RestrictedAccountSettings.SIGN_IN_PER_ACCOUNT; attempt++) {
            assertGenericFailure(legacy.token(grant(user.getUserName(), "wrong-" + attempt), null));
        }

        HTTPResponse limited = send(user.getUserName(), TestUsers.PASSWORD);

        assertThat(limited.getStatusCode()).isEqualTo(429);
        assertThat(limited.getHeaderValue("Retry-After")).matches("[1-9][0-9]*");
        assertThat(limited.getBodyAsJSONObject()).containsEntry("error", "slow_down");
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .status())
                .as("the sign-in page counts the same attempts")
                .isEqualTo(429);
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorized() throws Exception {
        ApplicationUser user = testUsers.create("client");

        for (OidcClient client : List.of(server.interactiveClient(), server.m2mClient())) {
            TokenResponse response = client.token(grant(user.getUserName(), TestUsers.PASSWORD), null);
            assertThat(errorOf(response).getCode()).isEqualTo("unauthorized_client");
        }
        assertThat(userManager.findById(user.getId()).orElseThrow().getAccessFailedCount())
                .as("no password was checked")
                .isZero();
    }

    @Test
    void scopesBeyondTheClientsAreRefused() throws Exception {
        ApplicationUser user = testUsers.create("scope");

        TokenResponse response = legacy.token(grant(user.getUserName(), TestUsers.PASSWORD), new Scope("scope2"));

        assertThat(errorOf(response).getCode()).isEqualTo("invalid_scope");
    }

    @Test
    void bothDiscoveryDocumentsOfferTheGrant() {
        for (String document :
                List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            assertThat(server.browser().get(document).body()).as(document).contains("\"password\"");
        }
    }

    private static ResourceOwnerPasswordCredentialsGrant grant(String username, String password) {
        return new ResourceOwnerPasswordCredentialsGrant(username, new Secret(password));
    }

    private HTTPResponse send(String username, String password) throws Exception {
        return new TokenRequest(
                        URI.create(server.issuer() + "/oauth2/token"),
                        new ClientSecretBasic(new ClientID(LEGACY), new Secret(LEGACY_SECRET)),
                        grant(username, password))
                .toHTTPRequest()
                .send();
    }

    private void addPasskey(ApplicationUser user) {
        Bytes entityId = Bytes.random();
        passkeyUsers.save(ImmutablePublicKeyCredentialUserEntity.builder()
                .id(entityId)
                .name(user.getId())
                .displayName(user.getUserName())
                .build());
        passkeyCredentials.save(ImmutableCredentialRecord.builder()
                .credentialId(Bytes.random())
                .userEntityUserId(entityId)
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3}))
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .signatureCount(0)
                .uvInitialized(true)
                .backupEligible(false)
                .backupState(false)
                .created(Instant.now())
                .lastUsed(Instant.now())
                .label("security key")
                .build());
        assertThat(passkeys.has(user.getId())).isTrue();
    }

    private static ErrorObject errorOf(TokenResponse response) {
        return response.indicatesSuccess() ? null : response.toErrorResponse().getErrorObject();
    }

    private static void assertGenericFailure(TokenResponse response) {
        ErrorObject error = errorOf(response);
        assertThat(error).as("refused").isNotNull();
        assertThat(error.getCode()).isEqualTo("invalid_grant");
        assertThat(error.getDescription()).isEqualTo(PasswordGrantProvider.BAD_CREDENTIALS);
    }

    private static void assertSecondFactorRefusal(TokenResponse response) {
        ErrorObject error = errorOf(response);
        assertThat(error).as("refused").isNotNull();
        assertThat(error.getCode()).isEqualTo("invalid_grant");
        assertThat(error.getDescription()).isEqualTo(PasswordGrantProvider.SECOND_FACTOR);
    }
}
