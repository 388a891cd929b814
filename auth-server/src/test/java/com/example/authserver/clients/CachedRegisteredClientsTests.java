package com.example.authserver.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

class CachedRegisteredClientsTests {

    RegisteredClient client = client("first-secret");

    AtomicInteger reads = new AtomicInteger();

    InMemoryRegisteredClientRepository database = new InMemoryRegisteredClientRepository(client);

    Instant now = Instant.parse("2026-11-25T08:00:00Z");

    RegisteredClientRepository cached = cached(Duration.ofSeconds(30));

    @Test
    void aClientIsReadOnceWithinTheTimeToLiveWhicheverWayItIsLookedUp() {
        assertThat(cached.findByClientId("m2m").getId()).isEqualTo("id-1");
        assertThat(cached.findById("id-1").getClientId()).isEqualTo("m2m");
        assertThat(cached.findByClientId("m2m")).isNotNull();

        assertThat(reads).hasValue(1);
    }

    @Test
    void aClientIsReadAgainAfterTheTimeToLive() {
        cached.findByClientId("m2m");
        database.save(client("second-secret"));
        now = now.plusSeconds(31);

        assertThat(cached.findByClientId("m2m").getClientSecret()).isEqualTo("second-secret");
        assertThat(reads).hasValue(2);
    }

    @Test
    void unknownClientsAreNotKept() {
        assertThat(cached.findByClientId("nobody")).isNull();
        assertThat(cached.findByClientId("nobody")).isNull();

        assertThat(reads).hasValue(2);
    }

    @Test
    void savingThroughTheCacheIsSeenAtOnce() {
        cached.findByClientId("m2m");

        cached.save(client("second-secret"));

        assertThat(cached.findByClientId("m2m").getClientSecret()).isEqualTo("second-secret");
    }

    @Test
    void aTimeToLiveOfZeroReadsEveryTime() {
        RegisteredClientRepository uncached = cached(Duration.ZERO);

        uncached.findByClientId("m2m");
        uncached.findByClientId("m2m");

        assertThat(reads).hasValue(2);
    }

    private RegisteredClientRepository cached(Duration timeToLive) {
        ClientProperties properties = new ClientProperties();
        properties.setCacheTimeToLive(timeToLive);
        RegisteredClientRepository counting = new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient registeredClient) {
                database.save(registeredClient);
            }

            @Override
            public RegisteredClient findById(String id) {
                reads.incrementAndGet();
                return database.findById(id);
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                reads.incrementAndGet();
                return database.findByClientId(clientId);
            }
        };
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        return new CachedRegisteredClients(counting, properties, clock);
    }

    private static RegisteredClient client(String secret) {
        return RegisteredClient.withId("id-1")
                .clientId("m2m")
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("scope1")
                .build();
    }
}
