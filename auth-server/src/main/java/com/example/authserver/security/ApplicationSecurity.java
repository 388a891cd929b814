package com.example.authserver.security;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.RecentSignIn;
import com.example.authserver.account.ratelimit.RateLimits;
import com.example.authserver.external.ExternalSignIn;
import com.example.authserver.passkeys.PasskeySignIn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * The application filter chain: sign-in, sign-out, consent and the other pages. Passwords are checked by
 * {@link PasswordSignInProvider}, the only authentication provider bean (so it is registered once, globally). The protocol
 * endpoints are secured by {@link AuthorizationServerSecurity}, which sends browsers here to sign in.
 * The account pages (account/) are open to visitors, except changing the password; their rate limits
 * run in front of the form login, and changes that need a recent sign-in are held by {@link RecentSignIn}. Sign-in through upstream OpenID Connect providers, when configured, is
 * added by {@link ExternalSignIn}; passkeys (registering them, signing in with them) by {@link PasskeySignIn}.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSecurity {

    static final String LOGIN_PAGE = "/login";

    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(HttpSecurity http, RateLimits rateLimits, SignedInUsers signedInUsers,
            RecentSignIn recentSignIn, ExternalSignIn externalSignIn, PasskeySignIn passkeySignIn) throws Exception {
        http.addFilterBefore(rateLimits.filter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(signedInUsers.stampValidation(), SecurityContextHolderFilter.class)
                .addFilterAfter(recentSignIn.filter(), CsrfFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", LOGIN_PAGE, PendingSignIn.PAGE, PendingSignIn.PAGE + "/passkey/**",
                                "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.DELETE, PasskeySignIn.REMOVAL_ENDPOINT).denyAll()
                        .requestMatchers(AccountPages.publicPaths()).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new MalformedCsrfTokens()))
                .formLogin(form -> form.loginPage(LOGIN_PAGE).failureHandler(new SignInFailures(LOGIN_PAGE)))
                .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout").permitAll());
        externalSignIn.applyTo(http);
        passkeySignIn.applyTo(http);
        SecurityHeaders.apply(http);
        return http.build();
    }
}
