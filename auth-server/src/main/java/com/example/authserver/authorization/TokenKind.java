package com.example.authserver.authorization;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The kinds of token an authorization holds, each in four columns of {@code oauth2_authorization}:
 * {@code <kind>_hash}, {@code <kind>_issued_at}, {@code <kind>_expires_at} and {@code <kind>_metadata}.
 * Listed in the order a lookup without a token type tries them (most frequent first).
 */
enum TokenKind {
    ACCESS_TOKEN("access_token", OAuth2AccessToken.class, OAuth2TokenType.ACCESS_TOKEN.getValue()),
    REFRESH_TOKEN("refresh_token", OAuth2RefreshToken.class, OAuth2TokenType.REFRESH_TOKEN.getValue()),
    AUTHORIZATION_CODE("authorization_code", OAuth2AuthorizationCode.class, OAuth2ParameterNames.CODE),
    OIDC_ID_TOKEN("oidc_id_token", OidcIdToken.class, OidcParameterNames.ID_TOKEN),
    DEVICE_CODE("device_code", OAuth2DeviceCode.class, OAuth2ParameterNames.DEVICE_CODE),
    USER_CODE("user_code", OAuth2UserCode.class, OAuth2ParameterNames.USER_CODE);

    private final String prefix;

    private final Class<? extends OAuth2Token> tokenClass;

    private final String tokenType;

    TokenKind(String prefix, Class<? extends OAuth2Token> tokenClass, String tokenType) {
        this.prefix = prefix;
        this.tokenClass = tokenClass;
        this.tokenType = tokenType;
    }

    /** Whether the value is short enough to be guessed from its plain hash: then the store keeps an HMAC. */
    boolean isKeyed() {
        return this == USER_CODE || this == DEVICE_CODE;
    }

    Class<? extends OAuth2Token> tokenClass() {
        return tokenClass;
    }

    String hashColumn() {
        return prefix + "_hash";
    }

    String issuedAtColumn() {
        return prefix + "_issued_at";
    }

    String expiresAtColumn() {
        return prefix + "_expires_at";
    }

    String metadataColumn() {
        return prefix + "_metadata";
    }

    /** The kind the framework means by a token type, or null for a type this store does not know. */
    static TokenKind of(OAuth2TokenType type) {
        for (TokenKind kind : values()) {
            if (kind.tokenType.equals(type.getValue())) {
                return kind;
            }
        }
        return null;
    }
}
