package com.example.authserver.logout;

import com.example.authserver.security.ApplicationChainContribution;
import com.example.authserver.security.ProtocolContribution;
import com.example.authserver.sessions.SessionEnded;
import com.example.authserver.sessions.SessionSid;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * OpenID Connect Front-Channel Logout 1.0: when the user signs out in this browser (the sign-out page, or a client's
 * RP-initiated logout), the session's clients that registered a {@code frontchannel_logout_uri} are told by the
 * browser itself: the signed-out page ({@link FrontChannelLogoutPage}) loads each URI, with {@code iss} and
 * {@code sid}, in a hidden frame, then goes on where the server would have redirected. Only the session that ends in
 * this very request counts, so a session ended from elsewhere (the sessions page, a password change) frames nothing.
 */
@Component
class FrontChannelLogout implements ProtocolContribution, ApplicationChainContribution {

    /** The request attribute holding the {@link Frames} of the session that ended in this request. */
    static final String FRAMES_ATTRIBUTE = FrontChannelLogout.class.getName() + ".FRAMES";

    private final RegisteredClientRepository clients;

    private final ThymeleafViewResolver views;

    FrontChannelLogout(RegisteredClientRepository clients, ThymeleafViewResolver views) {
        this.clients = clients;
        this.views = views;
    }

    /** The pages to frame (URIs with {@code iss} and {@code sid}) and their origins, for the policy header. */
    record Frames(List<String> uris, List<String> origins) {}

    @EventListener
    void sessionEnded(SessionEnded ended) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || !ended.sid().equals(SessionSid.ofCurrentRequest().orElse(null))) {
            return;
        }
        List<String> uris = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (String registeredClientId : ended.registeredClientIds()) {
            RegisteredClient client = clients.findById(registeredClientId);
            URI uri = client == null
                    ? null
                    : absoluteHttp(client.getClientSettings().getSetting(LogoutClientSettings.FRONT_CHANNEL_URI));
            if (uri != null) {
                uris.add(withSession(uri, ended.issuer(), ended.sid()));
                String origin = origin(uri);
                if (!origins.contains(origin)) {
                    origins.add(origin);
                }
            }
        }
        if (!uris.isEmpty()) {
            request.setAttribute(FRAMES_ATTRIBUTE, new Frames(uris, origins), RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The setting as an absolute http(s) URI with a host and no fragment (as the specification asks); else null. */
    static URI absoluteHttp(Object setting) {
        if (!(setting instanceof String value)) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("https") || scheme.equals("http");
            return http && uri.getHost() != null && uri.getRawFragment() == null && uri.getRawUserInfo() == null
                    ? uri
                    : null;
        } catch (URISyntaxException ex) {
            return null;
        }
    }

    /** Section 2 of the specification: {@code iss} and {@code sid} added to the URI's query, which it may have. */
    static String withSession(URI uri, String issuer, String sid) {
        String parameters = "iss=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8) + "&sid="
                + URLEncoder.encode(sid, StandardCharsets.UTF_8);
        String plain = uri.toString();
        return plain + (uri.getRawQuery() == null ? "?" : "&") + parameters;
    }

    /** The origin as a policy source: scheme, host and the port if given (the URI's host is a valid host name). */
    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** The application chain: the sign-out page's POST to {@code /logout}. */
    @Override
    public void configure(HttpSecurity http) {
        http.addFilterAfter(new FrontChannelLogoutPage("/logout", views), CsrfFilter.class);
    }

    /** The protocol chain: RP-initiated logout. */
    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        http.addFilterAfter(new FrontChannelLogoutPage("/connect/logout", views), CsrfFilter.class);
    }

    @Override
    public void advertise(Map<String, Object> metadata) {
        metadata.put("frontchannel_logout_supported", true);
        metadata.put("frontchannel_logout_session_supported", true);
    }
}
