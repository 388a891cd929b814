package com.example.authserver.account;

/** The addresses of the account pages; {@code security/ApplicationSecurity} opens {@link #publicPaths()} to visitors. */
public final class AccountPages {

    public static final String REGISTER = "/account/register";

    public static final String CONFIRM_EMAIL = "/account/confirm-email";

    public static final String RESEND_CONFIRMATION = "/account/resend-confirmation";

    public static final String FORGOT_PASSWORD = "/account/forgot-password";

    public static final String RESET_PASSWORD = "/account/reset-password";

    /** Signed-in users only: the manage pages. */
    public static final String MANAGE = "/account";

    public static final String CHANGE_PASSWORD = "/account/change-password";

    public static final String TWO_FACTOR = "/account/two-factor";

    public static final String TWO_FACTOR_ENABLE = "/account/two-factor/enable";

    /** Signed-in users only: list, add and remove passkeys (see {@code passkeys/}). */
    public static final String PASSKEYS = "/account/passkeys";

    public static final String PROFILE = "/account/profile";

    public static final String EMAIL = "/account/email";

    /** The link in the email sent to a new address; open to visitors (the link is the proof). */
    public static final String CONFIRM_EMAIL_CHANGE = "/account/confirm-email-change";

    public static final String PERSONAL_DATA = "/account/personal-data";

    public static final String GRANTS = "/account/grants";

    /** After signing in through a provider with an account not linked yet: create a local account or link one. */
    public static final String EXTERNAL_LOGIN = "/account/external-login";

    /** Signed-in users only: the providers linked to the account (see {@code external/}). */
    public static final String EXTERNAL_LOGINS = "/account/external-logins";

    /** Signed-in users only: sign in again before a change that needs a recent sign-in (see {@code RecentSignIn}). */
    public static final String REAUTHENTICATE = "/account/reauthenticate";

    /** Signed-in users only: a first password, for users who sign in only through providers. */
    public static final String SET_PASSWORD = "/account/set-password";

    /** Outside the prod profile, and only while no SMTP server is configured (see {@code mail/DevelopmentMailbox}). */
    public static final String DEVELOPMENT_MAILBOX = "/dev/mailbox";

    private AccountPages() {
    }

    /** The pages a visitor who is not signed in may open. */
    public static String[] publicPaths() {
        return new String[] { REGISTER, CONFIRM_EMAIL, CONFIRM_EMAIL + "/provider", RESEND_CONFIRMATION,
                FORGOT_PASSWORD, RESET_PASSWORD, DEVELOPMENT_MAILBOX, EXTERNAL_LOGIN, EXTERNAL_LOGIN + "/*",
                CONFIRM_EMAIL_CHANGE };
    }
}
