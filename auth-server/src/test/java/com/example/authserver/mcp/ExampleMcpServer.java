package com.example.authserver.mcp;

import java.net.InetAddress;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/**
 * The MCP server of the walkthrough ({@link McpServerSecurity}, {@link McpEndpoint}) as an application of its own, on
 * a random loopback port, trusting the authorization server at {@code issuer}. Its own project would be a
 * {@code @SpringBootApplication}; here it shares the test class path with the authorization server, so it is built
 * from its two configuration classes and a web server alone, with none of the server's auto-configuration and none of
 * its application.yml.
 */
final class ExampleMcpServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ExampleMcpServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ExampleMcpServer start(String issuer) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=example-mcp-server", "spring.main.banner-mode=off")
                .run(
                        "--" + McpServerSecurity.AUTHORIZATION_SERVER + "=" + issuer,
                        // the port is known once the server listens: resolved when first needed
                        "--" + McpServerSecurity.RESOURCE_URI + "=http://127.0.0.1:${local.server.port}"
                                + McpEndpoint.PATH);
        return new ExampleMcpServer(context);
    }

    /** The server's resource identifier: the audience of its tokens, and what MCP clients call. */
    String resourceUri() {
        return "http://127.0.0.1:" + port() + McpEndpoint.PATH;
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    // a test configuration: left out of the authorization server's component scan and of the search for a
    // @SpringBootConfiguration by the tests of this package
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @Import({McpServerSecurity.class, McpEndpoint.class})
    static class Application {

        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(InetAddress.getLoopbackAddress());
            // filters (Spring Security, which serves the metadata) run only for a path some servlet maps: in the MCP
            // server's own project Spring MVC's DispatcherServlet maps every path; here Tomcat's default servlet does
            factory.setRegisterDefaultServlet(true);
            return factory;
        }
    }
}
