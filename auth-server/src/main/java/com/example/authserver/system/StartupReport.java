package com.example.authserver.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Logs where the server can be reached once it is ready. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final IssuerProperties issuer;

    private final Environment environment;

    StartupReport(IssuerProperties issuer, Environment environment) {
        this.issuer = issuer;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String url = issuer.getIssuer();
        if (url == null || url.isBlank()) {
            url = "http://localhost:" + environment.getProperty("local.server.port", "9000");
        }
        log.info("Issuer: {}", url);
        log.info("Discovery: {}/.well-known/openid-configuration", url);
        log.info("Home page: {}/", url);
    }
}
