package com.example.authserver.samples.mcp;

import java.time.Duration;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The security of an MCP server that trusts AuthForge (the server's README, "Protect an MCP server"). The MCP
 * endpoint is an OAuth resource server: it publishes its protected-resource metadata (RFC 9728) so that MCP clients find the authorization server, answers a call without a token with {@code 401} and
 * {@code WWW-Authenticate: Bearer resource_metadata="..."}, and accepts only access tokens (RFC 9068: header
 * {@code typ: at+jwt}) issued by AuthForge for this server (audience: its resource URI) with scope {@value #SCOPE}.
 * An ID token, a token for another API or one without the scope is refused.
 *
 * <p>Settings: {@value #RESOURCE_URI} (the URI of the API resource that AuthForge issues tokens for, written exactly
 * as there) and {@value #AUTHORIZATION_SERVER} (AuthForge's issuer). Both are read when first needed, so the server
 * starts while the authorization server is down (and the tests can name the random port this server got).
 */
@Configuration(proxyBeanMethods = false)
class McpServerSecurity {

    static final String RESOURCE_URI = "mcp.resource-uri";

    static final String AUTHORIZATION_SERVER = "mcp.authorization-server";

    /** The scope AuthForge's {@code mcp} API resource owns: calling the tools needs it. */
    static final String SCOPE = "mcp:tools";

    /**
     * RFC 9728: the metadata of resource {@code https://host/mcp} is at this path followed by /mcp; Spring serves it
     * there and at the path itself (where Spring's 401 points), the same document for the one resource here.
     */
    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    @Bean
    SecurityFilterChain mcpSecurity(HttpSecurity http, Environment settings) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("SCOPE_" + SCOPE))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {})
                        .accessDeniedHandler(insufficientScope())
                        // served at METADATA_PATH and below it, with the resource URI of the settings, never the one
                        // the request's Host header would give
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> resource.resource(settings.getRequiredProperty(RESOURCE_URI))
                                        .authorizationServer(settings.getRequiredProperty(AUTHORIZATION_SERVER))
                                        .scope(SCOPE)
                                        .resourceName("AuthForge MCP example")
                                        // bound to a TLS client certificate (RFC 8705): not by AuthForge's tokens
                                        .tlsClientCertificateBoundAccessTokens(false))))
                // bearer tokens only, no cookies: nothing for a cross-site request to ride on
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * RFC 9068 access tokens from AuthForge for this server only: typ {@code at+jwt} (an ID token is a plain JWT),
     * issuer, audience = this server's resource URI, a client, and the usual expiry checks.
     */
    @Bean
    JwtDecoder jwtDecoder(Environment settings) {
        return new SupplierJwtDecoder(() -> {
            String issuer = settings.getRequiredProperty(AUTHORIZATION_SERVER);
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                    .restOperations(authorizationServerCalls())
                    .build();
            decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
                    .issuer(issuer)
                    .audience(settings.getRequiredProperty(RESOURCE_URI))
                    // any client the user allowed: the scope and audience say what it may do here
                    .validators(validators ->
                            validators.put("client_id", new JwtClaimValidator<>("client_id", Objects::nonNull)))
                    .build());
            return decoder;
        });
    }

    /**
     * The calls for AuthForge's metadata and keys (cached afterwards): Nimbus's default half-second read timeout
     * fails a first call to a server that is still warming up.
     */
    private static RestTemplate authorizationServerCalls() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(15));
        return new RestTemplate(requests);
    }

    /**
     * 403 for a valid token without {@value #SCOPE}, saying which scope is missing and where the metadata is (the
     * MCP specification's scope challenge), so that the client can ask the user for more. The metadata URL is the one
     * Spring's 401 names ({@code BearerTokenAuthenticationEntryPoint}).
     */
    private static AccessDeniedHandler insufficientScope() {
        return (request, response, denied) -> {
            String metadata = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                    .replacePath(request.getContextPath() + METADATA_PATH)
                    .replaceQuery(null)
                    .build()
                    .toUriString();
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.addHeader(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_scope\", scope=\"" + SCOPE + "\", resource_metadata=\"" + metadata
                            + "\"");
        };
    }
}
