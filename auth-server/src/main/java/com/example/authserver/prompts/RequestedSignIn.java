package com.example.authserver.prompts;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.StringUtils;

/**
 * What an authorization request asks of the sign-in (OpenID Connect Core 3.1.2.1, Prompt Create 1.0): the
 * {@code prompt} values, {@code max_age} in seconds (null when not asked), the {@code acr_values} and the
 * {@code id_token_hint}. {@link #of} refuses what cannot be honoured: an unknown prompt value, {@code none} with another,
 * a {@code max_age} that is not a whole number of seconds, a hint longer than any ID token of ours.
 */
record RequestedSignIn(Set<String> prompts, Long maxAge, List<String> acrValues, String idTokenHint) {

    static final String NONE = "none";

    static final String LOGIN = "login";

    static final String CONSENT = "consent";

    static final String SELECT_ACCOUNT = "select_account";

    static final String CREATE = "create";

    /** ID tokens of this server are a few kilobytes; anything much longer is not one. */
    static final int MAX_HINT_LENGTH = 16 * 1024;

    static RequestedSignIn of(Map<String, Object> parameters, Set<String> supportedPrompts) {
        Set<String> prompts = new LinkedHashSet<>(words(parameters.get("prompt")));
        for (String prompt : prompts) {
            if (!supportedPrompts.contains(prompt)) {
                throw new IllegalArgumentException("OpenID Connect parameter: prompt (unsupported value)");
            }
        }
        if (prompts.contains(NONE) && prompts.size() > 1) {
            throw new IllegalArgumentException("OpenID Connect parameter: prompt (none with other values)");
        }
        Long maxAge = null;
        if (parameters.get("max_age") instanceof String text) {
            if (!text.matches("\\d{1,10}")) {
                throw new IllegalArgumentException("OpenID Connect parameter: max_age");
            }
            maxAge = Long.parseLong(text);
        }
        String hint = parameters.get("id_token_hint") instanceof String text && !text.isEmpty() ? text : null;
        if (hint != null && hint.length() > MAX_HINT_LENGTH) {
            throw new IllegalArgumentException("OpenID Connect parameter: id_token_hint");
        }
        return new RequestedSignIn(Set.copyOf(prompts), maxAge, words(parameters.get("acr_values")), hint);
    }

    /** {@code prompt=none}: the client wants an answer without the user seeing a page. */
    boolean silent() {
        return prompts.contains(NONE);
    }

    boolean asks(String prompt) {
        return prompts.contains(prompt);
    }

    /** A fresh sign-in is asked for: {@code prompt=login}, or {@code max_age=0}, which means the same. */
    boolean freshSignIn() {
        return prompts.contains(LOGIN) || (maxAge != null && maxAge == 0);
    }

    /** Whether anything here is for this package to act on. */
    boolean asksAnything() {
        return !prompts.isEmpty() || maxAge != null || !acrValues.isEmpty() || idTokenHint != null;
    }

    private static List<String> words(Object value) {
        if (!(value instanceof String text) || !StringUtils.hasText(text)) {
            return List.of();
        }
        return Arrays.stream(text.trim().split(" +")).distinct().toList();
    }
}
