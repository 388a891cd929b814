package com.example.authserver.samples.mcp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample MCP server (port 8090, resource http://127.0.0.1:8090/mcp): the server's README walkthrough "Protect an
 * MCP server" as an application. The MCP endpoint and its tool are in {@link McpEndpoint}, the token checks in
 * {@link McpServerSecurity}.
 */
@SpringBootApplication
public class McpApplication {

    public static void main(String[] args) {
        SpringApplication.run(McpApplication.class, args);
    }
}
