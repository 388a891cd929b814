package com.example.authserver.metadatadocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.metadatadocuments.DocumentServer.Answer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the fetcher refuses before a document is even read: the network side of the SSRF and abuse rules. */
class DocumentFetcherTests {

    static DocumentServer documents;

    static DocumentFetcher development;

    static DocumentFetcher production;

    @BeforeAll
    static void start() {
        documents = new DocumentServer();
        MetadataDocumentProperties properties = new MetadataDocumentProperties();
        properties.setReadTimeout(Duration.ofMillis(700));
        properties.setConnectTimeout(Duration.ofMillis(700));
        development = new DocumentFetcher(properties, true);
        production = new DocumentFetcher(properties, false);
    }

    @AfterAll
    static void stop() throws IOException {
        documents.close();
        development.close();
        production.close();
    }

    @Test
    void aDocumentIsReadWithItsCacheLifetime() throws Exception {
        String url = documents.newUrl();
        documents.serve(url, Answer.json("{\"client_id\":\"" + url + "\"}").withHeader("Cache-Control", "max-age=600"));

        DocumentFetcher.Fetched fetched = development.fetch(URI.create(url));

        assertThat(fetched.body()).contains(url);
        assertThat(fetched.maxAge()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aLoopbackAddressIsRefusedOutsideDevelopmentWithoutAnyRequest() {
        String url = documents.newUrl("localhost");
        documents.serve(url, Answer.json("{}"));
        int before = documents.requests();

        assertThatThrownBy(() -> production.fetch(URI.create(url))).isInstanceOf(IOException.class);
        assertThat(documents.requests()).as("never connected").isEqualTo(before);
    }

    @Test
    void privateAndLinkLocalAddressesAreRefusedBeforeConnecting() {
        for (String url : new String[] {
            "https://10.0.0.1/client.json",
            "https://169.254.169.254/latest/meta-data",
            "https://192.168.1.1/client.json",
            "https://[fd00::1]/client.json",
            "https://[::ffff:169.254.169.254]/client.json",
            "https://0.0.0.0/client.json"
        }) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> development.fetch(URI.create(url)))
                    .as(url)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("refused address");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("refused at once, not after a connection attempt: %s", url)
                    .isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        String target = documents.newUrl();
        documents.serve(target, Answer.json("{\"client_id\":\"" + target + "\"}"));
        String url = documents.newUrl();
        documents.serve(url, new Answer(302, null, new byte[0], Map.of("Location", target), 0));

        assertThatThrownBy(() -> development.fetch(URI.create(url)))
                .isInstanceOf(DocumentFetcher.Refused.class)
                .hasMessageContaining("302");
    }

    @Test
    void anErrorStatusIsRefused() {
        assertThatThrownBy(() -> development.fetch(URI.create(documents.newUrl())))
                .isInstanceOf(DocumentFetcher.Refused.class)
                .hasMessageContaining("404");
    }

    @Test
    void aDocumentLargerThanFiveKilobytesIsRefused() {
        String url = documents.newUrl();
        documents.serve(url, Answer.json("{\"client_name\":\"" + "x".repeat(6000) + "\"}"));

        assertThatThrownBy(() -> development.fetch(URI.create(url)))
                .isInstanceOf(DocumentFetcher.Refused.class)
                .hasMessageContaining("larger");
    }

    @Test
    void aChunkedDocumentLargerThanTheLimitIsRefusedToo() {
        String url = documents.newUrl();
        // no Content-Length: the limit is counted while reading
        documents.serve(
                url,
                new Answer(
                        200,
                        "application/json",
                        ("[" + "1,".repeat(4000) + "1]").getBytes(StandardCharsets.UTF_8),
                        Map.of("Transfer-Encoding", "chunked"),
                        0));

        assertThatThrownBy(() -> development.fetch(URI.create(url))).isInstanceOf(IOException.class);
    }

    @Test
    void aSlowServerIsAbandoned() {
        String url = documents.newUrl();
        documents.serve(url, Answer.json("{}").delayed(5_000));
        long start = System.nanoTime();

        assertThatThrownBy(() -> development.fetch(URI.create(url))).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        String url = documents.newUrl();
        documents.serve(
                url, new Answer(200, "text/html", "<html>hello</html>".getBytes(StandardCharsets.UTF_8), Map.of(), 0));

        assertThatThrownBy(() -> development.fetch(URI.create(url)))
                .isInstanceOf(DocumentFetcher.Refused.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void cacheControlGivesTheLifetime() {
        assertThat(DocumentFetcher.maxAge(null)).isZero();
        assertThat(DocumentFetcher.maxAge(new BasicHeader("Cache-Control", "public, max-age=300")))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(DocumentFetcher.maxAge(new BasicHeader("Cache-Control", "max-age=300, no-store")))
                .isZero();
        assertThat(DocumentFetcher.maxAge(new BasicHeader("Cache-Control", "max-age=-5")))
                .isZero();
        assertThat(DocumentFetcher.maxAge(new BasicHeader("Cache-Control", "max-age=99999999999999999999")))
                .isZero();
    }
}
