package com.example.authserver.metadatadocuments;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.metadatadocuments.DocumentServer.Answer;
import com.example.authserver.ratelimit.RateLimits;
import com.example.authserver.support.ManualClock;
import com.example.authserver.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A stranger naming one URL after another as client id gets the server to fetch only so many of them: then nothing
 * more is fetched for that address, while another address and documents already kept are served.
 */
@ServerTest
class FetchLimitTests {

    static DocumentServer documents;

    @Autowired
    RateLimits rateLimits;

    @BeforeAll
    static void start() {
        documents = new DocumentServer();
    }

    @AfterAll
    static void stop() {
        documents.close();
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anAddressOverItsLimitMakesTheServerFetchNothingMore() {
        MetadataDocumentProperties properties = new MetadataDocumentProperties();
        properties.getFetchRateLimit().setAttempts(2);
        properties.getFetchRateLimit().setPeriod(Duration.ofHours(1));
        MetadataDocuments metadataDocuments = new MetadataDocuments(
                properties,
                MetadataDocumentsTests.NO_RESOURCES,
                new ManualClock(Instant.parse("2026-01-01T00:00:00Z")),
                new MockEnvironment(),
                new FetchLimit(rateLimits, properties));
        String kept = publish();

        from("192.0.2.77");
        assertThat(metadataDocuments.find(kept)).isNotNull();
        from("192.0.2.77");
        assertThat(metadataDocuments.find(publish())).isNotNull();
        from("192.0.2.77");
        int before = documents.requests();
        assertThat(metadataDocuments.find(publish())).as("over the limit").isNull();
        assertThat(documents.requests()).as("nothing fetched").isEqualTo(before);

        from("192.0.2.77");
        assertThat(metadataDocuments.find(kept))
                .as("a kept document costs nothing")
                .isNotNull();
        from("192.0.2.78");
        assertThat(metadataDocuments.find(publish())).as("another address").isNotNull();
    }

    private static String publish() {
        String url = documents.newUrl();
        documents.serve(url, Answer.json(MetadataDocumentsTests.document(url)));
        return url;
    }

    private static void from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
