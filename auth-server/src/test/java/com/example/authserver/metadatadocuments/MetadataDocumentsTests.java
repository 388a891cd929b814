package com.example.authserver.metadatadocuments;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.ApiResources;
import com.example.authserver.metadatadocuments.DocumentServer.Answer;
import com.example.authserver.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** When documents are fetched at all, and how long one is kept. */
class MetadataDocumentsTests {

    static DocumentServer documents;

    final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    static final ApiResources NO_RESOURCES = new ApiResources() {
        @Override
        public List<ApiResource> all() {
            return List.of();
        }

        @Override
        public Optional<ApiResource> findByUri(String uri) {
            return Optional.empty();
        }

        @Override
        public Optional<ApiResource> findByName(String name) {
            return Optional.empty();
        }
    };

    @BeforeAll
    static void start() {
        documents = new DocumentServer();
    }

    @AfterAll
    static void stop() {
        documents.close();
    }

    MetadataDocuments documents(MetadataDocumentProperties properties, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new MetadataDocuments(properties, NO_RESOURCES, clock, environment, new FetchLimit(null, properties));
    }

    static String publish(Answer... answers) {
        String url = documents.newUrl();
        documents.serve(url, answers.length > 0 ? answers[0] : Answer.json(document(url)));
        return url;
    }

    static String document(String url) {
        return "{\"client_id\":\"" + url + "\",\"redirect_uris\":[\"http://127.0.0.1/cb\"]}";
    }

    @Test
    void onOutsideTheProdProfileOffInIt() {
        String url = publish();

        assertThat(documents(new MetadataDocumentProperties()).enabled()).isTrue();
        assertThat(documents(new MetadataDocumentProperties()).find(url)).isNotNull();
        MetadataDocuments prod = documents(new MetadataDocumentProperties(), "prod");
        assertThat(prod.enabled()).isFalse();
        assertThat(prod.find(url)).isNull();
    }

    @Test
    void switchedOnInProdDocumentsMustStillBeHttps() {
        MetadataDocumentProperties properties = new MetadataDocumentProperties();
        properties.setEnabled(true);
        properties.setAllowLoopbackHttp(true);
        MetadataDocuments prod = documents(properties, "prod");
        int before = documents.requests();

        assertThat(prod.enabled()).isTrue();
        assertThat(prod.find(publish()))
                .as("loopback http is for development only")
                .isNull();
        assertThat(documents.requests()).isEqualTo(before);
    }

    @Test
    void switchedOffNothingIsFetched() {
        MetadataDocumentProperties properties = new MetadataDocumentProperties();
        properties.setEnabled(false);
        int before = documents.requests();

        assertThat(documents(properties).find(publish())).isNull();
        assertThat(documents.requests()).isEqualTo(before);
    }

    @Test
    void aDocumentIsKeptAsLongAsItsCacheControlSaysWithinTheLimits() {
        MetadataDocuments cache = documents(new MetadataDocumentProperties());
        String url = documents.newUrl();
        documents.serve(url, Answer.json(document(url)).withHeader("Cache-Control", "max-age=600"));
        Map<String, Integer> fetches = new HashMap<>();

        cache.find(url);
        fetches.put("first", documents.requests());
        clock.advance(Duration.ofMinutes(9));
        cache.find(url);
        assertThat(documents.requests()).as("kept for max-age").isEqualTo(fetches.get("first"));
        clock.advance(Duration.ofMinutes(2));
        cache.find(url);
        assertThat(documents.requests()).as("fetched again after max-age").isEqualTo(fetches.get("first") + 1);
    }

    @Test
    void noStoreStillKeepsTheDocumentForTheFloorAndTheCeilingCapsALongMaxAge() {
        MetadataDocuments cache = documents(new MetadataDocumentProperties());
        String noStore = documents.newUrl();
        documents.serve(noStore, Answer.json(document(noStore)).withHeader("Cache-Control", "no-store"));
        String year = documents.newUrl();
        documents.serve(year, Answer.json(document(year)).withHeader("Cache-Control", "max-age=31536000"));

        cache.find(noStore);
        cache.find(year);
        int fetched = documents.requests();
        clock.advance(Duration.ofSeconds(30));
        cache.find(noStore);
        assertThat(documents.requests()).as("kept for the one-minute floor").isEqualTo(fetched);
        clock.advance(Duration.ofHours(25));
        cache.find(noStore);
        cache.find(year);
        assertThat(documents.requests())
                .as("both fetched again after the 24-hour ceiling")
                .isEqualTo(fetched + 2);
    }

    @Test
    void requestsArrivingDuringAFetchWaitForItInsteadOfFetchingAgain() throws Exception {
        MetadataDocuments cache = documents(new MetadataDocumentProperties());
        String url = documents.newUrl();
        documents.serve(url, Answer.json(document(url)).delayed(400));
        int before = documents.requests();

        List<CompletableFuture<RegisteredClient>> lookups = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lookups.add(CompletableFuture.supplyAsync(() -> cache.find(url)));
        }

        for (CompletableFuture<RegisteredClient> lookup : lookups) {
            assertThat(lookup.get(5, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(documents.requests()).isEqualTo(before + 1);
    }

    @Test
    void aRefusedDocumentIsNotKept() {
        MetadataDocuments cache = documents(new MetadataDocumentProperties());
        String url = documents.newUrl();
        documents.serve(url, Answer.json("{\"client_id\":\"someone else\"}"));

        assertThat(cache.find(url)).isNull();
        documents.serve(url, Answer.json(document(url)));
        assertThat(cache.find(url)).as("fixed at once, not after a cache time").isNotNull();
    }
}
