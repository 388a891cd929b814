package com.example.authserver.ciba;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.mail.AccountEmail;
import com.example.authserver.mail.AccountMail;
import com.example.authserver.mail.LinkBase;
import com.example.authserver.system.IssuerProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells the user that an application asks them to approve a sign-in (template {@code email/ciba-request}), with the
 * binding message and a link to {@code /ciba}: never a link that approves by itself, so an email forwarded or read by
 * someone else approves nothing. Sent in the background, like every account email.
 */
@Component
class CibaMail {

    private final AccountMail mail;

    private final IssuerProperties issuer;

    CibaMail(AccountMail mail, IssuerProperties issuer) {
        this.mail = mail;
        this.issuer = issuer;
    }

    void requested(ApplicationUser user, RegisteredClient client, CibaRequest request, HttpServletRequest httpRequest) {
        if (!StringUtils.hasText(user.getEmail())) {
            return;
        }
        LinkBase links = LinkBase.of(httpRequest, issuer);
        String name = StringUtils.hasText(user.getGivenName()) ? user.getGivenName() : user.getUserName();
        long minutes = Math.max(
                1, Duration.between(request.createdAt(), request.expiresAt()).toMinutes());
        AccountEmail email = new AccountEmail(
                user.getEmail(),
                "email.ciba.subject",
                "ciba-request",
                Map.of(
                        "name",
                        name,
                        "client",
                        client.getClientName(),
                        "message",
                        request.bindingMessage(),
                        "link",
                        links.page(CibaController.PAGE),
                        "minutes",
                        minutes),
                links.locale());
        mail.sendLater(() -> Optional.of(email));
    }
}
