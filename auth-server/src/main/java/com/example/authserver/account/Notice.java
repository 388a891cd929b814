package com.example.authserver.account;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * The one-message pages of the account flows (template {@code account/notice}): title, text and link text
 * are the keys {@code account.notice.<name>.title}, {@code .text} and {@code .link} of messages.properties.
 */
public final class Notice {

    static final String VIEW = "account/notice";

    public static final String REGISTERED = "registered";

    public static final String CONFIRMATION_SENT = "confirmationSent";

    public static final String EMAIL_CONFIRMED = "emailConfirmed";

    public static final String CONFIRMATION_LINK_INVALID = "confirmationLinkInvalid";

    public static final String RESET_SENT = "resetSent";

    public static final String PASSWORD_RESET = "passwordReset";

    public static final String RESET_LINK_INVALID = "resetLinkInvalid";

    public static final String PASSWORD_CHANGED = "passwordChanged";

    public static final String ACCOUNT_DELETED = "accountDeleted";

    public static final String EMAIL_CHANGE_SENT = "emailChangeSent";

    public static final String EMAIL_CHANGED = "emailChanged";

    public static final String EMAIL_CHANGE_LINK_INVALID = "emailChangeLinkInvalid";

    public static final String PASSWORD_SET = "passwordSet";

    private Notice() {}

    public static String show(Model model, String name, String linkPath) {
        model.addAttribute("notice", name);
        model.addAttribute("noticeLink", linkPath);
        return VIEW;
    }

    /** A link that does not work (any more): 400, and a way to get a new one. */
    public static String invalidLink(Model model, HttpServletResponse response, String name, String linkPath) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(model, name, linkPath);
    }
}
