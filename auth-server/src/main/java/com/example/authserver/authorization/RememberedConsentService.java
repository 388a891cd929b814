package com.example.authserver.authorization;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Stores a consent only when the user ticked "Remember my decision" on the consent page; otherwise
 * the consent applies to this one authorization request and the user is asked again next time.
 */
public class RememberedConsentService implements OAuth2AuthorizationConsentService {

    static final String REMEMBER_PARAMETER = "remember";

    /** Sent by the consent page's Deny button: with openid requested, an empty scope list alone would not deny. */
    static final String DENY_PARAMETER = "deny";

    private static final SimpleGrantedAuthority NOT_REMEMBERED = new SimpleGrantedAuthority("CONSENT_NOT_REMEMBERED");

    private final OAuth2AuthorizationConsentService delegate;

    private final RegisteredClientRepository clients;

    private final AuditTrail audit;

    RememberedConsentService(
            OAuth2AuthorizationConsentService delegate, RegisteredClientRepository clients, AuditTrail audit) {
        this.delegate = delegate;
        this.clients = clients;
        this.audit = audit;
    }

    /**
     * Applies the consent form's choices: Deny grants nothing (the client receives {@code access_denied}),
     * and a consent is marked one-off unless "Remember my decision" was ticked.
     */
    public static Consumer<OAuth2AuthorizationConsentAuthenticationContext> applyConsentChoices() {
        return context -> {
            Map<String, Object> parameters = context.<OAuth2AuthorizationConsentAuthenticationToken>getAuthentication()
                    .getAdditionalParameters();
            if ("true".equals(parameters.get(DENY_PARAMETER))) {
                context.getAuthorizationConsent().authorities(Collection::clear);
            } else if (!"true".equals(parameters.get(REMEMBER_PARAMETER))) {
                context.getAuthorizationConsent().authority(NOT_REMEMBERED);
            }
        };
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        boolean remembered = !consent.getAuthorities().contains(NOT_REMEMBERED);
        if (remembered) {
            delegate.save(consent);
        }
        RegisteredClient client = clients.findById(consent.getRegisteredClientId());
        audit.record(AuditEvent.of(AuditEventType.CONSENT_GIVEN)
                .user(consent.getPrincipalName(), null)
                .client(client == null ? consent.getRegisteredClientId() : client.getClientId())
                .detail(String.join(" ", new TreeSet<>(consent.getScopes())) + (remembered ? " (remembered)" : "")));
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        delegate.remove(consent);
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return delegate.findById(registeredClientId, principalName);
    }
}
