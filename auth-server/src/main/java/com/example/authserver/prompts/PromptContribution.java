package com.example.authserver.prompts;

import com.example.authserver.clients.ConsentSettings;
import com.example.authserver.security.ProtocolContribution;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@code prompt}, {@code max_age}, {@code id_token_hint} and {@code acr_values} at the authorization endpoint:
 * <ul>
 * <li>the request check refuses what cannot be honoured ({@code invalid_request}), answers {@code prompt=none} with
 * {@code login_required} or {@code interaction_required} when the session cannot do without the user, and
 * {@code unmet_authentication_requirements} when the user has no second factor to give;</li>
 * <li>{@link PromptFilter} sends the user to the page the request asks for, and back;</li>
 * <li>{@code prompt=consent} asks for consent even when it was remembered, and {@code prompt=none} never shows
 * the consent page ({@code consent_required});</li>
 * <li>discovery names the prompt values and the {@code acr} values.</li>
 * </ul>
 * Errors go to the client's redirect URI with {@code state} and {@code iss}, as the endpoint's other errors.
 */
@Component
class PromptContribution implements ProtocolContribution {

    static final String CONSENT_REQUIRED = "consent_required";

    private static final List<String> ID_TOKEN_CLAIMS =
            List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "azp");

    private final SignInRequirements requirements;

    private final IdTokenHints hints;

    private final OAuth2AuthorizationService authorizations;

    private final RegisteredClientRepository clients;

    private final AuthorizationServerSettings settings;

    private final Clock clock;

    private final boolean registrationEnabled;

    PromptContribution(
            SignInRequirements requirements,
            IdTokenHints hints,
            OAuth2AuthorizationService authorizations,
            RegisteredClientRepository clients,
            AuthorizationServerSettings settings,
            Clock clock,
            @Value("${authforge.account.registration-enabled:true}") boolean registrationEnabled) {
        this.requirements = requirements;
        this.hints = hints;
        this.authorizations = authorizations;
        this.clients = clients;
        this.settings = settings;
        this.clock = clock;
        this.registrationEnabled = registrationEnabled;
    }

    /** {@code create} only where visitors may register. */
    Set<String> supportedPrompts() {
        Set<String> prompts = new LinkedHashSet<>(List.of(
                RequestedSignIn.NONE, RequestedSignIn.LOGIN, RequestedSignIn.CONSENT, RequestedSignIn.SELECT_ACCOUNT));
        if (registrationEnabled) {
            prompts.add(RequestedSignIn.CREATE);
        }
        return prompts;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        // before the check for a signed-in user: prompt=none answers a visitor too, without the sign-in page
        http.addFilterBefore(
                new PromptFilter(
                        settings.getAuthorizationEndpoint(),
                        requirements,
                        this::supportedPrompts,
                        authorizations,
                        clients,
                        clock),
                AuthorizationFilter.class);
    }

    @Override
    public void authorizationProviders(List<AuthenticationProvider> providers) {
        providers.forEach(provider -> {
            if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
                codeRequests.setAuthorizationConsentRequired(PromptContribution::consentRequired);
            }
        });
    }

    @Override
    public Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> authorizationRequestValidator() {
        return context -> {
            OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
            RequestedSignIn requested;
            try {
                requested = RequestedSignIn.of(request.getAdditionalParameters(), supportedPrompts());
            } catch (IllegalArgumentException refused) {
                throw error(OAuth2ErrorCodes.INVALID_REQUEST, refused.getMessage(), context);
            }
            String issuer = AuthorizationServerContextHolder.getContext().getIssuer();
            if (requested.idTokenHint() != null
                    && hints.subject(requested.idTokenHint(), issuer).isEmpty()) {
                throw error(OAuth2ErrorCodes.INVALID_REQUEST, "OpenID Connect parameter: id_token_hint", context);
            }
            if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken) {
                return; // a pushed request (PAR): checked against the session when the browser brings it
            }
            Authentication signedIn = SignInRequirements.signedInUser(request.getPrincipal());
            if (requested.silent()) {
                requirements.silentFailure(requested, signedIn, issuer).ifPresent(code -> {
                    throw error(code, "The request cannot be answered without the user (prompt=none).", context);
                });
            } else if (requirements.unmet(requested, signedIn)) {
                throw error(
                        SignInRequirements.UNMET_AUTHENTICATION_REQUIREMENTS,
                        "The user has no second factor to give (acr_values).",
                        context);
            }
        };
    }

    @Override
    public void advertise(Map<String, Object> metadata) {
        metadata.put("prompt_values_supported", List.copyOf(supportedPrompts()));
        metadata.put("acr_values_supported", SignInFactors.ACR_VALUES);
        metadata.put("claims_parameter_supported", false);
        List<Object> claims = new ArrayList<>();
        if (metadata.get("claims_supported") instanceof Collection<?> listed) {
            claims.addAll(listed);
        }
        ID_TOKEN_CLAIMS.stream().filter(claim -> !claims.contains(claim)).forEach(claims::add);
        metadata.put("claims_supported", claims);
    }

    /**
     * The framework's rule (the client asks for consent, and a remembered consent does not cover the scopes; never for
     * {@code openid} alone), except that {@code prompt=consent} and clients set to ({@link ConsentSettings}) always
     * ask, and {@code prompt=none} never shows the page: the client gets {@code consent_required}.
     */
    static boolean consentRequired(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        Set<String> scopes = context.getAuthorizationRequest().getScopes();
        Object prompt =
                context.getAuthorizationRequest().getAdditionalParameters().get("prompt");
        Set<String> prompts =
                prompt instanceof String text ? StringUtils.commaDelimitedListToSet(text.replace(' ', ',')) : Set.of();
        boolean required = prompts.contains(RequestedSignIn.CONSENT)
                || ConsentSettings.alwaysAsks(context.getRegisteredClient())
                || (context.getRegisteredClient().getClientSettings().isRequireAuthorizationConsent()
                        && !(scopes.contains(OidcScopes.OPENID) && scopes.size() == 1)
                        && !(context.getAuthorizationConsent() != null
                                && context.getAuthorizationConsent().getScopes().containsAll(scopes)));
        if (required && prompts.contains(RequestedSignIn.NONE)) {
            throw error(CONSENT_REQUIRED, "The user has not consented (prompt=none).", context);
        }
        return required;
    }

    /** An error for the client's redirect URI (the registered one, if the request named none), with its state. */
    private static OAuth2AuthorizationCodeRequestAuthenticationException error(
            String code, String description, OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        String redirectUri = StringUtils.hasText(request.getRedirectUri())
                ? request.getRedirectUri()
                : context.getRegisteredClient().getRedirectUris().iterator().next();
        OAuth2AuthorizationCodeRequestAuthenticationToken failed =
                new OAuth2AuthorizationCodeRequestAuthenticationToken(
                        request.getAuthorizationUri(),
                        request.getClientId(),
                        (Authentication) request.getPrincipal(),
                        redirectUri,
                        request.getState(),
                        request.getScopes(),
                        request.getAdditionalParameters());
        failed.setAuthenticated(true);
        return new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(code, description, null), failed);
    }
}
