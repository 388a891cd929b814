package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The scheduled clean-up deletes what can no longer be used, in batches, on one instance at a time. */
@ServerTest
class AuthorizationCleanupTests {

    @Autowired
    AuthorizationCleanup cleanup;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    OAuth2AuthorizationConsentService consents;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    List<ScheduledTaskHolder> taskHolders;

    RegisteredClient client;

    @BeforeEach
    void setUp() {
        client = clients.findByClientId("interactive");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCleanupRunsEveryConfiguredInterval() {
        List<FixedDelayTask> tasks = new ArrayList<>();
        for (ScheduledTaskHolder holder : taskHolders) {
            holder.getScheduledTasks().stream()
                    .map(ScheduledTask::getTask)
                    .filter(FixedDelayTask.class::isInstance)
                    .map(FixedDelayTask.class::cast)
                    .forEach(tasks::add);
        }

        assertThat(tasks).anySatisfy(task -> {
            assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(1));
            assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofHours(1));
        });
    }

    @Test
    void expiredRevokedAndAbandonedAuthorizationsArePurgedWhileLiveOnesAndConsentsStay() {
        Instant now = Instant.now();
        OAuth2Authorization expired = save(TestAuthorizations.withAccessToken(client, now, Duration.ofMinutes(15)));
        OAuth2Authorization live = save(
                TestAuthorizations.withEveryToken(client, "cleanup-user", now).build());
        OAuth2Authorization revoked = save(revokedRefreshToken(now));
        OAuth2Authorization abandoned = save(TestAuthorizations.pending(client, "cleanup-user")
                .attribute(OAuth2ParameterNames.STATE, TestAuthorizations.unique("state"))
                .build());
        consents.save(OAuth2AuthorizationConsent.withId(client.getId(), "cleanup-user")
                .authority(new SimpleGrantedAuthority("SCOPE_profile"))
                .build());

        clock.advance(Duration.ofHours(2));
        AuthorizationCleanup.Result result = cleanup.purge();

        assertThat(result.ran()).isTrue();
        assertThat(authorizations.findById(expired.getId())).isNull();
        assertThat(authorizations.findById(revoked.getId())).isNull();
        assertThat(authorizations.findById(abandoned.getId())).isNull();
        assertThat(authorizations.findById(live.getId()))
                .as("its refresh token is valid for 30 days")
                .isNotNull();
        assertThat(consents.findById(client.getId(), "cleanup-user")).isNotNull();
    }

    @Test
    void eachDeleteRemovesAtMostTheBatchSize() {
        Instant longAgo = Instant.parse("2000-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            save(TestAuthorizations.withAccessToken(client, longAgo, Duration.ofMinutes(15)));
        }
        ExpiredRows rows = new ExpiredRows(jdbc, "oauth2_authorization", "id");
        Instant cutoff = longAgo.plus(Duration.ofDays(1));

        List<Integer> batches = new ArrayList<>();
        for (int deleted = -1; deleted != 0; ) {
            deleted = rows.deleteBatch(cutoff, 2);
            batches.add(deleted);
        }

        assertThat(batches).containsExactly(2, 2, 1, 0);
    }

    @Test
    void aRunDeletesBatchAfterBatchUntilOneComesBackShort() {
        for (int i = 0; i < 5; i++) {
            save(TestAuthorizations.withAccessToken(client, Instant.now(), Duration.ofMinutes(1)));
        }
        clock.advance(Duration.ofMinutes(10));
        AuthorizationCleanup smallBatches = new AuthorizationCleanup(
                jdbc, new CleanupProperties(Duration.ofHours(1), 2, Duration.ofHours(1)), clock);

        ExpiredRows.Purged purged = smallBatches.purge().authorizations();

        assertThat(purged.rows()).isGreaterThanOrEqualTo(5);
        assertThat(purged.batches()).isEqualTo(purged.rows() / 2 + 1);
    }

    @Test
    void nothingIsPurgedWhileAnotherInstanceHoldsTheLock() {
        OAuth2Authorization expired =
                save(TestAuthorizations.withAccessToken(client, Instant.now(), Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(10));
        JobLock otherInstance = new JobLock(jdbc, "authorization-cleanup");
        assertThat(otherInstance.tryAcquire(clock.instant(), clock.instant().plus(Duration.ofHours(1))))
                .isTrue();
        try {
            assertThat(cleanup.purge().ran()).isFalse();
            assertThat(authorizations.findById(expired.getId())).isNotNull();
        } finally {
            otherInstance.release();
        }

        assertThat(cleanup.purge().ran()).isTrue();
        assertThat(authorizations.findById(expired.getId())).isNull();
    }

    @Test
    void aRotatedRefreshTokenIsForgottenOnceItWouldHaveExpired() {
        Instant now = Instant.now();
        OAuth2Authorization authorization =
                save(OAuth2Authorization.from(TestAuthorizations.withAccessToken(client, now, Duration.ofMinutes(15)))
                        .refreshToken(new OAuth2RefreshToken(
                                TestAuthorizations.unique("refresh-token"), now, now.plus(Duration.ofMinutes(30))))
                        .build());
        String oldToken = authorization.getRefreshToken().getToken().getTokenValue();
        OAuth2Authorization loaded = authorizations.findByToken(oldToken, OAuth2TokenType.REFRESH_TOKEN);
        save(OAuth2Authorization.from(loaded)
                .refreshToken(new OAuth2RefreshToken(
                        TestAuthorizations.unique("refresh-token"), now, now.plus(Duration.ofDays(30))))
                .build());

        clock.advance(Duration.ofHours(1));
        AuthorizationCleanup.Result result = cleanup.purge();

        assertThat(result.rotatedRefreshTokens().rows()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from oauth2_rotated_refresh_token where token_hash = ?",
                        Integer.class,
                        TokenHashes.hash(oldToken)))
                .isZero();
        assertThat(authorizations.findById(authorization.getId()))
                .as("the grant itself lives on")
                .isNotNull();
    }

    private OAuth2Authorization revokedRefreshToken(Instant now) {
        OAuth2RefreshToken refreshToken =
                new OAuth2RefreshToken(TestAuthorizations.unique("refresh-token"), now, now.plus(Duration.ofDays(30)));
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                TestAuthorizations.unique("access-token"),
                now,
                now.plus(Duration.ofDays(1)));
        return TestAuthorizations.pending(client, "cleanup-user")
                .refreshToken(refreshToken)
                .accessToken(accessToken)
                .invalidate(refreshToken)
                .invalidate(accessToken)
                .build();
    }

    private OAuth2Authorization save(OAuth2Authorization authorization) {
        authorizations.save(authorization);
        return authorization;
    }
}
