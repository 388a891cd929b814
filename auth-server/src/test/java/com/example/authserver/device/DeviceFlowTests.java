package com.example.authserver.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The device authorization grant end to end: the device with the Nimbus SDK, the user with the test browser. */
@ServerTest
class DeviceFlowTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    DeviceClient device;

    DeviceUser user;

    @BeforeEach
    void setUp() {
        device = new DeviceClient(server.issuer(), DeviceClient.DEVICE);
        ApplicationUser owner = users.create("device-owner");
        user = new DeviceUser(server.browser(), owner.getUserName(), owner.getId());
    }

    @Test
    void theDeviceGetsTokensOnceTheUserTypesTheCodeAndAllowsIt() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("openid profile scope1");
        assertThat(started.getVerificationURI().toString()).isEqualTo(server.issuer() + "/activate");
        assertThat(started.getUserCode().getValue()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("authorization_pending");

        String typed = started.getUserCode().getValue().toLowerCase(Locale.ROOT).replace("-", " ");
        Page consent = user.enter(typed);
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
        assertThat(consent.document().text()).contains(started.getUserCode().getValue());
        Page done = user.browser().follow(user.browser().submit(consent, "#consent-allow", java.util.Map.of()));
        assertThat(done.uri().toString()).endsWith("/activate?approved");

        TokenResponse response = device.poll(started.getDeviceCode());
        assertThat(response.indicatesSuccess()).as("%s", response).isTrue();
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        JWTClaimsSet idToken = server.client(DeviceClient.DEVICE, "none").validateIdToken(tokens.getIDToken(), null);
        assertThat(idToken.getSubject()).isEqualTo(user.userId());
        assertThat(idToken.getAudience()).containsExactly(DeviceClient.DEVICE);
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(user.userName());
        assertThat(tokens.getAccessToken().getScope().toStringList())
                .containsExactlyInAnyOrder("openid", "profile", "scope1");
        assertThat(tokens.getRefreshToken())
                .as("a refresh token for the device")
                .isNotNull();

        TokenResponse refreshed = device.refresh(tokens.getRefreshToken());
        assertThat(refreshed.indicatesSuccess()).as("%s", refreshed).isTrue();
        assertThat(refreshed.toSuccessResponse().getTokens().getRefreshToken())
                .as("rotated")
                .isNotEqualTo(tokens.getRefreshToken());
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode())))
                .as("the device code is used up")
                .isEqualTo("invalid_grant");
    }

    @Test
    void bothDiscoveryDocumentsListTheDeviceEndpointAndGrant() throws Exception {
        Issuer issuer = new Issuer(server.issuer());
        for (AuthorizationServerMetadata metadata :
                List.of(AuthorizationServerMetadata.resolve(issuer), OIDCProviderMetadata.resolve(issuer))) {
            assertThat(metadata.getDeviceAuthorizationEndpointURI())
                    .hasToString(server.issuer() + "/oauth2/device_authorization");
            assertThat(metadata.getGrantTypes()).contains(GrantType.DEVICE_CODE, GrantType.REFRESH_TOKEN);
        }
    }

    @Test
    void theCompleteVerificationUriFillsInTheCode() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("profile");

        Page form = user.open(started.getVerificationURIComplete().toString());

        assertThat(form.document().selectFirst("#user_code").val())
                .isEqualTo(started.getUserCode().getValue());
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode())))
                .as("opening the link approves nothing")
                .isEqualTo("authorization_pending");
    }

    @Test
    void denyingGivesTheDeviceAccessDenied() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("email");

        Page done = user.deny(started.getUserCode().getValue());

        assertThat(done.uri().toString()).endsWith("/activate?denied");
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("access_denied");
    }

    @Test
    void aRememberedConsentIsAskedAgainForEachDevice() throws Exception {
        DeviceAuthorizationSuccessResponse first = device.start("profile");
        user.approve(first.getUserCode().getValue());
        DeviceAuthorizationSuccessResponse second = device.start("profile");

        Page page = user.enter(second.getUserCode().getValue());

        assertThat(page.uri().getPath()).isEqualTo("/oauth2/consent");
        assertThat(DeviceClient.error(device.poll(second.getDeviceCode()))).isEqualTo("authorization_pending");
    }
}
