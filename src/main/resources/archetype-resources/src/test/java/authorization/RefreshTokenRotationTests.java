package ${package}.authorization;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import ${package}.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Refresh tokens rotate; presenting a rotated one again revokes the grant; clients must not reuse them. */
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

        assertThat(jdbc.queryForObject("select authorization_id from oauth2_rotated_refresh_token where token_hash = ?",
                String.class, TokenHashes.hash(oldToken))).isEqualTo(first.getId());
        assertThat(authorizations.findByToken(rotated.getRefreshToken().getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
    }

    @Test
    void presentingARotatedRefreshTokenRemovesTheWholeGrant() {
        OAuth2Authorization first = saved();
        OAuth2Authorization rotated = rotate(first);

        assertThat(authorizations.findByToken(first.getRefreshToken().getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN)).isNull();

        assertThat(authorizations.findById(first.getId())).isNull();
        assertThat(authorizations.findByToken(rotated.getRefreshToken().getToken().getTokenValue(), null)).isNull();
        assertThat(authorizations.findByToken(rotated.getAccessToken().getToken().getTokenValue(), null)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from oauth2_rotated_refresh_token where authorization_id = ?",
                Integer.class, first.getId())).isZero();
    }

    @Test
    void aRotatedRefreshTokenPresentedWithoutATokenTypeAlsoRemovesTheGrant() {
        OAuth2Authorization first = saved();
        rotate(first);

        assertThat(authorizations.findByToken(first.getRefreshToken().getToken().getTokenValue(), null)).isNull();

        assertThat(authorizations.findById(first.getId())).isNull();
    }

    @Test
    void revokingARefreshTokenIsNoRotation() {
        OAuth2Authorization first = saved();
        OAuth2Authorization loaded = authorizations.findById(first.getId());

        authorizations.save(OAuth2Authorization.from(loaded).invalidate(loaded.getRefreshToken().getToken()).build());

        assertThat(jdbc.queryForObject("select count(*) from oauth2_rotated_refresh_token where authorization_id = ?",
                Integer.class, first.getId())).isZero();
        assertThat(authorizations.findByToken(first.getRefreshToken().getToken().getTokenValue(), null)
                .getRefreshToken().isInvalidated()).isTrue();
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
        OAuth2Authorization authorization = TestAuthorizations.pending(reusing, "user-5").build();

        assertThatIllegalStateException().isThrownBy(() -> authorizations.save(authorization))
                .withMessageContaining(reusing.getClientId()).withMessageContaining("reuseRefreshTokens");
        assertThat(authorizations.findById(authorization.getId())).isNull();
    }

    private OAuth2Authorization saved() {
        RegisteredClient client = clients.findByClientId("interactive");
        OAuth2Authorization authorization = TestAuthorizations.withEveryToken(client, "user-6", Instant.now()).build();
        authorizations.save(authorization);
        return authorization;
    }

    /** What the token endpoint does on a refresh: a new access token and a new refresh token. */
    private OAuth2Authorization rotate(OAuth2Authorization authorization) {
        String refreshToken = authorization.getRefreshToken().getToken().getTokenValue();
        OAuth2Authorization loaded = authorizations.findByToken(refreshToken, OAuth2TokenType.REFRESH_TOKEN);
        Instant now = Instant.now();
        OAuth2Authorization rotated = OAuth2Authorization.from(loaded)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                        TestAuthorizations.unique("access-token"), now, now.plus(Duration.ofMinutes(15))))
                .refreshToken(new OAuth2RefreshToken(TestAuthorizations.unique("refresh-token"), now,
                        now.plus(Duration.ofDays(30))))
                .build();
        authorizations.save(rotated);
        return rotated;
    }
}
