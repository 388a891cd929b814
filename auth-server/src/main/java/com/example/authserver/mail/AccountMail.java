package com.example.authserver.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends the account emails, in the background: a page never waits for an SMTP server, and the work done
 * while a page waits is the same whether an address is registered or not (the lookup happens in the
 * background too, see {@link #sendLater}). Each email has an HTML and a text part, rendered from
 * {@code templates/email/}. It goes to the SMTP server of {@code spring.mail.*} if one is configured;
 * otherwise, outside production, to the {@link DevelopmentMailbox}; otherwise it is dropped with a warning.
 * Links and tokens are never logged here.
 */
@Component
public class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final ITemplateEngine templates;

    private final MessageSource messages;

    private final MailProperties properties;

    private final JavaMailSender smtp;

    private final DevelopmentMailbox mailbox;

    private final ThreadPoolTaskExecutor background = new ThreadPoolTaskExecutor();

    AccountMail(
            ITemplateEngine templates,
            MessageSource messages,
            MailProperties properties,
            ObjectProvider<JavaMailSender> smtp,
            ObjectProvider<DevelopmentMailbox> mailbox) {
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
        this.smtp = smtp.getIfAvailable();
        this.mailbox = mailbox.getIfAvailable();
        if (this.smtp == null && this.mailbox == null) {
            log.warn("No SMTP server configured (spring.mail.host): account emails (email confirmation, password "
                    + "reset) cannot be sent");
        }
        background.setCorePoolSize(2);
        background.setMaxPoolSize(2);
        background.setQueueCapacity(1000);
        background.setThreadNamePrefix("account-mail-");
        background.setWaitForTasksToCompleteOnShutdown(true);
        background.setAwaitTerminationSeconds(10);
        background.initialize();
    }

    /**
     * Works out the email in the background (finding the user, issuing a token) and sends it, if there is
     * one to send; failures are logged, never shown.
     */
    public void sendLater(Supplier<Optional<AccountEmail>> email) {
        try {
            background.execute(() -> {
                try {
                    email.get().ifPresent(this::send);
                } catch (RuntimeException ex) {
                    log.warn("Could not send an account email: {}", ex.toString());
                }
            });
        } catch (TaskRejectedException ex) {
            log.warn("Too many account emails waiting: one was dropped");
        }
    }

    private void send(AccountEmail email) {
        Context context = new Context(email.locale(), email.variables());
        String html = templates.process("email/" + email.template(), context);
        String text = templates.process("email/" + email.template() + EmailTemplates.TEXT_SUFFIX, context);
        String appName = messages.getMessage("app.name", null, email.locale());
        String subject = messages.getMessage(email.subjectKey(), new Object[] {appName}, email.locale());
        if (smtp != null) {
            sendSmtp(email.to(), subject, text, html);
            log.debug("Sent the account email '{}'", email.template());
        } else if (mailbox != null) {
            mailbox.deliver(email.to(), subject, text);
        } else {
            log.warn("Account email '{}' not sent: no SMTP server configured (spring.mail.host)", email.template());
        }
    }

    private void sendSmtp(String to, String subject, String text, String html) {
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.getMailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            smtp.send(message);
        } catch (MessagingException | MailException ex) {
            throw new IllegalStateException(
                    "SMTP delivery failed: " + ex.getClass().getSimpleName(), ex);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }
}
