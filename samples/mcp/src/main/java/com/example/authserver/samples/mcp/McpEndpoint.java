package com.example.authserver.samples.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The MCP server itself (MCP Java SDK, streamable HTTP transport on a servlet at {@value #PATH}) with one tool,
 * {@value #WHOAMI}, that answers who the access token speaks for. {@link McpServerSecurity} guards the path; the tool
 * reads the caller from the request the transport hands it, never from a thread-bound context (the SDK runs tools on
 * its own threads).
 */
@Configuration(proxyBeanMethods = false)
class McpEndpoint {

    static final String PATH = "/mcp";

    static final String WHOAMI = "whoami";

    private static final String CALLER = "caller";

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport(Environment settings) {
        return HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(PATH)
                // DNS rebinding (the MCP specification's "MUST validate Origin"): only requests to this server's
                // own host and port, and none from a web page (an Origin header)
                // (read at each request: in the tests the resource URI names a port chosen at start-up)
                .securityValidator(headers -> DefaultServerTransportSecurityValidator.builder()
                        .allowedHost(URI.create(settings.getRequiredProperty(McpServerSecurity.RESOURCE_URI))
                                .getRawAuthority())
                        .build()
                        .validateHeaders(headers))
                .contextExtractor(request -> request.getUserPrincipal() instanceof JwtAuthenticationToken token
                        ? McpTransportContext.create(Map.of(CALLER, token))
                        : McpTransportContext.EMPTY)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> servlet =
                new ServletRegistrationBean<>(transport, PATH);
        servlet.setAsyncSupported(true);
        return servlet;
    }

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport) {
        return McpServer.sync(transport)
                .serverInfo("authforge-mcp-example", "1.0.0")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(whoami())
                .build();
    }

    private static SyncToolSpecification whoami() {
        return SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder()
                        .name(WHOAMI)
                        .description("Who the access token speaks for: the user (sub) and the client (client_id)")
                        .inputSchema(Map.of("type", "object", "properties", Map.of()))
                        .build())
                .callHandler((exchange, request) -> {
                    if (!(exchange.transportContext().get(CALLER) instanceof JwtAuthenticationToken caller)) {
                        return CallToolResult.builder()
                                .addTextContent("no caller")
                                .isError(true)
                                .build();
                    }
                    return CallToolResult.builder()
                            .addTextContent("sub=" + caller.getToken().getSubject() + " client_id="
                                    + caller.getToken().getClaimAsString("client_id"))
                            .build();
                })
                .build();
    }
}
