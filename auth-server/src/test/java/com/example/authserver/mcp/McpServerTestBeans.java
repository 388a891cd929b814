package com.example.authserver.mcp;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.ApiResources;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The MCP server beside the authorization server ({@link McpServerTest}): started once the authorization server
 * listens, stopped with the context; and the API resource {@code mcp} moved to where it listens, as an administrator
 * would register an MCP server at its real address.
 */
@TestConfiguration(proxyBeanMethods = false)
class McpServerTestBeans {

    /** The development API resource the walkthrough's MCP server stands for (clients/Clients). */
    static final String MCP_RESOURCE_NAME = "mcp";

    @Bean
    RunningMcpServer runningMcpServer(Environment environment) {
        return new RunningMcpServer(environment);
    }

    /**
     * Every {@link ApiResources} the server reads (whatever stores them) sees {@code mcp} at the MCP server's URI.
     * Static: a post-processor is made before the other beans.
     */
    @Bean
    static BeanPostProcessor mcpResourceAtTheRunningServer(ObjectProvider<RunningMcpServer> server) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ApiResources resources
                        ? new MovedMcpResource(
                                resources, () -> server.getObject().resourceUri())
                        : bean;
            }
        };
    }

    /** The walkthrough's MCP server, started after the authorization server's web server (a later phase). */
    static final class RunningMcpServer implements SmartLifecycle {

        private final Environment environment;

        private volatile ExampleMcpServer server;

        RunningMcpServer(Environment environment) {
            this.environment = environment;
        }

        /** Empty until started. */
        Optional<String> resourceUri() {
            ExampleMcpServer running = server;
            return running == null ? Optional.empty() : Optional.of(running.resourceUri());
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
            server = ExampleMcpServer.start("http://localhost:" + environment.getRequiredProperty("local.server.port"));
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

    /** The resources as stored, with {@code mcp} at the running MCP server's URI once it runs. */
    static final class MovedMcpResource implements ApiResources {

        private final ApiResources stored;

        private final Supplier<Optional<String>> mcpUri;

        MovedMcpResource(ApiResources stored, Supplier<Optional<String>> mcpUri) {
            this.stored = stored;
            this.mcpUri = mcpUri;
        }

        @Override
        public List<ApiResource> all() {
            return stored.all().stream().map(this::moved).toList();
        }

        @Override
        public Optional<ApiResource> findByUri(String uri) {
            return all().stream().filter(resource -> resource.uri().equals(uri)).findFirst();
        }

        @Override
        public Optional<ApiResource> findByName(String name) {
            return stored.findByName(name).map(this::moved);
        }

        private ApiResource moved(ApiResource resource) {
            if (!resource.name().equals(MCP_RESOURCE_NAME)) {
                return resource;
            }
            return mcpUri.get()
                    .map(uri -> new ApiResource(
                            uri,
                            resource.name(),
                            resource.displayName(),
                            resource.scopes(),
                            resource.registrationScopes(),
                            resource.introspectionSecret(),
                            resource.accessTokenFormat()))
                    .orElse(resource);
        }
    }
}
