package ${package}.account;

/** The addresses of the account pages; {@code security/ApplicationSecurity} opens {@link #publicPaths()} to visitors. */
public final class AccountPages {

    public static final String REGISTER = "/account/register";

    public static final String CONFIRM_EMAIL = "/account/confirm-email";

    public static final String RESEND_CONFIRMATION = "/account/resend-confirmation";

    public static final String FORGOT_PASSWORD = "/account/forgot-password";

    public static final String RESET_PASSWORD = "/account/reset-password";

    /** Signed-in users only. */
    public static final String CHANGE_PASSWORD = "/account/change-password";

    /** Outside the prod profile, and only while no SMTP server is configured (see {@code mail/DevelopmentMailbox}). */
    public static final String DEVELOPMENT_MAILBOX = "/dev/mailbox";

    private AccountPages() {
    }

    /** The pages a visitor who is not signed in may open. */
    public static String[] publicPaths() {
        return new String[] { REGISTER, CONFIRM_EMAIL, RESEND_CONFIRMATION, FORGOT_PASSWORD, RESET_PASSWORD,
                DEVELOPMENT_MAILBOX };
    }
}
