package com.example.authserver.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Where account emails go in development when no SMTP server is configured ({@code spring.mail.host}
 * unset): kept in memory (the latest 50) for the page {@code /dev/mailbox}, and logged with
 * their links. Never exists with the prod profile, so production never logs a link.
 */
@Component
@Conditional(DevelopmentMailboxCondition.class)
class DevelopmentMailbox {

    /** The page; open to visitors (it exists outside the prod profile only, while no SMTP server is set). */
    static final String PAGE = "/dev/mailbox";

    static final int CAPACITY = 50;

    private static final Logger log = LoggerFactory.getLogger(DevelopmentMailbox.class);

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** One delivered email; {@code links} are the URLs in its text. */
    record Mail(Instant sentAt, String to, String subject, String text, List<String> links) {}

    private final Deque<Mail> mails = new ArrayDeque<>();

    private final Clock clock;

    DevelopmentMailbox(Clock clock) {
        this.clock = clock;
        log.info("No SMTP server configured (spring.mail.host): account emails go to the development mailbox, "
                + "/dev/mailbox, and to this log");
    }

    void deliver(String to, String subject, String text) {
        Matcher matcher = LINK.matcher(text);
        List<String> links = matcher.results().map(match -> match.group()).toList();
        synchronized (mails) {
            mails.addFirst(new Mail(clock.instant().truncatedTo(ChronoUnit.SECONDS), to, subject, text, links));
            while (mails.size() > CAPACITY) {
                mails.removeLast();
            }
        }
        log.info("Development mailbox: '{}' to {}, links: {}", subject, to, links);
    }

    /** The latest emails, newest first. */
    List<Mail> mails() {
        synchronized (mails) {
            return List.copyOf(mails);
        }
    }
}
