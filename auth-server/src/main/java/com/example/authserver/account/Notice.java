package com.example.authserver.account;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

/**
 * The one-message pages of the account flows (template {@code account/notice}): title, text and link text
 * are the keys {@code account.notice.<name>.title}, {@code .text} and {@code .link} of messages.properties.
 */
final class Notice {

    static final String VIEW = "account/notice";

    static final String REGISTERED = "registered";

    static final String CONFIRMATION_SENT = "confirmationSent";

    static final String EMAIL_CONFIRMED = "emailConfirmed";

    static final String CONFIRMATION_LINK_INVALID = "confirmationLinkInvalid";

    static final String RESET_SENT = "resetSent";

    static final String PASSWORD_RESET = "passwordReset";

    static final String RESET_LINK_INVALID = "resetLinkInvalid";

    static final String PASSWORD_CHANGED = "passwordChanged";

    static final String ACCOUNT_DELETED = "accountDeleted";

    static final String EMAIL_CHANGE_SENT = "emailChangeSent";

    static final String EMAIL_CHANGED = "emailChanged";

    static final String EMAIL_CHANGE_LINK_INVALID = "emailChangeLinkInvalid";

    static final String PASSWORD_SET = "passwordSet";

    private Notice() {
    }

    static String show(Model model, String name, String linkPath) {
        model.addAttribute("notice", name);
        model.addAttribute("noticeLink", linkPath);
        return VIEW;
    }

    /** A link that does not work (any more): 400, and a way to get a new one. */
    static String invalidLink(Model model, HttpServletResponse response, String name, String linkPath) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(model, name, linkPath);
    }
}
