package com.example.authserver.ciba;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** Reads a token request with {@code grant_type=urn:openid:params:grant-type:ciba} and its {@code auth_req_id}. */
class CibaGrantConverter implements AuthenticationConverter {

    static final String AUTH_REQ_ID = "auth_req_id";

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!CibaProtocol.GRANT_TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null;
        }
        String[] authReqIds = request.getParameterValues(AUTH_REQ_ID);
        if (authReqIds == null || authReqIds.length != 1 || authReqIds[0].isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "Parameter auth_req_id is required, once.", null));
        }
        Map<String, Object> additional = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(OAuth2ParameterNames.GRANT_TYPE)
                    && !name.equals(AUTH_REQ_ID)
                    && !name.equals(OAuth2ParameterNames.CLIENT_ID)
                    && !name.equals(OAuth2ParameterNames.CLIENT_SECRET)) {
                additional.put(name, values.length == 1 ? values[0] : values);
            }
        });
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        return new CibaGrantToken(authReqIds[0], client, additional);
    }
}
