package com.example.authserver.account;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.example.authserver.account.AccountTokens.Purpose;
import com.example.authserver.account.mail.AccountEmail;
import com.example.authserver.identity.ApplicationUser;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The account emails: what each says and where its link points. Issuing a link's token here means it
 * happens in the background, with the sending (see {@code mail/AccountMail}).
 */
@Component
class AccountEmails {

    private final AccountTokens tokens;

    private final AccountProperties properties;

    private final MessageSource messages;

    AccountEmails(AccountTokens tokens, AccountProperties properties, MessageSource messages) {
        this.tokens = tokens;
        this.properties = properties;
        this.messages = messages;
    }

    /** The link that confirms the user's email address. */
    AccountEmail confirmation(ApplicationUser user, LinkBase links) {
        String link = links.page(AccountPages.CONFIRM_EMAIL, tokens.issue(user, Purpose.EMAIL_CONFIRMATION));
        return email(user, links, "email.confirm.subject", "confirm-email", link,
                properties.getConfirmationLinkLifetime());
    }

    /**
     * To the owner of an address someone tried to register again: no link that changes anything. With the name of
     * the provider the attempt came through, if any, it says how to link that provider's account instead.
     */
    AccountEmail alreadyRegistered(ApplicationUser owner, String provider, LinkBase links) {
        AccountEmail email = email(owner, links, "email.registered.subject", "already-registered",
                links.page(AccountPages.FORGOT_PASSWORD), null);
        Map<String, Object> variables = new HashMap<>(email.variables());
        variables.put("provider", provider == null ? "" : provider);
        variables.put("externalLoginsLink", links.page(AccountPages.EXTERNAL_LOGINS));
        return new AccountEmail(email.to(), email.subjectKey(), email.template(), variables, email.locale());
    }

    /** The link that lets the user choose a new password. */
    AccountEmail passwordReset(ApplicationUser user, LinkBase links) {
        String link = links.page(AccountPages.RESET_PASSWORD, tokens.issue(user, Purpose.PASSWORD_RESET));
        return email(user, links, "email.reset.subject", "reset-password", link, properties.getResetLinkLifetime());
    }

    /** To the new address: the link that makes it the user's email address. */
    AccountEmail emailChange(ApplicationUser user, String newEmail, LinkBase links) {
        String link = links.page(AccountPages.CONFIRM_EMAIL_CHANGE, tokens.issue(user, Purpose.EMAIL_CHANGE, newEmail));
        return email(newEmail, user, links, "email.change.subject", "change-email", link,
                properties.getConfirmationLinkLifetime());
    }

    private AccountEmail email(ApplicationUser user, LinkBase links, String subjectKey, String template, String link,
            Duration lifetime) {
        return email(user.getEmail(), user, links, subjectKey, template, link, lifetime);
    }

    private AccountEmail email(String to, ApplicationUser user, LinkBase links, String subjectKey, String template,
            String link, Duration lifetime) {
        String name = StringUtils.hasText(user.getGivenName()) ? user.getGivenName() : user.getUserName();
        return new AccountEmail(to, subjectKey, template, Map.of("name", name,
                "userName", user.getUserName(), "link", link, "lifetime", lifetime == null ? "" : describe(lifetime, links)),
                links.locale());
    }

    /** "1 hour", "24 hours", "30 minutes". */
    private String describe(Duration lifetime, LinkBase links) {
        long minutes = lifetime.toMinutes();
        boolean hours = minutes >= 60 && minutes % 60 == 0;
        return messages.getMessage(hours ? "account.duration.hours" : "account.duration.minutes",
                new Object[] { hours ? minutes / 60 : minutes }, links.locale());
    }
}
