package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeActor;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeCompositeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * What a stored authorization keeps of the signed-in user is their id and authorities, never the principal
 * object: any user class, with any property, survives save and load.
 */
@ServerTest
class StoredPrincipalTests {

    private static final Instant SIGNED_IN_AT = Instant.parse("2026-03-04T05:06:07.891011Z");

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestServer server;

    @Test
    void aCustomPrincipalClassComesBackAsItsNameAndAuthorities() {
        ApplicationUser entity = testUsers.create("custom-principal");
        List<GrantedAuthority> authorities = List.of(
                new SimpleGrantedAuthority("ROLE_admin"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(SIGNED_IN_AT)
                        .build());
        RegisteredClient client = clients.findByClientId("interactive");
        OAuth2Authorization authorization = TestAuthorizations.pending(client, entity.getId())
                .attribute(StoredPrincipal.ATTRIBUTE, new CustomAuthentication(new CustomUser(entity), authorities))
                .build();

        authorizations.save(authorization);
        OAuth2Authorization loaded = authorizations.findById(authorization.getId());

        Authentication principal = loaded.getAttribute(StoredPrincipal.ATTRIBUTE);
        assertThat(principal).isInstanceOf(UsernamePasswordAuthenticationToken.class);
        assertThat(principal.isAuthenticated()).isTrue();
        assertThat(principal.getName()).isEqualTo(entity.getId());
        assertThat(principal.getPrincipal()).isInstanceOf(User.class);
        assertThat(principal.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_admin", FactorGrantedAuthority.PASSWORD_AUTHORITY);
        assertThat(principal.getAuthorities())
                .filteredOn(FactorGrantedAuthority.class::isInstance)
                .singleElement()
                .extracting(authority -> ((FactorGrantedAuthority) authority).getIssuedAt())
                .as("the sign-in time the ID token's auth_time comes from")
                .isEqualTo(SIGNED_IN_AT);
    }

    @Test
    void aClaimOfACustomTypeIsStoredAsItsText() {
        RegisteredClient client = clients.findByClientId("interactive");
        Instant now = Instant.now();
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                TestAuthorizations.unique("access-token"),
                now,
                now.plusSeconds(900));
        OAuth2Authorization authorization = TestAuthorizations.pending(client, "user-with-department")
                .token(
                        accessToken,
                        metadata -> metadata.put(
                                OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                                Map.of(
                                        "sub",
                                        "user-with-department",
                                        "department",
                                        new Department("Research"),
                                        "iat",
                                        now)))
                .build();

        authorizations.save(authorization);
        OAuth2Authorization loaded = authorizations.findByToken(accessToken.getTokenValue(), null);

        assertThat(loaded.getAccessToken().getClaims())
                .containsEntry("department", "Department[name=Research]")
                .containsEntry("iat", now)
                .containsEntry("sub", "user-with-department");
    }

    @Test
    void aTokenExchangeDelegationKeepsItsSubjectAndActors() {
        RegisteredClient client = clients.findByClientId("interactive");
        OAuth2TokenExchangeActor actor =
                new OAuth2TokenExchangeActor(Map.of("iss", "https://issuer.example", "sub", "service-a"));
        OAuth2Authorization authorization = TestAuthorizations.pending(client, "delegating-user")
                .attribute(
                        StoredPrincipal.ATTRIBUTE,
                        new OAuth2TokenExchangeCompositeAuthenticationToken(
                                TestAuthorizations.signedIn("delegating-user"), List.of(actor)))
                .build();

        authorizations.save(authorization);
        Object principal = authorizations.findById(authorization.getId()).getAttribute(StoredPrincipal.ATTRIBUTE);

        assertThat(principal)
                .isInstanceOfSatisfying(OAuth2TokenExchangeCompositeAuthenticationToken.class, composite -> {
                    assertThat(composite.getSubject().getName()).isEqualTo("delegating-user");
                    assertThat(composite.getActors()).containsExactly(actor);
                });
    }

    @Test
    void anIdTokenIssuedOnRefreshKeepsTheTimeTheUserSignedIn() throws Exception {
        OIDCTokenResponse signedIn =
                SignInFlow.signIn(server.browser(), server.interactiveClient(), "openid", "bob", "Pass123$");
        Date authTime = signedIn.getOIDCTokens().getIDToken().getJWTClaimsSet().getDateClaim("auth_time");

        OIDCTokenResponse refreshed = (OIDCTokenResponse) server.interactiveClient()
                .refresh(signedIn.getOIDCTokens().getRefreshToken())
                .toSuccessResponse();

        assertThat(authTime).isNotNull();
        assertThat(refreshed.getOIDCTokens().getIDToken().getJWTClaimsSet().getDateClaim("auth_time"))
                .isEqualTo(authTime);
    }

    record Department(String name) {}

    /** A user class the framework's serializer has never heard of, holding an entity. */
    static final class CustomUser implements UserDetails {

        private final ApplicationUser entity;

        private final Thread notSerializable = Thread.currentThread();

        CustomUser(ApplicationUser entity) {
            this.entity = entity;
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.of();
        }

        @Override
        public String getPassword() {
            return entity.getPasswordHash();
        }

        @Override
        public String getUsername() {
            return entity.getUserName() + notSerializable.getName();
        }
    }

    static final class CustomAuthentication extends AbstractAuthenticationToken {

        private final CustomUser user;

        CustomAuthentication(CustomUser user, Collection<? extends GrantedAuthority> authorities) {
            super(authorities);
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.entity.getId();
        }
    }
}
