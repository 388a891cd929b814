package com.example.authserver.account;

import com.example.authserver.account.AccountTokens.Purpose;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.mail.AccountEmail;
import com.example.authserver.mail.LinkBase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The account emails: what each says and where its link points. Issuing a link's token here means it
 * happens in the background, with the sending (see {@code mail/AccountMail}).
 */
@Component
public class AccountEmails {

    private final AccountTokens tokens;

    private final AccountProperties properties;

    private final MessageSource messages;

    AccountEmails(AccountTokens tokens, AccountProperties properties, MessageSource messages) {
        this.tokens = tokens;
        this.properties = properties;
        this.messages = messages;
    }

    /** The link that confirms the user's email address. */
    public AccountEmail confirmation(ApplicationUser user, LinkBase links) {
        String link = links.page(AccountPages.CONFIRM_EMAIL, tokens.issue(user, Purpose.EMAIL_CONFIRMATION));
        return linkEmail(
                user.getEmail(), user, links, LinkEmail.CONFIRM, link, properties.getConfirmationLinkLifetime());
    }

    /**
     * To the owner of an address someone tried to register again: no link that changes anything. With the name of
     * the provider the attempt came through, if any, it says how to link that provider's account instead.
     */
    public AccountEmail alreadyRegistered(ApplicationUser owner, String provider, LinkBase links) {
        AccountEmail email = email(
                owner,
                links,
                "email.registered.subject",
                "already-registered",
                links.page(AccountPages.FORGOT_PASSWORD),
                null);
        Map<String, Object> variables = new HashMap<>(email.variables());
        variables.put("provider", provider == null ? "" : provider);
        variables.put("externalLoginsLink", links.page(AccountPages.EXTERNAL_LOGINS));
        return new AccountEmail(email.to(), email.subjectKey(), email.template(), variables, email.locale());
    }

    /** The link that lets the user choose a new password. */
    public AccountEmail passwordReset(ApplicationUser user, LinkBase links) {
        return linkEmail(
                user.getEmail(),
                user,
                links,
                LinkEmail.RESET,
                passwordLink(user, links),
                properties.getResetLinkLifetime());
    }

    /**
     * The password reset link itself, without an email: for an administrator to hand over (the {@code admin create}
     * command prints it). It works once, for {@code authforge.account.reset-link-lifetime}, and ends the user's previous
     * reset link.
     */
    public String passwordLink(ApplicationUser user, LinkBase links) {
        return links.page(AccountPages.RESET_PASSWORD, tokens.issue(user, Purpose.PASSWORD_RESET));
    }

    /** To the new address: the link that makes it the user's email address. */
    public AccountEmail emailChange(ApplicationUser user, String newEmail, LinkBase links) {
        String link = links.page(AccountPages.CONFIRM_EMAIL_CHANGE, tokens.issue(user, Purpose.EMAIL_CHANGE, newEmail));
        return linkEmail(newEmail, user, links, LinkEmail.CHANGE, link, properties.getConfirmationLinkLifetime());
    }

    /**
     * The emails that carry a link, one template ({@code templates/email/link.*}): their words are
     * {@code email.<kind>.subject}, {@code .intro}, {@code .action} and {@code .notYou} in messages.properties.
     */
    public enum LinkEmail {
        CONFIRM("confirm"),
        RESET("reset"),
        CHANGE("change");

        private final String kind;

        LinkEmail(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    private AccountEmail linkEmail(
            String to, ApplicationUser user, LinkBase links, LinkEmail kind, String link, Duration lifetime) {
        AccountEmail email = email(to, user, links, "email." + kind.kind() + ".subject", "link", link, lifetime);
        Map<String, Object> variables = new HashMap<>(email.variables());
        variables.put("kind", kind.kind());
        return new AccountEmail(email.to(), email.subjectKey(), email.template(), variables, email.locale());
    }

    private AccountEmail email(
            ApplicationUser user, LinkBase links, String subjectKey, String template, String link, Duration lifetime) {
        return email(user.getEmail(), user, links, subjectKey, template, link, lifetime);
    }

    private AccountEmail email(
            String to,
            ApplicationUser user,
            LinkBase links,
            String subjectKey,
            String template,
            String link,
            Duration lifetime) {
        String name = StringUtils.hasText(user.getGivenName()) ? user.getGivenName() : user.getUserName();
        return new AccountEmail(
                to,
                subjectKey,
                template,
                Map.of(
                        "name",
                        name,
                        "userName",
                        user.getUserName(),
                        "link",
                        link,
                        "lifetime",
                        lifetime == null ? "" : describe(lifetime, links)),
                links.locale());
    }

    /** "1 hour", "24 hours", "30 minutes". */
    private String describe(Duration lifetime, LinkBase links) {
        long minutes = lifetime.toMinutes();
        boolean hours = minutes >= 60 && minutes % 60 == 0;
        return messages.getMessage(
                hours ? "account.duration.hours" : "account.duration.minutes",
                new Object[] {hours ? minutes / 60 : minutes},
                links.locale());
    }
}
