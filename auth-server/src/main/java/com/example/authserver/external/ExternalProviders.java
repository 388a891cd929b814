package com.example.authserver.external;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The upstream providers of {@code authforge.external-logins} as Spring Security client registrations.
 * <p>
 * The settings are checked at start-up: a missing one stops the server with a message naming the property.
 * The provider's discovery document is read lazily, on the first sign-in through it, and kept once read: a
 * provider that is down does not stop this server from starting (its users see "could not be reached" on the
 * sign-in page, and the next attempt tries again), and no provider is called at start-up.
 */
@Component
public class ExternalProviders implements ClientRegistrationRepository {

    /** A provider's button: its id and the name shown. */
    public record Button(String id, String displayName) {}

    private static final Logger log = LoggerFactory.getLogger(ExternalProviders.class);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, ExternalLoginProperties.Provider> providers;

    private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

    private final RestClient http;

    private final List<Button> buttons;

    ExternalProviders(ExternalLoginProperties properties) {
        this.providers = Map.copyOf(properties.getExternalLogins());
        properties.getExternalLogins().forEach(ExternalProviders::requireValid);
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        this.http = RestClient.builder().requestFactory(requests).build();
        this.buttons = properties.getExternalLogins().entrySet().stream()
                .map(entry -> new Button(entry.getKey(), entry.getValue().getDisplayName()))
                .toList();
    }

    /** The providers in the order of application.yml. */
    public List<Button> buttons() {
        return buttons;
    }

    public boolean isEmpty() {
        return providers.isEmpty();
    }

    public boolean contains(String id) {
        return id != null && providers.containsKey(id);
    }

    /** The display name of a configured provider, else the id itself. */
    public String displayName(String id) {
        ExternalLoginProperties.Provider provider = id == null ? null : providers.get(id);
        return provider == null ? id : provider.getDisplayName();
    }

    /**
     * The registration of a configured provider, null for any other id. Reads the provider's discovery
     * document the first time; fails with {@link ProviderUnavailableException} if that does not work.
     */
    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        ExternalLoginProperties.Provider provider = registrationId == null ? null : providers.get(registrationId);
        if (provider == null) {
            return null;
        }
        ClientRegistration registration = discovered.get(registrationId);
        if (registration == null) {
            registration = discover(registrationId, provider);
            discovered.putIfAbsent(registrationId, registration);
        }
        return registration;
    }

    private ClientRegistration discover(String id, ExternalLoginProperties.Provider provider) {
        String issuer = provider.getIssuerUri();
        String location = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        Map<String, Object> configuration;
        try {
            configuration = http.get().uri(location).retrieve().body(new ParameterizedTypeReference<>() {});
        } catch (RestClientException ex) {
            log.warn(
                    "Could not read the discovery document of external login provider '{}' at {}: {}",
                    id,
                    location,
                    ex.getMessage());
            throw new ProviderUnavailableException(id, ex);
        }
        // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was read from
        if (configuration == null || !Objects.equals(issuer, configuration.get("issuer"))) {
            log.warn(
                    "The discovery document of external login provider '{}' at {} names the issuer {}, not {}",
                    id,
                    location,
                    configuration == null ? null : configuration.get("issuer"),
                    issuer);
            throw new ProviderUnavailableException(id, null);
        }
        try {
            return ClientRegistrations.fromOidcConfiguration(configuration)
                    .registrationId(id)
                    .clientName(provider.getDisplayName())
                    .clientId(provider.getClientId())
                    .clientSecret(provider.getClientSecret())
                    .scope(provider.getScopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .build();
        } catch (IllegalArgumentException ex) {
            log.warn(
                    "The discovery document of external login provider '{}' at {} is not usable: {}",
                    id,
                    location,
                    ex.getMessage());
            throw new ProviderUnavailableException(id, ex);
        }
    }

    private static void requireValid(String id, ExternalLoginProperties.Provider provider) {
        String prefix = "authforge.external-logins." + id;
        if (!ID.matcher(id).matches()) {
            throw new InvalidConfigurationPropertyValueException(
                    prefix,
                    id,
                    "a provider id may only have letters, digits and . _ - (it becomes part of the redirect URI)");
        }
        require(prefix + ".display-name", provider.getDisplayName(), "the name on the sign-in button");
        require(
                prefix + ".issuer-uri",
                provider.getIssuerUri(),
                "the provider's issuer, e.g. https://login.example.com");
        require(prefix + ".client-id", provider.getClientId(), "the client id this server has at the provider");
        require(
                prefix + ".client-secret",
                provider.getClientSecret(),
                "the client secret this server has at the provider");
        if (provider.getScopes() == null || !provider.getScopes().contains("openid")) {
            throw new InvalidConfigurationPropertyValueException(
                    prefix + ".scopes", provider.getScopes(), "the scopes must include openid");
        }
    }

    private static void require(String property, String value, String what) {
        if (!StringUtils.hasText(value)) {
            throw new InvalidConfigurationPropertyValueException(property, value, "missing: set it to " + what);
        }
    }
}
