package com.example.authserver.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Identity rules, set under {@code authforge.identity} in application.yml. */
@ConfigurationProperties("authforge.identity")
public class IdentityProperties {

    /** Whether two users may share one email address. */
    private boolean requireUniqueEmail = true;

    /**
     * How often a signed-in session is compared with the user's security stamp: a session of a user who
     * changed their password (or was disabled or deleted) elsewhere ends at the next check.
     */
    private Duration securityStampValidationInterval = Duration.ofMinutes(1);

    private final Lockout lockout = new Lockout();

    private final Password password = new Password();

    public boolean isRequireUniqueEmail() {
        return requireUniqueEmail;
    }

    public void setRequireUniqueEmail(boolean requireUniqueEmail) {
        this.requireUniqueEmail = requireUniqueEmail;
    }

    public Duration getSecurityStampValidationInterval() {
        return securityStampValidationInterval;
    }

    public void setSecurityStampValidationInterval(Duration securityStampValidationInterval) {
        this.securityStampValidationInterval = securityStampValidationInterval;
    }

    public Lockout getLockout() {
        return lockout;
    }

    public Password getPassword() {
        return password;
    }

    /** Failed password checks in a row before the account is locked, and for how long. */
    public static class Lockout {

        /** Wrong passwords (or codes) in a row that lock the account. */
        private int maxFailedAttempts = 5;

        /** How long a locked account stays locked; its owner is told by email. */
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

    /** The password policy, applied by {@link PasswordPolicy} wherever a password is set. */
    public static class Password {

        /** The shortest password accepted. */
        private int minLength = 8;

        /** Longer passwords are refused, so that nobody makes the server hash megabytes. */
        private int maxLength = 128;

        /**
         * Whether a password must contain a digit. The character-class rules are off by default, as NIST SP 800-63B
         * advises: length and the common-password check protect better.
         */
        private boolean requireDigit;

        /** Whether a password must contain a lower-case letter. */
        private boolean requireLowercase;

        /** Whether a password must contain an upper-case letter. */
        private boolean requireUppercase;

        /** Whether a password must contain a character that is neither letter nor digit. */
        private boolean requireNonAlphanumeric;

        /** Refuse the passwords listed in {@code common-passwords.txt}, ignoring case. */
        private boolean rejectCommon = true;

        public int getMinLength() {
            return minLength;
        }

        public void setMinLength(int minLength) {
            this.minLength = minLength;
        }

        public int getMaxLength() {
            return maxLength;
        }

        public void setMaxLength(int maxLength) {
            this.maxLength = maxLength;
        }

        public boolean isRequireDigit() {
            return requireDigit;
        }

        public void setRequireDigit(boolean requireDigit) {
            this.requireDigit = requireDigit;
        }

        public boolean isRequireLowercase() {
            return requireLowercase;
        }

        public void setRequireLowercase(boolean requireLowercase) {
            this.requireLowercase = requireLowercase;
        }

        public boolean isRequireUppercase() {
            return requireUppercase;
        }

        public void setRequireUppercase(boolean requireUppercase) {
            this.requireUppercase = requireUppercase;
        }

        public boolean isRequireNonAlphanumeric() {
            return requireNonAlphanumeric;
        }

        public void setRequireNonAlphanumeric(boolean requireNonAlphanumeric) {
            this.requireNonAlphanumeric = requireNonAlphanumeric;
        }

        public boolean isRejectCommon() {
            return rejectCommon;
        }

        public void setRejectCommon(boolean rejectCommon) {
            this.rejectCommon = rejectCommon;
        }
    }
}
