package com.example.authserver.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

/** API resources from {@code authforge.clients.resources}: taken as written, refused when they cannot be audiences. */
class ConfiguredResourcesTests {

    final ClientSecretHashing hashing = new ClientSecretHashing();

    @Test
    void aConfiguredResourceKeepsItsUriAsWrittenAndItsSecretHashed() {
        ClientProperties properties = new ClientProperties();
        ClientProperties.Resource orders = new ClientProperties.Resource();
        orders.setUri("https://orders.example.com/");
        orders.setScopes(List.of("orders:read"));
        orders.setIntrospectionSecret("a-long-random-secret");
        orders.setReferenceTokens(true);
        properties.getResources().put("orders", orders);

        ApiResource resource = Clients.configuredResources(properties, hashing).get(0);

        assertThat(resource.uri()).isEqualTo("https://orders.example.com/");
        assertThat(resource.name()).isEqualTo("orders");
        assertThat(resource.displayName()).isEqualTo("orders");
        assertThat(resource.introspectionSecret()).isNotEqualTo("a-long-random-secret");
        assertThat(hashing.matches("a-long-random-secret", resource.introspectionSecret()))
                .isTrue();
        assertThat(resource.accessTokenFormat()).isEqualTo(OAuth2TokenFormat.REFERENCE);
    }

    @Test
    void aResourceWithoutAbsoluteUriOrScopesStopsTheStart() {
        for (String uri : new String[] {null, "orders", "https://orders.example.com/#x"}) {
            ClientProperties properties = new ClientProperties();
            ClientProperties.Resource orders = new ClientProperties.Resource();
            orders.setUri(uri);
            orders.setScopes(List.of("orders:read"));
            properties.getResources().put("orders", orders);

            assertThatThrownBy(() -> Clients.configuredResources(properties, hashing))
                    .as(uri)
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class);
        }
        ClientProperties properties = new ClientProperties();
        ClientProperties.Resource orders = new ClientProperties.Resource();
        orders.setUri("https://orders.example.com/");
        properties.getResources().put("orders", orders);
        assertThatThrownBy(() -> Clients.configuredResources(properties, hashing))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class);
    }
}
