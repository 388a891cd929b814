package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Refresh tokens rotate and clients must not reuse them; a save is conditional on what was read, so a stale copy
 * never issues tokens and a removed grant is never written back.
 */
@ServerTest
class RefreshTokenRotationTests {

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void savingANewRefreshTokenRemembersTheOldOneByItsHash() {
        OAuth2Authorization first = saved();
        String oldToken = first.getRefreshToken().getToken().getTokenValue();

        OAuth2Authorization rotated = rotate(first);

        assertThat(jdbc.queryForObject(
                        "select authorization_id from oauth2_rotated_refresh_token where token_hash = ?",
                        String.class,
                        TokenHashes.hash(oldToken)))
                .isEqualTo(first.getId());
        assertThat(authorizations.findByToken(
                        rotated.getRefreshToken().getToken().getTokenValue(), OAuth2TokenType.REFRESH_TOKEN))
                .isNotNull();
    }

    @Test
    void lookingUpARotatedRefreshTokenFindsNothingAndChangesNothing() {
        OAuth2Authorization first = saved();
        OAuth2Authorization rotated = rotate(first);
        String oldToken = first.getRefreshToken().getToken().getTokenValue();

        assertThat(authorizations.findByToken(oldToken, OAuth2TokenType.REFRESH_TOKEN))
                .isNull();
        assertThat(authorizations.findByToken(oldToken, null)).isNull();

        // only the token endpoint's refresh grant revokes on replay (RefreshTokenReplay): a lookup, by introspection
        // for instance, must not let anyone end a grant
        assertThat(authorizations.findById(first.getId())).isNotNull();
        assertThat(authorizations.findByToken(
                        rotated.getRefreshToken().getToken().getTokenValue(), null))
                .isNotNull();
    }

    @Test
    void aStaleCopyThatWouldIssueTokensIsRefusedAndChangesNothing() {
        OAuth2Authorization first = saved();
        OAuth2Authorization readByTwo = authorizations.findById(first.getId());
        OAuth2Authorization winner = rotate(first);

        assertThatThrownBy(() -> authorizations.save(withNewTokens(readByTwo)))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(ex -> assertThat(
                                ((OAuth2AuthenticationException) ex).getError().getErrorCode())
                        .isEqualTo("invalid_grant"));
        assertThat(authorizations.findByToken(
                        winner.getRefreshToken().getToken().getTokenValue(), OAuth2TokenType.REFRESH_TOKEN))
                .as("the winner's refresh token")
                .isNotNull();
    }

    @Test
    void aGrantRemovedSinceItWasReadIsNotWrittenBack() {
        OAuth2Authorization first = saved();
        OAuth2Authorization read = authorizations.findById(first.getId());
        authorizations.remove(read);

        assertThatThrownBy(() -> authorizations.save(withNewTokens(read)))
                .isInstanceOf(OAuth2AuthenticationException.class);
        authorizations.save(OAuth2Authorization.from(read)
                .invalidate(read.getRefreshToken().getToken())
                .build());

        assertThat(authorizations.findById(first.getId()))
                .as("neither a refresh nor a revocation brings it back")
                .isNull();
    }

    @Test
    void aRevocationThatLostARaceEndsTheWholeGrant() {
        OAuth2Authorization first = saved();
        OAuth2Authorization readByRevocation = authorizations.findById(first.getId());
        rotate(first);

        authorizations.save(OAuth2Authorization.from(readByRevocation)
                .invalidate(readByRevocation.getAccessToken().getToken())
                .build());

        assertThat(authorizations.findById(first.getId())).isNull();
    }

    @Test
    void revokingARefreshTokenIsNoRotation() {
        OAuth2Authorization first = saved();
        OAuth2Authorization loaded = authorizations.findById(first.getId());

        authorizations.save(OAuth2Authorization.from(loaded)
                .invalidate(loaded.getRefreshToken().getToken())
                .build());

        assertThat(jdbc.queryForObject(
                        "select count(*) from oauth2_rotated_refresh_token where authorization_id = ?",
                        Integer.class,
                        first.getId()))
                .isZero();
        assertThat(authorizations
                        .findByToken(first.getRefreshToken().getToken().getTokenValue(), null)
                        .getRefreshToken()
                        .isInvalidated())
                .isTrue();
    }

    @Test
    void aClientThatReusesRefreshTokensIsRefusedByName() {
        RegisteredClient reusing = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(TestAuthorizations.unique("reusing-client"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("http://127.0.0.1:8080/callback")
                .scope("openid")
                .tokenSettings(TokenSettings.builder().reuseRefreshTokens(true).build())
                .build();
        clients.save(reusing);
        OAuth2Authorization authorization =
                TestAuthorizations.pending(reusing, "user-5").build();

        assertThatIllegalStateException()
                .isThrownBy(() -> authorizations.save(authorization))
                .withMessageContaining(reusing.getClientId())
                .withMessageContaining("reuseRefreshTokens");
        assertThat(authorizations.findById(authorization.getId())).isNull();
    }

    private OAuth2Authorization saved() {
        RegisteredClient client = clients.findByClientId("interactive");
        OAuth2Authorization authorization = TestAuthorizations.withEveryToken(client, "user-6", Instant.now())
                .build();
        authorizations.save(authorization);
        return authorization;
    }

    /** What the token endpoint does on a refresh: a new access token and a new refresh token. */
    private OAuth2Authorization rotate(OAuth2Authorization authorization) {
        String refreshToken = authorization.getRefreshToken().getToken().getTokenValue();
        OAuth2Authorization rotated =
                withNewTokens(authorizations.findByToken(refreshToken, OAuth2TokenType.REFRESH_TOKEN));
        authorizations.save(rotated);
        return rotated;
    }

    private static OAuth2Authorization withNewTokens(OAuth2Authorization loaded) {
        Instant now = Instant.now();
        return OAuth2Authorization.from(loaded)
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        TestAuthorizations.unique("access-token"),
                        now,
                        now.plus(Duration.ofMinutes(15))))
                .refreshToken(new OAuth2RefreshToken(
                        TestAuthorizations.unique("refresh-token"), now, now.plus(Duration.ofDays(30))))
                .build();
    }
}
