package com.example.authserver.system;

import com.example.authserver.system.Case.Trait;
import com.example.authserver.system.SweepChecks.Check;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of the OpenID Connect endpoints that answer browsers or resource requests rather than JSON errors:
 * the authorization endpoint, UserInfo, RP-initiated logout, and the JWKS and discovery documents.
 */
final class ProtocolChecks {

    private static final Pattern BEARER_ERROR = Pattern.compile("error=\"([^\"]*)\"");

    /** RFC 6750 section 3.1, and RFC 9449 section 7.1 for DPoP challenges. */
    private static final Set<String> BEARER_ERRORS =
            Set.of("invalid_request", "invalid_token", "insufficient_scope", "invalid_dpop_proof", "use_dpop_nonce");

    private ProtocolChecks() {}

    /**
     * The authorization endpoint: an error goes back to the client's registered redirect URI as {@code error=} (with
     * the request's state), or, when the client or the redirect URI cannot be trusted, shows an error page; a valid
     * request goes on to sign-in or consent. It never redirects anywhere else.
     */
    static Check authorization(String server, String clientId, Set<String> redirectUris) {
        return (sent, answer, problems) -> {
            SweepChecks.always(sent, answer, problems);
            SweepChecks.redirectsTo(sent, answer, server, redirectUris, problems);
            String location = answer.header("location").orElse("");
            if (answer.status() / 100 == 3 && redirectUris.contains(location.split("[?#]", 2)[0])) {
                String error = SweepChecks.queryParameter(location, "error");
                if (error != null && !SweepChecks.AUTHORIZATION_ERRORS.contains(error)) {
                    problems.add("redirected with an error that is no authorization error: " + error);
                }
                if (error == null
                        && (SweepChecks.queryParameter(location, "code") == null || !sent.has(Trait.SIGNED_IN))) {
                    problems.add("redirected to the client without an error or, for a signed-in user, a code");
                }
                List<String> states = sent.values("state");
                if (states.size() == 1
                        && !states.get(0).isEmpty()
                        && !sent.has(Trait.UNREADABLE)
                        && !states.get(0).equals(SweepChecks.queryParameter(location, "state"))) {
                    problems.add("did not send the state back");
                }
            }
            if (answer.status() == 400 && trusted(sent, clientId, redirectUris)) {
                problems.add(
                        "an error page, though client and redirect URI are right: the error belongs in a redirect");
            }
        };
    }

    /**
     * Exactly one client id, the client's, and exactly one of its redirect URIs: errors must go back there. Not with a
     * {@code request_uri}: the redirect URI is then the pushed request's, and an unknown one leaves none to trust.
     */
    private static boolean trusted(Case sent, String clientId, Set<String> redirectUris) {
        List<String> clients = sent.values("client_id");
        List<String> redirects = sent.values("redirect_uri");
        return !sent.has(Trait.TRANSPORT)
                && !sent.has(Trait.UNREADABLE)
                && sent.request().method().equals("GET")
                && clients.equals(List.of(clientId))
                && redirects.size() == 1
                && redirectUris.contains(redirects.get(0))
                && sent.values("scope").size() <= 1
                && sent.values("response_type").size() <= 1
                && sent.values("state").size() <= 1
                && sent.values("request_uri").isEmpty();
    }

    /** UserInfo with bad tokens: never the user's claims; a Bearer challenge (RFC 6750), or a browser sent to sign in. */
    static Check userInfo(String server) {
        return (sent, answer, problems) -> {
            SweepChecks.always(sent, answer, problems);
            SweepChecks.redirectsTo(sent, answer, server, Set.of(), problems);
            if (sent.has(Trait.TRANSPORT)) {
                return;
            }
            if (answer.status() == 200) {
                problems.add("answered 200 to a request without a valid access token");
            }
            if (answer.status() == 401) {
                String challenge = answer.header("www-authenticate").orElse("");
                Matcher error = BEARER_ERROR.matcher(challenge);
                if (!challenge.startsWith("Bearer") && !challenge.startsWith("DPoP")) {
                    problems.add("401 without a Bearer (or DPoP) challenge");
                } else if (error.find() && !BEARER_ERRORS.contains(error.group(1))) {
                    problems.add("a challenge with an error RFC 6750 does not know: " + error.group(1));
                }
            }
        };
    }

    /** RP-initiated logout: an error page, the logout page, or a redirect to sign-in or a registered logout URI. */
    static Check logout(String server, Set<String> postLogoutRedirectUris) {
        return (sent, answer, problems) -> {
            SweepChecks.always(sent, answer, problems);
            SweepChecks.redirectsTo(sent, answer, server, postLogoutRedirectUris, problems);
        };
    }

    /** JWKS and discovery: a GET gets the JSON document whatever else it carries. */
    static Check document(String server) {
        return (sent, answer, problems) -> {
            SweepChecks.always(sent, answer, problems);
            SweepChecks.redirectsTo(sent, answer, server, Set.of(), problems);
            if (sent.request().method().equals("GET") && !sent.has(Trait.TRANSPORT)) {
                if (answer.status() != 200) {
                    problems.add("the document answered " + answer.status());
                } else {
                    SweepChecks.json(answer, problems);
                }
            }
        };
    }
}
