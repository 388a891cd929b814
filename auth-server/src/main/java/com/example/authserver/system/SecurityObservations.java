package com.example.authserver.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Turns off Spring Security's own observations: with actuator on the classpath it would time every filter of both
 * filter chains, every authentication and every authorization decision, which the benchmark found to be 13 % of a
 * client_credentials token's CPU. What operations use stays: {@code http.server.requests} (per endpoint, status and
 * time) and this server's {@code authforge.*} counters ({@link SecurityMetrics}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
