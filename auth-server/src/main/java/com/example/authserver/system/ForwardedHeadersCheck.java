package com.example.authserver.system;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Spring's own forwarded-header handling ({@code server.forward-headers-strategy: framework}) believes the left-most
 * {@code X-Forwarded-For}, which the client writes: production uses Tomcat's ({@code native}, see
 * {@link ForwardedHeaders}).
 */
@Component
class ForwardedHeadersCheck implements ProductionCheck {

    private final Environment environment;

    ForwardedHeadersCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public List<InsecureSetting> problems() {
        if ("framework"
                .equalsIgnoreCase(environment
                        .getProperty("server.forward-headers-strategy", "")
                        .strip())) {
            return List.of(new InsecureSetting(
                    "server.forward-headers-strategy (SERVER_FORWARDHEADERSSTRATEGY)",
                    "'framework' believes the address a client writes into X-Forwarded-For; use native, with your "
                            + "proxies in " + ForwardedHeaders.PROPERTY));
        }
        return List.of();
    }
}
