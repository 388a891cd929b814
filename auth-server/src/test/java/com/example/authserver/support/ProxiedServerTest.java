package com.example.authserver.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The server as production runs it, behind a reverse proxy: Tomcat reads {@code X-Forwarded-*}
 * ({@code server.forward-headers-strategy: native}, as in the prod profile) from the default trusted proxies, the
 * loopback addresses. A test speaking to {@link TestServer#browser()} (over loopback) plays the proxy and forwards
 * whatever client address it likes ({@link Browser#withHeader}); over {@link OtherLocalAddress} it is a client that
 * is not a trusted proxy. Few sign-in attempts per address, and no SMTP server, so the development mailbox exists.
 * One Spring context for every class carrying this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServerTest
@TestPropertySource(
        properties = {
            "server.forward-headers-strategy=native",
            "authforge.test.smtp=false",
            "authforge.account.rate-limits.sign-in.per-ip.attempts=" + ProxiedServerTest.SIGN_IN_PER_IP
        })
public @interface ProxiedServerTest {

    int SIGN_IN_PER_IP = 3;
}
