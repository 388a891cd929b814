package com.example.authserver.samples.api;

import java.time.Duration;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * Which tokens the API accepts, and what each endpoint needs. A request without a valid token gets {@code 401}, one
 * whose token lacks the endpoint's scope {@code 403}, both with Spring's {@code WWW-Authenticate: Bearer ...}.
 *
 * <p>A valid token is an access token (RFC 9068: header {@code typ: at+jwt}; an ID token is refused) signed by the
 * authorization server ({@value #AUTHORIZATION_SERVER}: its keys come from its discovery document), issued by it,
 * not expired, and meant for this API (audience {@value #AUDIENCE}: the URI of the API resource on the server, an
 * identifier that does not change with the port this API runs on).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    /** The authorization server's issuer (application.yml: http://localhost:9000). */
    static final String AUTHORIZATION_SERVER = "api.authorization-server";

    /** Spring Boot's usual setting for the issuer: where it is set, it wins. */
    static final String STANDARD_ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    static final String AUDIENCE = "api.audience";

    @Bean
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/identity")
                        .hasAuthority("SCOPE_scope1")
                        .requestMatchers("/hello")
                        .hasAuthority("SCOPE_scope2")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {}))
                // bearer tokens only, no cookies: nothing for a cross-site request to ride on
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The token checks. Built at the first call, so that the API starts while the authorization server is down (its
     * discovery document and keys are fetched then, and the keys cached).
     */
    @Bean
    JwtDecoder jwtDecoder(Environment settings) {
        return new SupplierJwtDecoder(() -> {
            String issuer = settings.getProperty(
                    STANDARD_ISSUER, settings.getProperty(AUTHORIZATION_SERVER, "http://localhost:9000"));
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                    .restOperations(authorizationServerCalls())
                    .build();
            decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
                    .issuer(issuer)
                    .audience(settings.getProperty(AUDIENCE, "http://127.0.0.1:8081/"))
                    // any client: the scopes and the audience say what it may do here
                    .validators(validators ->
                            validators.put("client_id", new JwtClaimValidator<>("client_id", Objects::nonNull)))
                    .build());
            return decoder;
        });
    }

    /** Patient calls for the server's metadata and keys: Nimbus's default half second fails a server warming up. */
    private static RestTemplate authorizationServerCalls() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(15));
        return new RestTemplate(requests);
    }
}
