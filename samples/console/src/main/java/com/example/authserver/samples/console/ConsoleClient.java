package com.example.authserver.samples.console;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The machine-to-machine quickstart: a program with no user gets an access token for itself (the client credentials
 * grant, as the development client {@code m2m.client} with scope {@code scope1}) and calls the API with it.
 *
 * <ol>
 *   <li>Reads the authorization server's discovery document, which names its token endpoint.
 *   <li>Asks the token endpoint for a token, authenticated with the client's ID and secret (HTTP Basic).
 *   <li>Prints the token response and the access token's claims (a JWT: readable by anyone, trusted by checking its
 *       signature, which is the API's job).
 *   <li>Calls the API's {@code /identity} with the token, and prints its answer.
 * </ol>
 *
 * Where: {@code --issuer=URL} (or system property {@code samples.issuer}, or environment variable
 * {@code SAMPLES_ISSUER}; default http://localhost:9000) and {@code --api-url=URL} ({@code samples.api-url},
 * {@code SAMPLES_APIURL}; default http://127.0.0.1:8081). Exit code 0 when the API answered 200, else 1 with a
 * one-line reason.
 */
public final class ConsoleClient {

    static final String CLIENT_ID = "m2m.client";

    /** The development secret of m2m.client: the server refuses it in production. */
    static final String CLIENT_SECRET = "511536EF-F270-4058-80CA-1C89C192F69A";

    static final String SCOPE = "scope1";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PrintStream out;

    private ConsoleClient(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the client; the exit code is returned, what it has to say printed on {@code out} and {@code err}. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String issuer = setting(args, environment, "issuer", "http://localhost:9000");
        String apiUrl = setting(args, environment, "api-url", "http://127.0.0.1:8081");
        try {
            ConsoleClient client = new ConsoleClient(out);
            AccessToken token = client.token(issuer);
            client.callApi(apiUrl, token);
            return 0;
        } catch (Failure ex) {
            err.println("error: " + ex.getMessage());
            return 1;
        }
    }

    private AccessToken token(String issuer) {
        OIDCProviderMetadata server;
        try {
            server = OIDCProviderMetadata.resolve(new Issuer(issuer), 5_000, 10_000);
        } catch (IOException ex) {
            throw new Failure("the authorization server at " + issuer + " is unreachable (" + ex + "): is it running?"
                    + " (./run.sh starts it; --issuer=URL names another)");
        } catch (GeneralException ex) {
            throw new Failure("no discovery document at " + issuer + ": " + ex.getMessage());
        }
        out.println("Authorization server: " + server.getIssuer());
        out.println("Token endpoint:       " + server.getTokenEndpointURI());

        TokenRequest request = new TokenRequest(
                server.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(CLIENT_ID), new Secret(CLIENT_SECRET)),
                new ClientCredentialsGrant(),
                new Scope(SCOPE));
        TokenResponse response;
        try {
            response = TokenResponse.parse(request.toHTTPRequest().send());
        } catch (IOException ex) {
            throw new Failure("the token endpoint " + server.getTokenEndpointURI() + " is unreachable (" + ex + ")");
        } catch (com.nimbusds.oauth2.sdk.ParseException ex) {
            throw new Failure("the token endpoint's answer could not be read: " + ex.getMessage());
        }
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            throw new Failure(
                    "the token request was refused: " + error.getErrorObject().getCode() + " "
                            + error.getErrorObject().getDescription());
        }
        AccessToken token = ((AccessTokenResponse) response).getTokens().getAccessToken();
        out.println();
        out.println("Token response (client credentials, " + CLIENT_ID + "):");
        out.println("  access_token: " + abbreviated(token.getValue()));
        out.println("  token_type:   " + token.getType());
        out.println("  expires_in:   " + token.getLifetime());
        out.println("  scope:        " + token.getScope());
        printClaims(token.getValue());
        return token;
    }

    /** The access token's claims, decoded (not verified: the API verifies them). */
    private void printClaims(String token) {
        out.println();
        out.println("The access token's claims:");
        try {
            new TreeMap<>(JWTParser.parse(token).getJWTClaimsSet().toJSONObject())
                    .forEach((name, value) -> out.println("  " + name + ": " + readable(value)));
        } catch (ParseException ex) {
            out.println("  (not a JWT: a reference token, which only the server can read)");
        }
    }

    private void callApi(String apiUrl, AccessToken token) {
        URI identity = URI.create((apiUrl.endsWith("/") ? apiUrl : apiUrl + "/") + "identity");
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .build()
                    .send(
                            HttpRequest.newBuilder(identity)
                                    .timeout(TIMEOUT)
                                    .header("Authorization", "Bearer " + token.getValue())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new Failure("the API at " + apiUrl + " is unreachable (" + ex + "): is it running?"
                    + " (./run.sh starts it; --api-url=URL names another)");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        out.println();
        out.println("GET " + identity + ": HTTP " + response.statusCode());
        if (response.statusCode() != 200) {
            throw new Failure("the API refused the call: HTTP " + response.statusCode() + " "
                    + response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
        try {
            new TreeMap<>(JSONObjectUtils.parse(response.body()))
                    .forEach((name, value) -> out.println("  " + name + ": " + readable(value)));
        } catch (com.nimbusds.oauth2.sdk.ParseException ex) {
            out.println(response.body());
        }
    }

    /** A list as its items separated by commas; anything else as it is. */
    private static String readable(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    /** The first and last characters of a token: enough to tell tokens apart, too little to use one. */
    static String abbreviated(String token) {
        return token.length() <= 40
                ? token
                : token.substring(0, 20) + "..." + token.substring(token.length() - 10) + " (" + token.length()
                        + " characters)";
    }

    /** {@code --name=value}, else system property {@code samples.name}, else variable SAMPLES_NAME, else default. */
    private static String setting(String[] args, Map<String, String> environment, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        String property = System.getProperty("samples." + name);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = environment.get("SAMPLES_" + name.replace("-", "").toUpperCase(Locale.ROOT));
        return variable != null && !variable.isBlank() ? variable : fallback;
    }

    /** Why the client stopped: printed as one line. */
    private static final class Failure extends RuntimeException {

        Failure(String message) {
            super(message);
        }
    }
}
