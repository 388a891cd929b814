package com.example.authserver.mcp;

import com.example.authserver.support.ServerTestBeans;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole server, as with {@code @ServerTest}, and beside it the walkthrough's MCP server ({@link ExampleMcpServer})
 * on a random port of its own, which the development API resource {@code mcp} names instead of
 * {@code http://127.0.0.1:8090/mcp} ({@link McpServerTestBeans}). A context of its own, shared by the MCP tests: in the
 * other tests' context the {@code mcp} resource keeps its development URI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ServerTestBeans.class, McpServerTestBeans.class})
@interface McpServerTest {}
