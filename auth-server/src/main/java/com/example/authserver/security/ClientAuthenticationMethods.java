package com.example.authserver.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * What discovery says of client authentication, trimmed to what works here. The framework lists every method it has
 * code for, but {@code client_secret_jwt} needs the secret in plain text (it is stored hashed) and the TLS methods,
 * like certificate-bound tokens, need a TLS server asking for client certificates, which this server is not.
 * {@code none} is what public clients use at the token endpoint (PKCE, device flow, DPoP-bound refresh).
 */
@Component
class ClientAuthenticationMethods implements ProtocolContribution {

    private static final List<String> WITH_CREDENTIALS = List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue(),
            ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue());

    @Override
    public void advertise(Map<String, Object> metadata) {
        List<String> tokenEndpoint = new ArrayList<>(WITH_CREDENTIALS);
        tokenEndpoint.add(ClientAuthenticationMethod.NONE.getValue());
        metadata.put("token_endpoint_auth_methods_supported", tokenEndpoint);
        metadata.put("revocation_endpoint_auth_methods_supported", WITH_CREDENTIALS);
        metadata.put("introspection_endpoint_auth_methods_supported", WITH_CREDENTIALS);
        metadata.remove("tls_client_certificate_bound_access_tokens");
    }
}
