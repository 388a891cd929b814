package com.example.authserver.security;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;

/**
 * Records a client's revocation of a token (RFC 7009) in the audit trail, with the user the token was issued for.
 * Wraps the framework's revocation provider; a token that is unknown or not the caller's is answered as before (200,
 * nothing revoked) and leaves no event.
 */
final class RevocationAudit implements AuthenticationProvider {

    private final AuthenticationProvider revocation;

    private final OAuth2AuthorizationService authorizations;

    private final AuditTrail audit;

    RevocationAudit(AuthenticationProvider revocation, OAuth2AuthorizationService authorizations, AuditTrail audit) {
        this.revocation = revocation;
        this.authorizations = authorizations;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = revocation.authenticate(authentication);
        if (result instanceof OAuth2TokenRevocationAuthenticationToken revoked
                && revoked.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller
                && caller.getRegisteredClient() != null) {
            OAuth2Authorization authorization = authorizations.findByToken(revoked.getToken(), null);
            if (authorization != null
                    && authorization
                            .getRegisteredClientId()
                            .equals(caller.getRegisteredClient().getId())) {
                String principal = authorization.getPrincipalName();
                String clientId = caller.getRegisteredClient().getClientId();
                audit.record(AuditEvent.of(AuditEventType.TOKENS_REVOKED)
                        .user(principal.equals(clientId) ? null : principal, null)
                        .actor(clientId)
                        .client(clientId)
                        .detail(authorization.getAuthorizationGrantType().getValue()));
            }
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return revocation.supports(authentication);
    }
}
