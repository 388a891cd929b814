package ${package}.account;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import ${package}.account.mail.AccountEmail;
import ${package}.account.mail.AccountMail;
import ${package}.identity.ApplicationUser;
import ${package}.security.IssuerProperties;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells users by email when a security setting of their account changed (template {@code email/security-notice},
 * texts {@code email.notice.<kind>.*} in messages.properties), so that a change they did not make does not go
 * unnoticed: with a link to reset the password.
 */
@Component
public class SecurityNotices {

    /** What changed. */
    public enum Kind {
        PASSWORD_CHANGED("passwordChanged"), EMAIL_CHANGED("emailChanged"), TWO_FACTOR_DISABLED("twoFactorDisabled");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final AccountMail mail;

    private final IssuerProperties issuer;

    SecurityNotices(AccountMail mail, IssuerProperties issuer) {
        this.mail = mail;
        this.issuer = issuer;
    }

    /** Sends the notice to {@code to} (the user's address, or the address it had before a change), in the background. */
    public void send(ApplicationUser user, String to, Kind kind, HttpServletRequest request) {
        if (!StringUtils.hasText(to)) {
            return;
        }
        LinkBase links = LinkBase.of(request, issuer);
        String name = StringUtils.hasText(user.getGivenName()) ? user.getGivenName() : user.getUserName();
        AccountEmail email = new AccountEmail(to, "email.notice." + kind.key + ".subject", "security-notice",
                Map.of("name", name, "userName", user.getUserName(), "kind", kind.key,
                        "link", links.page(AccountPages.FORGOT_PASSWORD), "lifetime", ""), links.locale());
        mail.sendLater(() -> Optional.of(email));
    }
}
