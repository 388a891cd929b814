package com.example.authserver.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;

/** A device as the Nimbus SDK speaks for it: device authorization, then polling the token endpoint. */
final class DeviceClient {

    static final String DEVICE = "device";

    private final String issuer;

    private final ClientID clientId;

    DeviceClient(String issuer, String clientId) {
        this.issuer = issuer;
        this.clientId = new ClientID(clientId);
    }

    DeviceAuthorizationResponse authorize(String scopes) throws Exception {
        DeviceAuthorizationRequest request = new DeviceAuthorizationRequest(
                URI.create(issuer + "/oauth2/device_authorization"), clientId, Scope.parse(scopes));
        return DeviceAuthorizationResponse.parse(request.toHTTPRequest().send());
    }

    /** A device authorization that must succeed. */
    DeviceAuthorizationSuccessResponse start(String scopes) throws Exception {
        DeviceAuthorizationResponse response = authorize(scopes);
        assertThat(response.indicatesSuccess())
                .as(
                        "device authorization: %s",
                        response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().getErrorObject())
                .isTrue();
        return response.toSuccessResponse();
    }

    TokenResponse poll(DeviceCode deviceCode) throws Exception {
        TokenRequest request =
                new TokenRequest(URI.create(issuer + "/oauth2/token"), clientId, new DeviceCodeGrant(deviceCode));
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    TokenResponse refresh(RefreshToken refreshToken) throws Exception {
        TokenRequest request =
                new TokenRequest(URI.create(issuer + "/oauth2/token"), clientId, new RefreshTokenGrant(refreshToken));
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    /** The error code of an unsuccessful token response (failing if it succeeded). */
    static String error(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as("an error response").isFalse();
        return response.toErrorResponse().getErrorObject().getCode();
    }
}
