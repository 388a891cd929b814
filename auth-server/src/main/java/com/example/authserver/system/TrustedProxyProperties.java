package com.example.authserver.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The proxies whose {@code X-Forwarded-*} headers are believed, {@code authforge.trusted-proxies} (environment variable
 * {@code AUTHFORGE_TRUSTEDPROXIES}, comma-separated): addresses or CIDR blocks, IPv4 or IPv6. Used where Tomcat reads
 * forwarded headers ({@code server.forward-headers-strategy: native}, as in the prod profile); see
 * {@link ForwardedHeaders}.
 */
@ConfigurationProperties("authforge")
public class TrustedProxyProperties {

    /** Loopback only: a proxy on the same host (or in the same pod); any other proxy must be listed. */
    private List<String> trustedProxies = new ArrayList<>(List.of("127.0.0.0/8", "::1/128"));

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }
}
