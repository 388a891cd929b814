package com.example.authserver.dpop;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/** The DPoP beans: the proof checks with their tables, the clean-up job, and the protocol chain's part. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DPoPConfiguration {

    @Bean
    ProofNonces proofNonces(JdbcOperations jdbc, DPoPProperties properties, Clock clock) {
        return new ProofNonces(jdbc, properties, clock);
    }

    @Bean
    ProofChecks proofChecks(ProofNonces nonces, JdbcOperations jdbc) {
        return new ProofChecks(nonces, new UsedProofs(jdbc));
    }

    @Bean
    UsedProofsCleanup usedProofsCleanup(JdbcOperations jdbc, DPoPProperties properties, Clock clock) {
        return new UsedProofsCleanup(jdbc, properties, clock);
    }

    @Bean
    DPoPProtocol dPoPProtocol(
            ProofChecks checks,
            ProofNonces nonces,
            AuthorizationServerSettings settings,
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            Clock clock) {
        return new DPoPProtocol(checks, nonces, settings, clients, authorizations, clock);
    }
}
