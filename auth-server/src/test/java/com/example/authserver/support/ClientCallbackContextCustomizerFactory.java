package com.example.authserver.support;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers the {@link ClientCallback} as the redirect, post-logout redirect and back-channel logout URIs the
 * {@code interactive} client gets from configuration, in every Spring test context: no test sends anything to
 * 127.0.0.1:8080. Registered in {@code src/test/resources/META-INF/spring.factories}.
 */
class ClientCallbackContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new ConfiguredRedirectUri();
    }

    private static final class ConfiguredRedirectUri implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            // first: application.yml's empty list would otherwise win over it
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "clientCallback",
                            Map.of(
                                    "authforge.clients.interactive.redirect-uris[0]",
                                    ClientCallback.redirectUri().toString(),
                                    "authforge.clients.interactive.post-logout-redirect-uris[0]",
                                    ClientCallback.postLogoutRedirectUri().toString(),
                                    "authforge.clients.interactive.backchannel-logout-uri",
                                    ClientCallback.backChannelLogoutUri().toString())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ConfiguredRedirectUri;
        }

        @Override
        public int hashCode() {
            return ConfiguredRedirectUri.class.hashCode();
        }
    }
}
