package com.example.authserver.metadatadocuments;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The {@code client_id} values fetched as documents (the draft's "client identifier URL"): https, a host, a path
 * without {@code .} or {@code ..} segments, no user info, no fragment, and (stricter than the draft's "should not")
 * no query. At most {@value #MAX_LENGTH} characters: the length of the clients table's {@code client_id} column.
 * In development, {@code http} too for the loopback hosts.
 */
final class ClientIdUrl {

    static final int MAX_LENGTH = 100;

    static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private ClientIdUrl() {}

    /** Whether the server looks for a document at all: what other client ids never are. */
    static boolean looksLikeOne(String clientId) {
        return clientId != null && (clientId.startsWith("https://") || clientId.startsWith("http://"));
    }

    /** The URL to fetch, or null when {@code clientId} is not one this server fetches. */
    static URI parse(String clientId, boolean loopbackHttp) {
        if (!looksLikeOne(clientId) || clientId.length() > MAX_LENGTH || clientId.indexOf('#') >= 0) {
            return null;
        }
        URI url;
        try {
            url = new URI(clientId);
        } catch (URISyntaxException ex) {
            return null;
        }
        String host = url.getHost();
        if (host == null
                || url.getRawUserInfo() != null
                || url.getRawQuery() != null
                || url.getRawFragment() != null
                || url.getRawPath() == null
                || !url.getRawPath().startsWith("/")) {
            return null;
        }
        for (String segment : url.getRawPath().split("/", -1)) {
            String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (decoded.equals(".") || decoded.equals("..")) {
                return null;
            }
        }
        boolean https = "https".equals(url.getScheme());
        boolean loopback = "http".equals(url.getScheme()) && loopbackHttp && LOOPBACK_HOSTS.contains(host);
        return https || loopback ? url : null;
    }
}
