package com.example.authserver.logout;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's back-channel logout endpoint on a random loopback port: keeps each logout token it receives, and answers
 * 503 to the first {@code failuresFirst} requests (to see the server retry).
 */
final class LogoutReceiver implements AutoCloseable {

    private final HttpServer server;

    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();

    private final AtomicInteger failuresLeft;

    private final AtomicInteger requests = new AtomicInteger();

    LogoutReceiver(int failuresFirst) {
        failuresLeft = new AtomicInteger(failuresFirst);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/backchannel", exchange -> {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = failuresLeft.getAndDecrement() > 0;
            if (!fail && body.startsWith("logout_token=")) {
                tokens.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(fail ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel");
    }

    /** The next logout token received, or null after the wait. */
    String next(Duration wait) throws InterruptedException {
        return tokens.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
