package com.example.authserver.metadatadocuments;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Where the tests' clients publish their documents: a real HTTP server on a random loopback port. */
final class DocumentServer implements AutoCloseable {

    /** What one path answers. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis) {

        static Answer json(String body) {
            return new Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> more = new ConcurrentHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, contentType, body, Map.copyOf(more), delayMillis);
        }

        Answer delayed(long millis) {
            return new Answer(status, contentType, body, headers, millis);
        }
    }

    private final HttpServer server;

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private final AtomicInteger requests = new AtomicInteger();

    DocumentServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Answer answer = answers.get(exchange.getRequestURI().getPath());
            try (exchange) {
                if (answer == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (answer.delayMillis() > 0) {
                    Thread.sleep(answer.delayMillis());
                }
                if (answer.contentType() != null) {
                    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
                }
                // "Transfer-Encoding: chunked" asks for a body without Content-Length (length 0 to the JDK server)
                boolean chunked = answer.headers().containsKey("Transfer-Encoding");
                answer.headers().forEach((name, value) -> {
                    if (!name.equals("Transfer-Encoding")) {
                        exchange.getResponseHeaders().add(name, value);
                    }
                });
                long length = chunked ? 0 : answer.body().length == 0 ? -1 : answer.body().length;
                exchange.sendResponseHeaders(answer.status(), length);
                if (answer.body().length > 0) {
                    exchange.getResponseBody().write(answer.body());
                }
            } catch (InterruptedException | IOException ex) {
                // the fetcher hung up (time limit): nothing to answer
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "document-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** A fresh URL on this server (a new path each time, so tests never share a cached document). */
    String newUrl(String host) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/clients/" + UUID.randomUUID() + ".json";
    }

    String newUrl() {
        return newUrl("127.0.0.1");
    }

    void serve(String url, Answer answer) {
        answers.put(java.net.URI.create(url).getPath(), answer);
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
