package com.example.authserver.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server for the tests (GreenMail), one for the whole test run on a free port. Every Spring test
 * context sends its account emails here ({@link TestMailServerContextCustomizerFactory} sets
 * {@code spring.mail.host} and {@code spring.mail.port}), unless it sets {@code authforge.test.smtp=false}.
 * Tests use addresses of their own and find their emails by recipient.
 */
public final class TestMailServer {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private static GreenMail greenMail;

    private TestMailServer() {}

    /** One received email: its subject, sender and both parts. */
    public record ReceivedMail(String subject, String from, String text, String html) {

        /** The first link in the text part whose address contains the path. */
        public String link(String path) {
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                if (matcher.group().contains(path)) {
                    return matcher.group();
                }
            }
            throw new AssertionError("No link to " + path + " in:\n" + text);
        }
    }

    public static synchronized int port() {
        if (greenMail == null) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail.getSmtp().getPort();
    }

    /** The emails received for the address so far, oldest first. */
    public static List<ReceivedMail> mailsTo(String address) {
        port();
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address))) {
                    mails.add(read(message));
                }
            } catch (MessagingException | IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return mails;
    }

    /** Waits until the address has received its {@code count}-th email, and returns that one. */
    public static ReceivedMail awaitMail(String address, int count) {
        Instant deadline = Instant.now().plus(WAIT);
        List<ReceivedMail> mails = mailsTo(address);
        while (mails.size() < count && Instant.now().isBefore(deadline)) {
            sleep();
            mails = mailsTo(address);
        }
        if (mails.size() < count) {
            throw new AssertionError("Email " + count + " to " + address + " did not arrive within " + WAIT
                    + " (received " + mails.size() + ")");
        }
        return mails.get(count - 1);
    }

    /** Waits until the address has received an email whose subject contains {@code subject}, and returns it. */
    public static ReceivedMail awaitMailAbout(String address, String subject) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            for (ReceivedMail mail : mailsTo(address)) {
                if (mail.subject().contains(subject)) {
                    return mail;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No email about '" + subject + "' to " + address + " within " + WAIT
                        + " (received "
                        + mailsTo(address).stream().map(ReceivedMail::subject).toList() + ")");
            }
            sleep();
        }
    }

    /** Waits for the first email to the address. */
    public static ReceivedMail awaitMail(String address) {
        return awaitMail(address, 1);
    }

    private static ReceivedMail read(MimeMessage message) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        collect(message, text, html);
        return new ReceivedMail(
                message.getSubject(),
                ((InternetAddress) message.getFrom()[0]).getAddress(),
                text.toString(),
                html.toString());
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int index = 0; index < multipart.getCount(); index++) {
                BodyPart body = multipart.getBodyPart(index);
                collect(body, text, html);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
