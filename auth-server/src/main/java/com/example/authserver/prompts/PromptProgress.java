package com.example.authserver.prompts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * What the session already did for one authorization request, so the request, resumed after a page, goes on instead
 * of sending the user round again: when it was sent to sign in ({@code prompt=login}, {@code max_age}), that the
 * account was chosen ({@code select_account}) or registration offered ({@code create}). A request is known by a hash
 * of its client, redirect URI, state, nonce and PKCE challenge. A session keeps the latest few (plain strings and
 * numbers: sessions may be stored in the database).
 */
final class PromptProgress {

    enum Step {
        SIGN_IN,
        ACCOUNT_SELECTED,
        REGISTRATION_OFFERED
    }

    private static final String ATTRIBUTE = PromptProgress.class.getName();

    private static final int KEPT = 20;

    private PromptProgress() {}

    static String keyOf(OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        String identity = String.join(
                "\n",
                request.getClientId(),
                String.valueOf(request.getRedirectUri()),
                String.valueOf(request.getState()),
                String.valueOf(request.getAdditionalParameters().get("nonce")),
                String.valueOf(request.getAdditionalParameters().get("code_challenge")));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException impossible) { // every Java has SHA-256
            throw new IllegalStateException(impossible);
        }
    }

    static Optional<Instant> get(HttpServletRequest request, Step step, String key) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof LinkedHashMap<?, ?> steps)) {
            return Optional.empty();
        }
        return steps.get(step + " " + key) instanceof Long millis
                ? Optional.of(Instant.ofEpochMilli(millis))
                : Optional.empty();
    }

    static void put(HttpServletRequest request, Step step, String key, Instant at) {
        HttpSession session = request.getSession();
        LinkedHashMap<String, Long> steps = new LinkedHashMap<>();
        if (session.getAttribute(ATTRIBUTE) instanceof LinkedHashMap<?, ?> kept) {
            kept.forEach((name, millis) -> steps.put((String) name, (Long) millis));
        }
        steps.remove(step + " " + key);
        steps.put(step + " " + key, at.toEpochMilli());
        while (steps.size() > KEPT) {
            steps.remove(steps.keySet().iterator().next());
        }
        session.setAttribute(ATTRIBUTE, steps); // set again: a stored session saves what is set
    }
}
