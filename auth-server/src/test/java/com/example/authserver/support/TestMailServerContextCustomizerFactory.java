package com.example.authserver.support;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context's {@code spring.mail.*} at the {@link TestMailServer}, with the lowest
 * precedence. A context that sets {@code authforge.test.smtp=false} keeps no SMTP server, as in development
 * (its emails go to the development mailbox). Registered in {@code src/test/resources/META-INF/spring.factories}.
 */
class TestMailServerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new SmtpServer();
    }

    private static final class SmtpServer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            if (!"false".equals(environment.getProperty("authforge.test.smtp"))) {
                environment
                        .getPropertySources()
                        .addLast(new MapPropertySource(
                                "testMailServer",
                                Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", TestMailServer.port())));
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SmtpServer;
        }

        @Override
        public int hashCode() {
            return SmtpServer.class.hashCode();
        }
    }
}
