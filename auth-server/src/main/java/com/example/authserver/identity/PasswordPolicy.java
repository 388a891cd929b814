package com.example.authserver.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rules of {@code authforge.identity.password}: a length range, the character classes a
 * password must hold (none by default, as NIST SP 800-63B advises) and, unless switched off, not one of
 * the common passwords in {@code src/main/resources/common-passwords.txt} (one per line, compared
 * ignoring case). {@link UserManager} applies them wherever a password is set; pages call
 * {@link #problems} to show every broken rule at once.
 */
@Component
public class PasswordPolicy {

    public static final String TOO_SHORT = "PasswordTooShort";

    public static final String TOO_LONG = "PasswordTooLong";

    public static final String REQUIRES_DIGIT = "PasswordRequiresDigit";

    public static final String REQUIRES_LOWER = "PasswordRequiresLower";

    public static final String REQUIRES_UPPER = "PasswordRequiresUpper";

    public static final String REQUIRES_NON_ALPHANUMERIC = "PasswordRequiresNonAlphanumeric";

    public static final String TOO_COMMON = "PasswordTooCommon";

    static final String COMMON_PASSWORDS = "common-passwords.txt";

    private final IdentityProperties.Password rules;

    private volatile Set<String> commonPasswords;

    PasswordPolicy(IdentityProperties properties) {
        this.rules = properties.getPassword();
    }

    /** The codes of the rules the password breaks (ASP.NET Core Identity's error codes), in a fixed order. */
    public List<String> problems(String password) {
        List<String> problems = new ArrayList<>();
        String value = password == null ? "" : password;
        int length = value.codePointCount(0, value.length());
        if (length < rules.getMinLength()) {
            problems.add(TOO_SHORT);
        }
        if (length > rules.getMaxLength()) {
            problems.add(TOO_LONG);
        }
        if (rules.isRequireDigit() && value.chars().noneMatch(Character::isDigit)) {
            problems.add(REQUIRES_DIGIT);
        }
        if (rules.isRequireLowercase() && value.chars().noneMatch(Character::isLowerCase)) {
            problems.add(REQUIRES_LOWER);
        }
        if (rules.isRequireUppercase() && value.chars().noneMatch(Character::isUpperCase)) {
            problems.add(REQUIRES_UPPER);
        }
        if (rules.isRequireNonAlphanumeric() && value.codePoints().allMatch(Character::isLetterOrDigit)) {
            problems.add(REQUIRES_NON_ALPHANUMERIC);
        }
        if (rules.isRejectCommon() && commonPasswords().contains(value.toLowerCase(Locale.ROOT))) {
            problems.add(TOO_COMMON);
        }
        return problems;
    }

    /** Fails with the first broken rule. */
    public void requireValid(String password) {
        List<String> problems = problems(password);
        if (!problems.isEmpty()) {
            String code = problems.get(0);
            throw new IdentityException(
                    code,
                    switch (code) {
                        case TOO_SHORT -> "Passwords must be at least " + rules.getMinLength() + " characters.";
                        case TOO_LONG -> "Passwords must be at most " + rules.getMaxLength() + " characters.";
                        case TOO_COMMON -> "This password is too common.";
                        default -> "The password breaks the rule " + code + ".";
                    });
        }
    }

    private Set<String> commonPasswords() {
        Set<String> passwords = commonPasswords;
        if (passwords == null) {
            passwords = load();
            commonPasswords = passwords;
        }
        return passwords;
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(COMMON_PASSWORDS).getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .forEach(line -> passwords.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + COMMON_PASSWORDS + " from the class path", ex);
        }
        return Set.copyOf(passwords);
    }
}
