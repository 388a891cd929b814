package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.keys.DerivedKeys;
import com.example.authserver.support.ServerTest;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Token values never reach the database; every lookup goes through the SHA-256 of the value, by an index. */
@ServerTest
class TokensAreStoredHashedTests {

    private static final List<Class<? extends OAuth2Token>> TOKEN_CLASSES = List.of(
            OAuth2AuthorizationCode.class,
            OAuth2AccessToken.class,
            OidcIdToken.class,
            OAuth2RefreshToken.class,
            OAuth2UserCode.class,
            OAuth2DeviceCode.class);

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DerivedKeys keys;

    RegisteredClient client;

    @BeforeEach
    void setUp() {
        client = clients.findByClientId("interactive");
    }

    @Test
    void storedRowHoldsHashesButNoTokenValue() {
        OAuth2Authorization authorization = TestAuthorizations.withEveryToken(client, "user-1", Instant.now())
                .build();

        authorizations.save(authorization);

        List<String> row = storedRow(authorization.getId());
        TokenDigests digests = new TokenDigests(() -> keys.hmacKey(AuthorizationStores.DEVICE_CODES_KEY));
        for (TokenKind kind : TokenKind.values()) {
            String value = authorization.getToken(kind.tokenClass()).getToken().getTokenValue();
            assertThat(row).as("stored row").noneMatch(column -> column != null && column.contains(value));
            assertThat(row).contains(digests.hash(kind, value));
        }
    }

    @Test
    void theDeviceFlowCodesAreStoredAsAnHmacThatADumpCannotReverse() {
        OAuth2Authorization authorization = TestAuthorizations.withEveryToken(client, "user-5", Instant.now())
                .build();

        authorizations.save(authorization);

        List<String> row = storedRow(authorization.getId());
        for (Class<? extends OAuth2Token> code : List.of(OAuth2UserCode.class, OAuth2DeviceCode.class)) {
            String value = authorization.getToken(code).getToken().getTokenValue();
            assertThat(row)
                    .as("no plain SHA-256 of a %s", code.getSimpleName())
                    .doesNotContain(TokenHashes.hash(value));
        }
    }

