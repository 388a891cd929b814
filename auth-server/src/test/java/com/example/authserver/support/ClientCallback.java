package com.example.authserver.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The client application's side of a redirect, on a random loopback port of the test JVM: a browser that follows
 * the server's redirect lands here, never on whatever else listens on the machine (a developer's own client on
 * 127.0.0.1:8080, say). Registered for the {@code interactive} client through
 * {@code authforge.clients.interactive.redirect-uris} by {@link ClientCallbackContextCustomizerFactory}.
 */
public final class ClientCallback {

    private static HttpServer server;

    private ClientCallback() {}

    /** The redirect URI served here; the server's redirect carries the code or the error in its query. */
    public static URI redirectUri() {
        return URI.create("http://127.0.0.1:" + port() + "/callback-from-configuration");
    }

    /** The post-logout redirect URI the {@code interactive} client gets from configuration, served here as well. */
    public static URI postLogoutRedirectUri() {
        return URI.create("http://127.0.0.1:" + port() + "/signed-out-from-configuration");
    }

    /**
     * The back-channel logout URI served here (it answers every delivery with 200): the test servers deliver logout
     * tokens for the {@code interactive} client here, not to 127.0.0.1:8080 where a developer's own client may run.
     */
    public static URI backChannelLogoutUri() {
        return URI.create("http://127.0.0.1:" + port() + "/logout/connect/back-channel/interactive");
    }

    private static synchronized int port() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException ex) {
                throw new UncheckedIOException("Could not listen on a loopback port", ex);
            }
            server.createContext("/", exchange -> {
                byte[] body = "<!DOCTYPE html><title>Client</title><h1>The client got the redirect</h1>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "client-callback");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }
        return server.getAddress().getPort();
    }
}
