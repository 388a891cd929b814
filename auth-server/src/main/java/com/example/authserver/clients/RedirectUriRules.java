package com.example.authserver.clients;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for the redirect URIs (and post-logout redirect URIs) a client may be given here, by registering
 * itself ({@code registration/RegistrationPolicy}) or through the admin console ({@code admin/clients}): https
 * anywhere, or http on loopback ({@code 127.0.0.1}, {@code [::1]}, {@code localhost}, any port, RFC 8252 §7.3, §8.3);
 * no fragment, no user info, no wildcard, no other scheme (no {@code javascript:}, no private-use schemes). Exact
 * matching (OAuth 2.1) makes every allowed URI a place codes may be sent: nothing a browser would run or guess at.
 */
public final class RedirectUriRules {

    /** Why a URI was refused; {@link #description} is the English text of the protocol error. */
    public enum Problem {
        NOT_A_URI("not a URI"),
        NOT_ABSOLUTE("redirect URIs must be absolute https or loopback http URLs"),
        FRAGMENT("redirect URIs must not have a fragment"),
        WILDCARD("redirect URIs must not have wildcards or commas"),
        USER_INFO("redirect URIs need a host and no user info"),
        SCHEME("redirect URIs must be https, or http on 127.0.0.1, [::1] or localhost");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUriRules() {}

    /** What is wrong with {@code value} as a redirect URI; empty when it may be used. */
    public static Optional<Problem> problem(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException notAUri) {
            return Optional.of(Problem.NOT_A_URI);
        }
        if (!uri.isAbsolute() || uri.getScheme() == null || uri.getRawAuthority() == null) {
            return Optional.of(Problem.NOT_ABSOLUTE);
        }
        if (uri.getRawFragment() != null || value.contains("#")) {
            return Optional.of(Problem.FRAGMENT);
        }
        // commas too: the registered client table keeps the URIs comma-separated
        if (value.contains("*") || value.contains(",")) {
            return Optional.of(Problem.WILDCARD);
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null) {
            return Optional.of(Problem.USER_INFO);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        boolean loopback = scheme.equals("http") && LOOPBACK_HOSTS.contains(host);
        return https || loopback ? Optional.empty() : Optional.of(Problem.SCHEME);
    }
}
