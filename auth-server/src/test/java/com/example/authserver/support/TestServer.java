package com.example.authserver.support;

import org.springframework.core.env.Environment;

/** The server under test as its clients see it: its URL, a fresh browser, the development clients. */
public class TestServer {

    private final Environment environment;

    TestServer(Environment environment) {
        this.environment = environment;
    }

    /** The issuer: the server's URL on its random port. */
    public String issuer() {
        return "http://localhost:" + port();
    }

    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /** A new browser with no cookies: nobody is signed in. */
    public Browser browser() {
        return new Browser(issuer());
    }

    public OidcClient interactiveClient() {
        return new OidcClient(issuer(), OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET);
    }

    public OidcClient m2mClient() {
        return new OidcClient(issuer(), OidcClient.M2M, OidcClient.M2M_SECRET);
    }

    public OidcClient client(String clientId, String secret) {
        return new OidcClient(issuer(), clientId, secret);
    }
}
