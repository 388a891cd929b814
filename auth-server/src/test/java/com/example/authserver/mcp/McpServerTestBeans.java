package com.example.authserver.mcp;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.JdbcApiResources;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The MCP server beside the authorization server ({@link McpServerTest}): started once the authorization server
 * listens (after the seeding), stopped with the context; and the API resource {@code mcp} moved to where it listens,
 * as an administrator would register an MCP server at its real address.
 */
@TestConfiguration(proxyBeanMethods = false)
class McpServerTestBeans {

    /** The development API resource the walkthrough's MCP server stands for (clients/Clients). */
    static final String MCP_RESOURCE_NAME = "mcp";

    @Bean
    RunningMcpServer runningMcpServer(Environment environment, JdbcApiResources resources, JdbcOperations jdbc) {
        return new RunningMcpServer(environment, resources, jdbc);
    }

    /** The walkthrough's MCP server, started after the authorization server's web server (a later phase). */
    static final class RunningMcpServer implements SmartLifecycle {

        private final Environment environment;

        private final JdbcApiResources resources;

        private final JdbcOperations jdbc;

        private volatile ExampleMcpServer server;

        RunningMcpServer(Environment environment, JdbcApiResources resources, JdbcOperations jdbc) {
            this.environment = environment;
            this.resources = resources;
            this.jdbc = jdbc;
        }

        String requiredResourceUri() {
            return running().resourceUri();
        }

        int port() {
            return running().port();
        }

        private ExampleMcpServer running() {
            ExampleMcpServer running = server;
            if (running == null) {
                throw new IllegalStateException("The MCP server is not running");
            }
            return running;
        }

        @Override
        public void start() {
            // the issuer as TestServer names it
            ExampleMcpServer started =
                    ExampleMcpServer.start("http://localhost:" + environment.getRequiredProperty("local.server.port"));
            moveTheMcpResourceTo(started.resourceUri());
            server = started;
        }

        /**
         * The resource keeps its name and scopes, and takes the URI: a row changed in place (a resource is saved by
         * URI, and its scope may have only one owner), then saved again so that the store forgets its cached list.
         */
        private void moveTheMcpResourceTo(String uri) {
            ApiResource development = resources.findByName(MCP_RESOURCE_NAME).orElseThrow();
            jdbc.update("update api_resources set uri = ? where uri = ?", uri, development.uri());
            resources.save(new ApiResource(
                    uri,
                    development.name(),
                    development.displayName(),
                    development.scopes(),
                    development.registrationScopes(),
                    development.introspectionSecret(),
                    development.accessTokenFormat()));
        }

        @Override
        public void stop() {
            ExampleMcpServer running = server;
            server = null;
            if (running != null) {
                running.close();
            }
        }

        @Override
        public boolean isRunning() {
            return server != null;
        }
    }
}
