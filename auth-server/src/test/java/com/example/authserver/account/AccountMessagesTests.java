package com.example.authserver.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.PasswordPolicy;
import com.example.authserver.mail.SecurityNotices;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static checks (no server): every message key the account code and the email text templates use is in
 * messages.properties. (pages/PageTemplateTests checks the HTML templates.)
 */
class AccountMessagesTests {

    static final Path SOURCES =
            Path.of("src/main/java", AccountMessagesTests.class.getPackageName().replace('.', '/'));

    static final Path EMAIL_TEMPLATES = Path.of("src/main/resources/templates/email");

    static Properties messages;

    @BeforeAll
    static void readMessages() throws IOException {
        messages = new Properties();
        try (Reader reader =
                Files.newBufferedReader(Path.of("src/main/resources/messages.properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
    }

    @Test
    void everyKeyInTheAccountSourcesExists() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        Pattern literal = Pattern.compile("\"\\{?((?:account|email)\\.[\\w.]*\\w)\\}?\"");
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source :
                    sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                collectMissing(literal, Files.readString(source), missing);
            }
        }
        assertThat(missing).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void everyNoticeAndPasswordRuleHasItsMessages() throws IllegalAccessException {
        TreeSet<String> missing = new TreeSet<>();
        for (Field field : Notice.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && !field.getName().equals("VIEW")) {
                for (String part : List.of("title", "text", "link")) {
                    requireKey("account.notice." + field.get(null) + "." + part, missing);
                }
            }
        }
        for (Field field : PasswordPolicy.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                requireKey("account.password." + field.get(null), missing);
            }
        }
        assertThat(missing).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyOfTheEmailTextTemplatesExists() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.list(EMAIL_TEMPLATES)) {
            List<Path> texts =
                    templates.filter(file -> file.toString().endsWith(".txt")).toList();
            assertThat(texts).hasSizeGreaterThanOrEqualTo(3);
            for (Path template : texts) {
                collectMissing(Pattern.compile("[#]\\{([\\w.]+)"), Files.readString(template), missing);
                assertThat(Files.exists(Path.of(template.toString().replace(".txt", ".html"))))
                        .as("HTML part of %s", template)
                        .isTrue();
            }
        }
        assertThat(missing).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void everyEmailRequestPageHasItsWords() {
        TreeSet<String> missing = new TreeSet<>();
        for (EmailRequestPage page : EmailRequestPage.ALL) {
            for (String part : List.of("title", "heading", "text", "submit")) {
                requireKey(page.messages() + "." + part, missing);
            }
        }
        assertThat(missing).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void everyLinkEmailHasItsWords() {
        TreeSet<String> missing = new TreeSet<>();
        for (AccountEmails.LinkEmail email : AccountEmails.LinkEmail.values()) {
            for (String part : List.of("subject", "intro", "action", "notYou")) {
                requireKey("email." + email.kind() + "." + part, missing);
            }
        }
        assertThat(missing).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void everySecurityNoticeHasItsSubjectAndText() {
        TreeSet<String> missing = new TreeSet<>();
        for (SecurityNotices.Kind kind : SecurityNotices.Kind.values()) {
            requireKey("email.notice." + kind.key() + ".subject", missing);
            requireKey("email.notice." + kind.key() + ".text", missing);
        }
        assertThat(missing).as("keys missing from messages.properties").isEmpty();
    }

    private static void collectMissing(Pattern pattern, String source, TreeSet<String> missing) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            String key = matcher.group(1);
            // a prefix of keys ("account.forgot" of an EmailRequestPage) is checked with its parts elsewhere
            if (messages.stringPropertyNames().stream().noneMatch(name -> name.startsWith(key + "."))) {
                requireKey(key, missing);
            }
        }
    }

    private static void requireKey(String key, TreeSet<String> missing) {
        if (!messages.containsKey(key)) {
            missing.add(key);
        }
    }
}
