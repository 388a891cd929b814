package com.example.authserver.authorization;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clean-up of stored authorizations, under {@code authforge.authorizations.cleanup} in application.yml.
 *
 * @param interval how often expired and revoked authorizations are purged (the first time one interval after start-up)
 * @param batchSize how many rows one delete statement removes at most, so the table is never locked for long
 * @param pendingConsentLifetime how long an authorization request waiting for the user's consent is kept
 */
@ConfigurationProperties("authforge.authorizations.cleanup")
record CleanupProperties(
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("1h") Duration pendingConsentLifetime) {}
