package ${package}.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Identity rules, set under {@code authforge.identity} in application.yml. */
@ConfigurationProperties("authforge.identity")
public class IdentityProperties {

    /** Whether two users may share one email address. */
    private boolean requireUniqueEmail = true;

    private final Lockout lockout = new Lockout();

    private final Password password = new Password();

    public boolean isRequireUniqueEmail() {
        return requireUniqueEmail;
    }

    public void setRequireUniqueEmail(boolean requireUniqueEmail) {
        this.requireUniqueEmail = requireUniqueEmail;
    }

    public Lockout getLockout() {
        return lockout;
    }

    public Password getPassword() {
        return password;
    }

    /** Failed password checks in a row before the account is locked, and for how long. */
    public static class Lockout {

        private int maxFailedAttempts = 5;

        private Duration duration = Duration.ofMinutes(5);

        public int getMaxFailedAttempts() {
            return maxFailedAttempts;
        }

        public void setMaxFailedAttempts(int maxFailedAttempts) {
            this.maxFailedAttempts = maxFailedAttempts;
        }

        public Duration getDuration() {
            return duration;
        }

        public void setDuration(Duration duration) {
            this.duration = duration;
        }
    }

    /** The password policy. */
    public static class Password {

        private int minLength = 8;

        public int getMinLength() {
            return minLength;
        }

        public void setMinLength(int minLength) {
            this.minLength = minLength;
        }
    }
}
