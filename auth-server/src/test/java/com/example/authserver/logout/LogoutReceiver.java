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
import java.util.concurrent.CountDownLatch;
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

    /** While held, each request waits (up to a minute) before it is answered: a client that answers slowly. */
    private final CountDownLatch answers = new CountDownLatch(1);

    private volatile boolean holdAnswers;

    private final AtomicInteger waiting = new AtomicInteger();

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
            boolean hold = holdAnswers;
            if (hold) {
                waiting.incrementAndGet(); // before the token is handed over, so whoever takes it sees the wait
            }
            if (!fail && body.startsWith("logout_token=")) {
                tokens.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            }
            if (hold) {
                try {
                    answers.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } finally {
                    waiting.decrementAndGet();
                }
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

    /** From now on, requests are answered only after {@link #answer()}. */
    void holdAnswers() {
        holdAnswers = true;
    }

    /** How many requests are waiting for their answer. */
    int waiting() {
        return waiting.get();
    }

    void answer() {
        holdAnswers = false;
        answers.countDown();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        answer();
        server.stop(0);
    }
}
