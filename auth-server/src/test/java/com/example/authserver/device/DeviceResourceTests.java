package com.example.authserver.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The device code grant with resource indicators (RFC 8707) on the token request: only resources granted. */
@ServerTest
class DeviceResourceTests {

    static final URI API = URI.create("http://127.0.0.1:8081/");

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Test
    void theDeviceMayNameTheApiOfItsScopesAndNoOther() throws Exception {
        DeviceClient device = new DeviceClient(server.issuer(), DeviceClient.DEVICE);
        ApplicationUser owner = users.create("device-resource");
        DeviceUser user = new DeviceUser(server.browser(), owner.getUserName(), owner.getId());
        DeviceAuthorizationSuccessResponse started = device.start("openid scope1");
        Page consent = user.enter(started.getUserCode().getValue());
        user.browser().follow(user.browser().submit(consent, "#consent-allow", Map.of()));

        TokenResponse foreign = poll(started, URI.create("http://127.0.0.1:8090/mcp"));
        assertThat(DeviceClient.error(foreign)).isEqualTo("invalid_target");

        TokenResponse granted = poll(started, API);
        assertThat(granted.indicatesSuccess()).as("%s", granted).isTrue();
        assertThat(SignedJWT.parse(granted.toSuccessResponse()
                                .getTokens()
                                .getAccessToken()
                                .getValue())
                        .getJWTClaimsSet()
                        .getAudience())
                .containsExactly(API.toString());
    }

    private TokenResponse poll(DeviceAuthorizationSuccessResponse started, URI resource) throws Exception {
        TokenRequest request = new TokenRequest.Builder(
                        URI.create(server.issuer() + "/oauth2/token"),
                        new ClientID(DeviceClient.DEVICE),
                        new DeviceCodeGrant(started.getDeviceCode()))
                .resources(resource)
                .build();
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }
}
