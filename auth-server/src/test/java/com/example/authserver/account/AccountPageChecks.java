package com.example.authserver.account;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.pages.PageChecks;
import com.example.authserver.support.Browser.Page;
import java.util.UUID;

/**
 * What every account page must have (the rules of pages/PageChecks: shared layout, one h1, labelled fields,
 * nothing inline, CSRF-protected forms), and the small helpers the account tests share.
 */
public final class AccountPageChecks {

    /** A password the policy accepts. */
    public static final String NEW_PASSWORD = "Velvet-Harbor-42";

    private AccountPageChecks() {}

    public static void assertCommonLayout(Page page, String title) {
        PageChecks.assertCommonLayout(page, title);
    }

    /** The text of the page's main element: what a visitor reads. */
    public static String mainText(Page page) {
        return page.document().selectFirst("main").text();
    }

    public static String h1(Page page) {
        return page.document().selectFirst("h1").text();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user who has not confirmed the email address, with password {@link #NEW_PASSWORD}. */
    public static ApplicationUser unconfirmedUser(UserManager userManager, String prefix) {
        ApplicationUser user = new ApplicationUser();
        user.setUserName(unique(prefix));
        user.setEmail(user.getUserName() + "@example.net");
        return userManager.create(user, NEW_PASSWORD);
    }
}
