package com.example.authserver.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code authforge.audit.*}: how long the audit trail keeps its events. */
@ConfigurationProperties("authforge.audit")
public class AuditProperties {

    /** Events older than this are deleted (daily). */
    private Duration retention = Duration.ofDays(180);

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
