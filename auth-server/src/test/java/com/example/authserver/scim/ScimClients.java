package com.example.authserver.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.TestServer;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.unboundid.scim2.client.ScimService;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;

/**
 * The SCIM tests' clients: UnboundID's SCIM 2 client over Jersey (with Apache HttpClient 5, which sends PATCH),
 * authenticated with a client-credentials token of the development client {@code scim.client}, fetched by the
 * Nimbus SDK as a provisioning system would.
 */
final class ScimClients {

    static final String CLIENT_ID = "scim.client";

    static final String SECRET = "5E4D3C2B-1A09-4F8E-9D7C-6B5A49382716";

    private static final Client JERSEY =
            ClientBuilder.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()));

    private ScimClients() {}

    static String scimToken(TestServer server) throws Exception {
        TokenResponse response = server.client(CLIENT_ID, SECRET).clientCredentials("scim");
        assertThat(response.indicatesSuccess()).as("scim.client's token").isTrue();
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    static ScimService service(TestServer server, String accessToken) {
        return new ScimService(JERSEY.target(server.issuer() + "/scim/v2").register((ClientRequestFilter)
                request -> request.getHeaders().putSingle("Authorization", "Bearer " + accessToken)));
    }
}
