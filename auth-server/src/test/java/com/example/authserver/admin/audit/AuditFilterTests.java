package com.example.authserver.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditQuery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the audit page's filters are read: a user name becomes its id, times are UTC, bad values are errors. */
class AuditFilterTests {

    @Test
    void emptyFiltersMatchEverything() {
        AuditFilter filter = AuditFilter.of(null, " ", "", null, "");

        assertThat(filter.isValid()).isTrue();
        assertThat(filter.query(name -> "never")).isEqualTo(AuditQuery.all());
    }

    @Test
    void aUserNameBecomesItsIdAndAnUnknownOneIsTakenAsAnId() {
        assertThat(AuditFilter.of(" alice ", null, null, null, null)
                        .query(name -> "id-of-" + name)
                        .userId())
                .isEqualTo("id-of-alice");
        assertThat(AuditFilter.of("3f1c-deleted", null, null, null, null)
                        .query(name -> null)
                        .userId())
                .isEqualTo("3f1c-deleted");
    }

    @Test
    void timesAreReadAsUtcDatesOrDateTimes() {
        AuditQuery query = AuditFilter.of(null, "c", "SIGN_IN_FAILED", "2026-12-06", "2026-12-06T14:30")
                .query(name -> null);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-06T14:30:00Z"));
        assertThat(query.type()).isEqualTo(AuditEventType.SIGN_IN_FAILED);
        assertThat(query.clientId()).isEqualTo("c");
    }

    @Test
    void unreadableValuesAreErrorsNamingTheirField() {
        AuditFilter filter = AuditFilter.of("u".repeat(257), null, "sign_in_failed", "12/06/2026", "2026-12-06T25:00");

        assertThat(filter.errors())
                .containsOnlyKeys("user", "type", "from", "to")
                .containsEntry("type", "admin.audit.error.type")
                .containsEntry("from", "admin.audit.error.time");
        assertThat(AuditFilter.of(null, null, null, "2026-12-07", "2026-12-06").errors())
                .containsEntry("to", "admin.audit.error.range");
    }
}
