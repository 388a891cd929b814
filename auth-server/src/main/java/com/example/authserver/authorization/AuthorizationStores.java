package com.example.authserver.authorization;

import com.example.authserver.audit.AuditTrail;
import com.example.authserver.clients.CachedRegisteredClients;
import com.example.authserver.clients.ClientProperties;
import com.example.authserver.keys.DerivedKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the authorization server keeps its state, in the tables of {@code db/migration/<vendor>/authorization}:
 * registered clients and consents with Spring Security's JDBC stores; authorizations (codes and tokens) with
 * {@link HashedAuthorizationService}, which stores hashes instead of token values, detects refresh token
 * replay ({@link RefreshTokenReplay}) and stores no row for client_credentials JWTs ({@link SelfContainedClientTokens}),
 * and {@link AuthorizationCleanup}, the scheduled job that purges expired ones.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuthorizationStores {

    /** The purpose of the derived key the user and device codes are hashed with ({@link TokenDigests}). */
    static final String DEVICE_CODES_KEY = "device-codes";

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc, ClientProperties clients, Clock clock) {
        return new CachedRegisteredClients(new JdbcRegisteredClientRepository(jdbc), clients, clock);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(
            JdbcOperations jdbc,
            PlatformTransactionManager transactions,
            RegisteredClientRepository clients,
            CleanupProperties cleanup,
            JwtDecoder ownTokens,
            DerivedKeys keys,
            Clock clock) {
        AuthorizationJson json = new AuthorizationJson();
        TokenDigests digests = new TokenDigests(() -> keys.hmacKey(DEVICE_CODES_KEY));
        return new HashedAuthorizationService(
                jdbc,
                new TransactionTemplate(transactions),
                clients,
                json,
                new AuthorizationColumns(json, cleanup.pendingConsentLifetime(), digests),
                new RotatedRefreshTokens(jdbc),
                new SelfContainedClientTokens(ownTokens, clients),
                digests,
                clock);
    }

    @Bean
    RefreshTokenReplay refreshTokenReplay(JdbcOperations jdbc) {
        return new RefreshTokenReplay(new RotatedRefreshTokens(jdbc));
    }

    @Bean
    AuthorizationCleanup authorizationCleanup(JdbcOperations jdbc, CleanupProperties cleanup, Clock clock) {
        return new AuthorizationCleanup(jdbc, cleanup, clock);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcOperations jdbc, RegisteredClientRepository clients, AuditTrail audit) {
        return new RememberedConsentService(new JdbcOAuth2AuthorizationConsentService(jdbc, clients), clients, audit);
    }
}
