package com.example.authserver.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ServerTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/** The audit trail stores, finds, publishes and forgets security events. */
@ServerTest
class AuditTrailTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    Clock clock;

    @Test
    void findsEventsByUserTypeClientAndTimeNewestFirstInPages() {
        String userId = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored: no rounding at the bounds
        for (int i = 0; i < 5; i++) {
            trail.record(at(now.minusSeconds(60 - i), AuditEventType.SIGN_IN_FAILED, userId)
                    .method("password")
                    .detail("attempt " + i));
        }
        trail.record(at(now, AuditEventType.SIGN_IN_SUCCEEDED, userId).client("web-" + userId));

        assertThat(trail.recentFor(userId, 10))
                .extracting(AuditEvent::type)
                .containsExactly(
                        AuditEventType.SIGN_IN_SUCCEEDED,
                        AuditEventType.SIGN_IN_FAILED,
                        AuditEventType.SIGN_IN_FAILED,
                        AuditEventType.SIGN_IN_FAILED,
                        AuditEventType.SIGN_IN_FAILED,
                        AuditEventType.SIGN_IN_FAILED);
        AuditPage first = trail.search(new AuditQuery(userId, null, AuditEventType.SIGN_IN_FAILED, null, null), 0, 2);
        assertThat(first.events()).extracting(AuditEvent::detail).containsExactly("attempt 4", "attempt 3");
        assertThat(first.hasNext()).isTrue();
        AuditPage last = trail.search(new AuditQuery(userId, null, AuditEventType.SIGN_IN_FAILED, null, null), 2, 2);
        assertThat(last.events()).extracting(AuditEvent::detail).containsExactly("attempt 0");
        assertThat(last.hasNext()).isFalse();
        assertThat(trail.search(new AuditQuery(null, "web-" + userId, null, null, null), 0, 10)
                        .events())
                .singleElement()
                .satisfies(event -> assertThat(event.userId()).isEqualTo(userId));
        assertThat(trail.search(new AuditQuery(userId, null, null, now.minusSeconds(57), now), 0, 10)
                        .events())
                .extracting(AuditEvent::detail)
                .containsExactly("attempt 4", "attempt 3");
    }

    @Test
    void fillsInTheTimeAndKeepsTooLongValuesShortenedRatherThanLosingTheEvent() {
        String userId = UUID.randomUUID().toString();
        String longName = "n".repeat(255) + "\uD83D\uDE00" + "x".repeat(100);

        trail.record(AuditEvent.of(AuditEventType.USER_UPDATED)
                .user(userId, longName)
                .detail("d".repeat(5000))
                .actor("someone"));

        AuditEvent stored = trail.recentFor(userId, 1).get(0);
        assertThat(stored.time()).isBetween(clock.instant().minusSeconds(60), clock.instant());
        assertThat(stored.userName()).hasSize(255).isEqualTo("n".repeat(255));
        assertThat(stored.detail()).hasSize(1000);
        assertThat(stored.actor()).isEqualTo("someone");
    }

    @Test
    void isPublishedAsAnApplicationEvent(@Autowired ConfigurableApplicationContext context) {
        String userId = UUID.randomUUID().toString();
        List<AuditEvent> published = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<AuditEvent>> listener = event -> published.add(event.getPayload());
        context.addApplicationListener(listener);
        try {
            trail.record(AuditEvent.of(AuditEventType.PASSKEY_ADDED).user(userId, "someone"));
        } finally {
            context.removeApplicationListener(listener);
        }

        assertThat(published).anySatisfy(event -> assertThat(event.userId()).isEqualTo(userId));
    }

    @Test
    void retentionDeletesOnlyEventsOlderThanTheRetentionPeriod() {
        String userId = UUID.randomUUID().toString();
        AuditProperties properties = new AuditProperties();
        properties.setRetention(Duration.ofDays(30));
        trail.record(at(clock.instant().minus(Duration.ofDays(31)), AuditEventType.SIGNED_OUT, userId));
        trail.record(at(clock.instant().minus(Duration.ofDays(29)), AuditEventType.SIGN_IN_SUCCEEDED, userId));

        assertThat(AuditRetention.purge(trail, properties, clock)).isPositive();

        assertThat(trail.recentFor(userId, 10))
                .extracting(AuditEvent::type)
                .containsExactly(AuditEventType.SIGN_IN_SUCCEEDED);
    }

    private static AuditEvent at(Instant time, AuditEventType type, String userId) {
        return new AuditEvent(time, type, userId, "user-" + userId, null, null, null, null, null);
    }
}
