package com.example.authserver.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** Discovery names the registration endpoint exactly when registration is on (both documents share this code). */
class RegistrationDiscoveryTests {

    @Test
    void whenRegistrationIsOffThenDiscoveryDoesNotNameTheEndpoint() {
        RegistrationProperties off = new RegistrationProperties();

        assertThat(advertised(off)).doesNotContainKey("registration_endpoint");
    }

    @Test
    void whenRegistrationIsOnThenDiscoveryNamesTheEndpointUnderTheIssuer() {
        RegistrationProperties on = new RegistrationProperties();
        on.setEnabled(true);

        assertThat(advertised(on)).containsEntry("registration_endpoint", "https://login.example.com/oauth2/register");
    }

    @Test
    void openRegistrationIsOffUnlessSwitchedOn() {
        RegistrationProperties defaults = new RegistrationProperties();

        assertThat(defaults.isEnabled()).isFalse();
        assertThat(defaults.isOpen()).isFalse();
        assertThat(defaults.getRateLimit().getAttempts()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void developmentRegistersOpenlyAndTheProdProfileOnlyWithAnInitialToken() {
        Properties development = yaml("application.yml");
        Properties prod = yaml("application-prod.yml");

        assertThat(development.getProperty("authforge.registration.enabled")).isEqualTo("true");
        assertThat(development.getProperty("authforge.registration.open")).isEqualTo("true");
        assertThat(prod.getProperty("authforge.registration.open")).isEqualTo("false");
    }

    private static Properties yaml(String resource) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(resource));
        return yaml.getObject();
    }

    private static Map<String, Object> advertised(RegistrationProperties properties) {
        Map<String, Object> metadata = new HashMap<>(Map.of("issuer", "https://login.example.com"));
        new ClientRegistrationProtocol(null, null, properties).advertise(metadata);
        return metadata;
    }
}
