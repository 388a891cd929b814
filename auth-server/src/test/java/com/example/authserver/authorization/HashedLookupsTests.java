package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link HashedAuthorizationService} without a database: what it sends to it (hashes, never token values) when it
 * looks tokens up and saves them, and what it makes of a row it gets back. TokensAreStoredHashedTests checks the same
 * against the real table.
 */
class HashedLookupsTests {

    static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    static final RegisteredClient CLIENT = RegisteredClient.withId("client-row-id")
            .clientId("web")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .redirectUri("https://client.example/callback")
            .tokenSettings(TokenSettings.builder().reuseRefreshTokens(false).build())
            .build();

    final RecordingJdbc jdbc = new RecordingJdbc();

    final RegisteredClientRepository clients = mock(RegisteredClientRepository.class);

    final JwtDecoder ownTokens = mock(JwtDecoder.class);

    HashedAuthorizationService service;

    @BeforeEach
    void setUp() {
        when(clients.findById(CLIENT.getId())).thenReturn(CLIENT);
        when(ownTokens.decode(anyString())).thenThrow(new BadJwtException("not one of ours"));
        AuthorizationJson json = new AuthorizationJson();
        service = new HashedAuthorizationService(
                jdbc,
                TransactionOperations.withoutTransaction(),
                clients,
                json,
                new AuthorizationColumns(json, Duration.ofMinutes(10), TestAuthorizations.DIGESTS),
                new RotatedRefreshTokens(jdbc),
                new SelfContainedClientTokens(ownTokens, clients),
                TestAuthorizations.DIGESTS,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aTokenOfAKnownTypeIsLookedUpByItsHashInItsOwnColumn() {
        assertThat(service.findByToken("refresh-value", OAuth2TokenType.REFRESH_TOKEN))
                .isNull();

        assertThat(jdbc.queries).hasSize(1);
        assertThat(jdbc.queries.get(0).sql()).contains("where refresh_token_hash = ?");
        assertThat(jdbc.queries.get(0).args()).containsExactly(TokenHashes.hash("refresh-value"));
    }

    @Test
    void aTokenOfUnknownTypeIsLookedUpByItsHashInEveryColumnThenAsAState() {
        service.findByToken("some-value", null);

        assertThat(jdbc.queries)
                .extracting(Query::sql)
                .allSatisfy(sql -> assertThat(sql).doesNotContain("some-value"));
        assertThat(jdbc.queries)
                .extracting(query -> query.sql().replaceAll(".* where (\\w+) = \\?.*", "$1"))
                .containsExactly(
                        "access_token_hash",
                        "refresh_token_hash",
                        "authorization_code_hash",
                        "oidc_id_token_hash",
                        "device_code_hash",
                        "user_code_hash",
                        "state_hash");
        assertThat(jdbc.queries)
                .extracting(query -> query.args().get(0))
                .containsExactly(
                        TokenHashes.hash("some-value"),
                        TokenHashes.hash("some-value"),
                        TokenHashes.hash("some-value"),
                        TokenHashes.hash("some-value"),
                        TestAuthorizations.DIGESTS.hash(TokenKind.DEVICE_CODE, "some-value"),
                        TestAuthorizations.DIGESTS.hash(TokenKind.USER_CODE, "some-value"),
                        TokenHashes.hash("some-value"));
    }

    @Test
    void aJwtIsLookedUpOnlyAsAnAccessToken() {
        service.findByToken("header.payload.signature", null);

        assertThat(jdbc.queries).singleElement().satisfies(query -> {
            assertThat(query.sql()).contains("where access_token_hash = ?");
            assertThat(query.args()).containsExactly(TokenHashes.hash("header.payload.signature"));
        });
    }

    @Test
    void theFoundAuthorizationHasThePresentedValueAndPlaceholdersForTheOtherTokens() throws SQLException {
        jdbc.answer = row(Map.of(
                "refresh_token_hash", TokenHashes.hash("refresh-value"),
                "access_token_hash", TokenHashes.hash("access-value")));

        OAuth2Authorization found = service.findByToken("refresh-value", OAuth2TokenType.REFRESH_TOKEN);

        assertThat(found.getRefreshToken().getToken().getTokenValue()).isEqualTo("refresh-value");
        assertThat(found.getAccessToken().getToken().getTokenValue())
                .isEqualTo(TokenHashes.placeholder(TokenHashes.hash("access-value")));
        assertThat(found.getPrincipalName()).isEqualTo("user-1");
    }

    @Test
    void savingANewAuthorizationSendsHashesButNoTokenValue() {
        OAuth2Authorization authorization =
                TestAuthorizations.withEveryToken(CLIENT, "user-1", NOW).build();

        service.save(authorization);

        assertThat(jdbc.updates).singleElement().satisfies(update -> {
            assertThat(update.sql()).startsWith("insert into oauth2_authorization");
            assertThat(update.args())
                    .contains(TokenHashes.hash(
                            authorization.getAccessToken().getToken().getTokenValue()))
                    .contains(TokenHashes.hash(
                            authorization.getRefreshToken().getToken().getTokenValue()))
                    .doesNotContain(
                            authorization.getAccessToken().getToken().getTokenValue(),
                            authorization.getRefreshToken().getToken().getTokenValue());
        });
    }

    @Test
    void aClientThatWouldNeedItsRefreshTokenSentBackIsRefusedByName() {
        RegisteredClient reusing = RegisteredClient.from(CLIENT)
                .id("reusing-row-id")
                .clientId("reusing")
                .tokenSettings(TokenSettings.builder().reuseRefreshTokens(true).build())
                .build();
        when(clients.findById("reusing-row-id")).thenReturn(reusing);

        assertThatThrownBy(() -> service.save(
                        TestAuthorizations.pending(reusing, "user-1").build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'reusing'")
                .hasMessageContaining("reuseRefreshTokens(false)");
        assertThat(jdbc.updates).isEmpty();
    }

    /** A stored row of {@link #CLIENT} for user-1 with the given columns; every other column empty. */
    private static ResultSet row(Map<String, String> columns) throws SQLException {
        Map<String, String> strings = new HashMap<>(columns);
        strings.put("id", "authorization-1");
        strings.put("registered_client_id", CLIENT.getId());
        strings.put("principal_name", "user-1");
        strings.put("authorization_grant_type", AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
        strings.put("authorized_scopes", "openid");
        ResultSet row = mock(ResultSet.class);
        when(row.next()).thenReturn(true, false);
        when(row.getString(anyString())).thenAnswer(call -> strings.get(call.<String>getArgument(0)));
        when(row.getTimestamp(anyString())).thenAnswer(call -> {
            String column = call.getArgument(0);
            return column.endsWith("_issued_at")
                    ? Timestamp.from(NOW)
                    : column.endsWith("_expires_at") ? Timestamp.from(NOW.plus(Duration.ofHours(1))) : null;
        });
        when(row.getLong("version")).thenReturn(1L);
        return row;
    }

    record Query(String sql, List<Object> args) {}

    /** Records the statements, answers queries with {@link #answer} (no row unless set), and changes nothing. */
    static final class RecordingJdbc extends JdbcTemplate {

        final List<Query> queries = new ArrayList<>();

        final List<Query> updates = new ArrayList<>();

        ResultSet answer;

        @Override
        public <T> T query(String sql, ResultSetExtractor<T> extractor, Object... args) {
            queries.add(new Query(sql, Arrays.asList(args)));
            try {
                if (answer != null) {
                    return extractor.extractData(answer);
                }
                ResultSet empty = mock(ResultSet.class);
                return extractor.extractData(empty);
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public int update(String sql, Object... args) {
            updates.add(new Query(
                    sql,
                    Stream.of(args)
                            .map(arg -> arg instanceof SqlParameterValue value ? value.getValue() : arg)
                            .toList()));
            return 1;
        }
    }
}