    @Test
    void everyKindOfTokenFindsItsAuthorizationWithOrWithoutItsType() {
        OAuth2Authorization authorization = TestAuthorizations.withEveryToken(client, "user-2", Instant.now())
                .build();
        authorizations.save(authorization);

        assertFound(authorization, OAuth2AuthorizationCode.class, new OAuth2TokenType(OAuth2ParameterNames.CODE));
        assertFound(authorization, OAuth2AccessToken.class, OAuth2TokenType.ACCESS_TOKEN);
        assertFound(authorization, OidcIdToken.class, new OAuth2TokenType(OidcParameterNames.ID_TOKEN));
        assertFound(authorization, OAuth2RefreshToken.class, OAuth2TokenType.REFRESH_TOKEN);
        assertFound(authorization, OAuth2UserCode.class, new OAuth2TokenType(OAuth2ParameterNames.USER_CODE));
        assertFound(authorization, OAuth2DeviceCode.class, new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE));
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        OAuth2TokenType stateType = new OAuth2TokenType(OAuth2ParameterNames.STATE);
        assertThat(authorizations.findByToken(state, stateType).<String>getAttribute(OAuth2ParameterNames.STATE))
                .isEqualTo(state);
        assertThat(authorizations.findByToken(state, null).getId()).isEqualTo(authorization.getId());
    }

    private void assertFound(
            OAuth2Authorization authorization, Class<? extends OAuth2Token> tokenClass, OAuth2TokenType type) {
        String value = authorization.getToken(tokenClass).getToken().getTokenValue();
        for (OAuth2TokenType lookupType : new OAuth2TokenType[] {type, null}) {
            OAuth2Authorization found = authorizations.findByToken(value, lookupType);
            assertThat(found)
                    .as("%s by %s", tokenClass.getSimpleName(), lookupType)
                    .isNotNull();
            assertThat(found.getId()).isEqualTo(authorization.getId());
            assertThat(found.getToken(value))
                    .as("the token looked up by carries its value")
                    .isNotNull();
        }
    }

    @Test
    void aTokenOfAnotherKindOrUnknownIsNotFound() {
        OAuth2Authorization authorization = TestAuthorizations.withEveryToken(client, "user-3", Instant.now())
                .build();
        authorizations.save(authorization);
        String accessToken = authorization.getAccessToken().getToken().getTokenValue();

        assertThat(authorizations.findByToken(accessToken, OAuth2TokenType.REFRESH_TOKEN))
                .isNull();
        assertThat(authorizations.findByToken("no-such-token", null)).isNull();
        String hash = TokenHashes.hash(accessToken);
        assertThat(authorizations.findByToken(hash, null))
                .as("the hash is no token")
                .isNull();
        assertThat(authorizations.findByToken(TokenHashes.placeholder(hash), null))
                .as("nor its placeholder")
                .isNull();
    }

    @Test
    void loadedTokensCarryPlaceholdersAndSavingThemKeepsTheStoredHashes() {
        OAuth2Authorization authorization = TestAuthorizations.withEveryToken(client, "user-4", Instant.now())
                .build();
        authorizations.save(authorization);
        List<String> stored = storedRow(authorization.getId());

        OAuth2Authorization loaded = authorizations.findById(authorization.getId());
        for (Class<? extends OAuth2Token> tokenClass : TOKEN_CLASSES) {
            String value = loaded.getToken(tokenClass).getToken().getTokenValue();
            assertThat(TokenHashes.isPlaceholder(value))
                    .as(tokenClass.getSimpleName())
                    .isTrue();
        }
        authorizations.save(OAuth2Authorization.from(loaded).build());

        assertThat(storedRow(authorization.getId())).isEqualTo(stored);
        for (String value : values(authorization)) {
            assertThat(authorizations.findByToken(value, null)).isNotNull();
        }
    }

    @Test
    void everyLookupAndThePurgeUseAnIndex() {
        List<String> queries = new ArrayList<>();
        for (TokenKind kind : TokenKind.values()) {
            queries.add("select * from oauth2_authorization where " + kind.hashColumn() + " = ? order by "
                    + kind.issuedAtColumn() + " desc");
        }
        queries.add("select * from oauth2_authorization where state_hash = ?");
        queries.add("select * from oauth2_authorization where id = ?");
        queries.add("select authorization_id from oauth2_rotated_refresh_token where token_hash = ?");
        queries.add("select registered_client_id from oauth2_authorization where principal_name = ?");

        for (String query : queries) {
            QueryPlans.assertUsesAnIndex(jdbc, query, TokenHashes.hash("any"));
        }
        Timestamp now = Timestamp.from(Instant.now());
        QueryPlans.assertUsesAnIndex(
                jdbc, "select id from oauth2_authorization where expires_at < ?" + " order by expires_at", now);
        QueryPlans.assertUsesAnIndex(
                jdbc,
                "select token_hash from oauth2_rotated_refresh_token where expires_at < ?" + " order by expires_at",
                now);
    }

    private static List<String> values(OAuth2Authorization authorization) {
        List<String> values = new ArrayList<>();
        TOKEN_CLASSES.forEach(
                type -> values.add(authorization.getToken(type).getToken().getTokenValue()));
        values.add(authorization.getAttribute(OAuth2ParameterNames.STATE));
        return values;
    }

    /** Every column of the authorization's row, as text. */
    private List<String> storedRow(String id) {
        return jdbc.query(
                "select * from oauth2_authorization where id = ?",
                rows -> {
                    List<String> columns = new ArrayList<>();
                    rows.next();
                    ResultSetMetaData metadata = rows.getMetaData();
                    for (int column = 1; column <= metadata.getColumnCount(); column++) {
                        if (!"version".equalsIgnoreCase(metadata.getColumnLabel(column))) { // counts saves, by design
                            columns.add(rows.getString(column));
                        }
                    }
                    return columns;
                },
                id);
    }
}
