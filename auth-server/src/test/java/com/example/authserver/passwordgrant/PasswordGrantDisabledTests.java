package com.example.authserver.passwordgrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Out of the box the password grant does not exist: not at the token endpoint, not in discovery, no legacy.client. */
@ServerTest
class PasswordGrantDisabledTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    RegisteredClientRepository clients;

    @Test
    void theTokenEndpointDoesNotKnowTheGrant() throws Exception {
        String user = testUsers.create("no-grant").getUserName();
        for (OidcClient client : List.of(server.interactiveClient(), server.m2mClient())) {
            TokenResponse response =
                    client.token(new ResourceOwnerPasswordCredentialsGrant(user, new Secret(TestUsers.PASSWORD)), null);

            assertThat(response.indicatesSuccess()).isFalse();
            assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("unsupported_grant_type");
        }
        assertThat(clients.findByClientId("legacy.client")).isNull();
    }

    @Test
    void discoveryDoesNotOfferIt() {
        for (String document :
                List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            assertThat(server.browser().get(document).body()).as(document).doesNotContain("\"password\"");
        }
    }
}
