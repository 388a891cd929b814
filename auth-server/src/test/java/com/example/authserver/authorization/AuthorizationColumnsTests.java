package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * What a saved authorization's row holds, without a database: the SHA-256 of each token and of the state, never a
 * value, and the time from which the clean-up job may delete the row. TokensAreStoredHashedTests checks the stored
 * rows of the real table.
 */
class AuthorizationColumnsTests {

    static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

    static final RegisteredClient CLIENT = RegisteredClient.withId("client-row-id")
            .clientId("web")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("https://client.example/callback")
            .build();

    final AuthorizationColumns columns =
            new AuthorizationColumns(new AuthorizationJson(), PENDING_LIFETIME, TestAuthorizations.DIGESTS);

    @Test
    void everyTokenIsStoredAsTheSha256OfItsValueAndTheDeviceFlowCodesAsAnHmac() {
        OAuth2Authorization authorization =
                TestAuthorizations.withEveryToken(CLIENT, "user-1", NOW).build();

        List<SqlParameterValue> values = columns.values(authorization, NOW);

        for (TokenKind kind : TokenKind.values()) {
            OAuth2Token token = authorization.getToken(kind.tokenClass()).getToken();
            String expected = kind.isKeyed()
                    ? TestAuthorizations.DIGESTS.hash(kind, token.getTokenValue())
                    : TokenHashes.hash(token.getTokenValue());
            assertThat(value(values, kind.hashColumn())).as(kind.hashColumn()).isEqualTo(expected);
            if (kind.isKeyed()) {
                assertThat(expected)
                        .as("a keyed digest is no plain hash")
                        .isNotEqualTo(TokenHashes.hash(token.getTokenValue()));
            }
        }
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        assertThat(value(values, "state_hash")).isEqualTo(TokenHashes.hash(state));
    }

    @Test
    void noColumnHoldsATokenValueOrTheState() {
        OAuth2Authorization authorization =
                TestAuthorizations.withEveryToken(CLIENT, "user-1", NOW).build();
        List<String> secrets = new ArrayList<>();
        secrets.add(authorization.getAttribute(OAuth2ParameterNames.STATE));
        for (TokenKind kind : TokenKind.values()) {
            secrets.add(authorization.getToken(kind.tokenClass()).getToken().getTokenValue());
        }

        List<SqlParameterValue> values = columns.values(authorization, NOW);

        assertThat(values).hasSameSizeAs(AuthorizationColumns.NAMES);
        for (SqlParameterValue value : values) {
            if (value.getValue() instanceof String text) {
                for (String secret : secrets) {
                    assertThat(text).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void aTokenLoadedWithoutItsValueKeepsItsStoredHash() {
        String storedHash = TokenHashes.hash("refresh-token-issued-earlier");
        OAuth2Authorization loaded = TestAuthorizations.pending(CLIENT, "user-1")
                .refreshToken(
                        new OAuth2RefreshToken(TokenHashes.placeholder(storedHash), NOW, NOW.plus(Duration.ofDays(30))))
                .build();

        assertThat(value(columns.values(loaded, NOW), "refresh_token_hash")).isEqualTo(storedHash);
    }

    @Test
    void theRowMayGoWhenItsLastValidTokenExpires() {
        OAuth2Authorization authorization =
                TestAuthorizations.withEveryToken(CLIENT, "user-1", NOW).build();

        assertThat(value(columns.values(authorization, NOW), "expires_at"))
                .as("the refresh token's expiry, the latest")
                .isEqualTo(Timestamp.from(NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void aRequestWaitingForConsentIsKeptForThePendingLifetime() {
        OAuth2Authorization pending =
                TestAuthorizations.pending(CLIENT, "user-1").build();

        assertThat(value(columns.values(pending, NOW), "expires_at"))
                .isEqualTo(Timestamp.from(NOW.plus(PENDING_LIFETIME)));
    }

    @Test
    void aRowWhoseTokensWereAllUsedOrRevokedMayGoAtOnce() {
        OAuth2AuthorizationCode code = new OAuth2AuthorizationCode("used-code", NOW, NOW.plus(Duration.ofMinutes(5)));
        OAuth2Authorization used = TestAuthorizations.pending(CLIENT, "user-1")
                .token(code)
                .invalidate(code)
                .build();

        assertThat(value(columns.values(used, NOW), "expires_at")).isEqualTo(Timestamp.from(NOW));
        assertThat(value(columns.values(used, NOW), "authorization_code_hash"))
                .as("still stored, so the used code is recognised")
                .isEqualTo(TokenHashes.hash("used-code"));
    }

    private static Object value(List<SqlParameterValue> values, String column) {
        return values.get(AuthorizationColumns.NAMES.indexOf(column)).getValue();
    }
}
