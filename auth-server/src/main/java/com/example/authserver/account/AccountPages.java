package com.example.authserver.account;

import com.example.authserver.mail.SecurityNotices;
import com.example.authserver.security.ApplicationChainContribution;
import com.example.authserver.security.RecentSignIn.Guarded;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The addresses of the account pages, and their part of the application chain: the pages open to visitors and the
 * changes that need a recent sign-in. (Two-factor, passkeys and external logins own theirs.)
 */
@Component
public class AccountPages implements ApplicationChainContribution {

    public static final String REGISTER = "/account/register";

    public static final String CONFIRM_EMAIL = "/account/confirm-email";

    public static final String RESEND_CONFIRMATION = "/account/resend-confirmation";

    /** The way out that security notices offer, too. */
    public static final String FORGOT_PASSWORD = SecurityNotices.WAY_OUT;

    public static final String RESET_PASSWORD = "/account/reset-password";

    /** Signed-in users only: the manage pages. */
    public static final String MANAGE = "/account";

    public static final String CHANGE_PASSWORD = "/account/change-password";

    public static final String PROFILE = "/account/profile";

    public static final String EMAIL = "/account/email";

    /** The link in the email sent to a new address; open to visitors (the link is the proof). */
    public static final String CONFIRM_EMAIL_CHANGE = "/account/confirm-email-change";

    public static final String PERSONAL_DATA = "/account/personal-data";

    public static final String GRANTS = "/account/grants";

    /** Signed-in users only: a first password, for users who sign in only through providers. */
    public static final String SET_PASSWORD = "/account/set-password";

    /**
     * Signed-in users only: the providers linked to the account, served by {@code external/}; the set-password page
     * and the already-registered email link to it.
     */
    public static final String EXTERNAL_LOGINS = "/account/external-logins";

    @Override
    public List<String> publicPaths() {
        return List.of(
                REGISTER,
                CONFIRM_EMAIL,
                CONFIRM_EMAIL + "/provider",
                RESEND_CONFIRMATION,
                FORGOT_PASSWORD,
                RESET_PASSWORD,
                CONFIRM_EMAIL_CHANGE);
    }

    @Override
    public List<Guarded> recentSignInRequired() {
        return List.of(
                Guarded.page(SET_PASSWORD, SET_PASSWORD),
                Guarded.page(EMAIL, EMAIL),
                Guarded.page(PERSONAL_DATA + "/delete", PERSONAL_DATA));
    }
}
