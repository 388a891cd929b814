package com.example.authserver.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The sender of account emails, {@code authforge.account.mail-from}. */
@ConfigurationProperties("authforge.account")
public class MailProperties {

    /** The sender of account emails, for example {@code AuthForge <no-reply@example.com>}. */
    private String mailFrom = "AuthForge <no-reply@localhost>";

    public String getMailFrom() {
        return mailFrom;
    }

    public void setMailFrom(String mailFrom) {
        this.mailFrom = mailFrom;
    }
}
