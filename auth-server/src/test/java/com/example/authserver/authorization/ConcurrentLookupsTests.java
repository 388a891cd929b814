package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/** More concurrent lookups than the connection pool has connections must not starve it (found by bench/). */
@ServerTest
class ConcurrentLookupsTests {

    @Autowired
    TestServer server;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Test
    void moreConcurrentLookupsThanPooledConnectionsAllSucceed() throws Exception {
        String token = server.m2mClient()
                .clientCredentials("scope1")
                .toSuccessResponse()
                .getTokens()
                .getAccessToken()
                .getValue();
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<Boolean>> lookups = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                lookups.add(
                        threads.submit(() -> authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN) != null));
            }
            for (Future<Boolean> lookup : lookups) {
                assertThat(lookup.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
