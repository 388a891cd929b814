package com.example.authserver.system;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whose {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} are believed. With
 * {@code server.forward-headers-strategy: native} Spring Boot puts Tomcat's {@link RemoteIpValve} in front of the
 * application; this limits the proxies it trusts to {@code authforge.trusted-proxies} (Boot's own default trusts every
 * private network). The valve reads {@code X-Forwarded-For} from the right: proxies append the address they saw, so
 * the right-most address that is not a trusted proxy is the client's; whatever the client wrote further left is
 * ignored. A request from an address that is not a trusted proxy keeps its own address, scheme and host whatever its
 * headers say, so per-address rate limits (ratelimit) cannot be escaped by writing a new address each time.
 * The addresses are matched as CIDR blocks by Tomcat itself (a list holding a '/' is read as CIDR, not as a regular
 * expression); a Tomcat that could not read them would trust nobody, never everybody.
 */
@Component
class ForwardedHeaders implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

    static final String PROPERTY = "authforge.trusted-proxies";

    /** Tomcat's own lists, replaced by ours: both set would leave the reader unsure which one counts. */
    private static final List<String> REPLACED =
            List.of("server.tomcat.remoteip.internal-proxies", "server.tomcat.remoteip.trusted-proxies");

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeaders.class);

    private final TrustedProxyProperties properties;

    private final Environment environment;

    ForwardedHeaders(TrustedProxyProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The trusted proxies as canonical CIDR blocks; a bad entry stops the start-up, naming the property. */
    List<String> trustedBlocks() {
        List<String> blocks = new ArrayList<>();
        for (String entry : properties.getTrustedProxies()) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            try {
                blocks.add(IpAddresses.cidrBlock(entry));
            } catch (IllegalArgumentException ex) {
                throw new InvalidConfigurationPropertyValueException(PROPERTY, entry, ex.getMessage());
            }
        }
        return blocks;
    }

    @Override
    public void customize(TomcatWebServerFactory factory) {
        List<String> blocks = trustedBlocks();
        for (String replaced : REPLACED) {
            if (environment.containsProperty(replaced)) {
                throw new InvalidConfigurationPropertyValueException(
                        replaced,
                        environment.getProperty(replaced),
                        "the trusted proxies are set by " + PROPERTY + " (addresses or CIDR blocks); remove "
                                + replaced);
            }
        }
        factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .forEach(valve -> {
                    // "internal": trusted, and left out of the X-Forwarded-By the valve would otherwise add
                    valve.setInternalProxies(blocks.isEmpty() ? null : String.join(", ", blocks));
                    valve.setTrustedProxies(null);
                    log.info(
                            "X-Forwarded-* headers are believed from {} only ({})",
                            blocks.isEmpty() ? "no address" : blocks,
                            PROPERTY);
                });
    }

    /** After Spring Boot's own Tomcat customizer (order 0), which adds the valve. */
    @Override
    public int getOrder() {
        return 1;
    }
}
