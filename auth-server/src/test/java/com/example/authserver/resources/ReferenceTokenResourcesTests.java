package com.example.authserver.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.clients.JdbcApiResources;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * A resource that wants reference (opaque) tokens gets them from clients configured for them, introspects them, and
 * is never sent a JWT.
 */
@ServerTest
class ReferenceTokenResourcesTests {

    @Autowired
    TestServer server;

    @Autowired
    JdbcApiResources resources;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ClientSecretHashing hashing;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    final String scope = "ledger:" + suffix;

    final URI uri = URI.create("https://ledger-" + suffix + ".example/api");

    final String secret = UUID.randomUUID().toString();

    @BeforeEach
    void ledgerResource() {
        resources.save(new ApiResource(
                uri.toString(),
                "ledger-" + suffix,
                "Ledger",
                Set.of(scope),
                Set.of(),
                hashing.encode(secret),
                OAuth2TokenFormat.REFERENCE));
    }

    @Test
    void aReferenceClientGetsAnOpaqueTokenTheResourceIntrospects() throws Exception {
        ResourceClient client = client(OAuth2TokenFormat.REFERENCE);

        Tokens tokens = ResourceIndicatorsTests.success(client.token(new ClientCredentialsGrant(), scope, uri));

        assertThat(tokens.getAccessToken()
                        .getValue()
                        .chars()
                        .filter(c -> c == '.')
                        .count())
                .as("opaque, not a JWT")
                .isZero();
        TokenIntrospectionSuccessResponse answer = new ResourceClient(server.issuer(), "ledger-" + suffix, secret)
                .introspect(tokens.getAccessToken())
                .toSuccessResponse();
        assertThat(answer.isActive()).isTrue();
        assertThat(answer.getAudience()).extracting(Object::toString).containsExactly(uri.toString());
        assertThat(new ResourceClient(server.issuer(), ResourceClient.API_NAME, ResourceClient.API_SECRET)
                        .introspect(tokens.getAccessToken())
                        .toSuccessResponse()
                        .isActive())
                .as("another resource")
                .isFalse();
    }

    @Test
    void aJwtClientIsRefusedATokenForAReferenceResource() throws Exception {
        ResourceClient client = client(OAuth2TokenFormat.SELF_CONTAINED);

        ResourceIndicatorsTests.assertInvalidTarget(client.token(new ClientCredentialsGrant(), scope));
        ResourceIndicatorsTests.assertInvalidTarget(client.token(new ClientCredentialsGrant(), scope, uri));
    }

    private ResourceClient client(OAuth2TokenFormat format) {
        String clientSecret = UUID.randomUUID().toString();
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("ledger-client-" + UUID.randomUUID())
                .clientSecret(hashing.encode(clientSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(scope)
                .tokenSettings(TokenSettings.builder().accessTokenFormat(format).build())
                .build();
        clients.save(client);
        return new ResourceClient(server.issuer(), client.getClientId(), clientSecret);
    }
}
