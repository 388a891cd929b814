package com.example.authserver.ciba;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A token request with the CIBA grant: the {@code auth_req_id} the client polls with. */
class CibaGrantToken extends OAuth2AuthorizationGrantAuthenticationToken {

    private final String authReqId;

    CibaGrantToken(String authReqId, Authentication clientPrincipal, Map<String, Object> additionalParameters) {
        super(CibaProtocol.GRANT_TYPE, clientPrincipal, additionalParameters);
        this.authReqId = authReqId;
    }

    String getAuthReqId() {
        return authReqId;
    }
}
