package com.example.authserver.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * The application filter chain: sign-in, sign-out, consent and the other pages. Passwords are checked by
 * {@link PasswordSignInProvider}, the only authentication provider bean (so it is registered once, globally). The
 * protocol endpoints are secured by {@link AuthorizationServerSecurity}, which sends browsers here to sign in.
 * Each feature adds its part as an {@link ApplicationChainContribution} bean: the account pages open to visitors, the
 * rate limits in front of the form login, sign-in through upstream providers, passkeys; changes that need a recent
 * sign-in are held by {@link RecentSignIn}.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(
            HttpSecurity http,
            SignedInUsers signedInUsers,
            RecentSignIn recentSignIn,
            ObjectProvider<ApplicationChainContribution> contributionBeans)
            throws Exception {
        List<ApplicationChainContribution> contributions =
                contributionBeans.orderedStream().toList();
        http.addFilterAfter(signedInUsers.stampValidation(), SecurityContextHolderFilter.class)
                .addFilterAfter(signedInUsers.passwordChangeGate(), SecurityContextHolderFilter.class)
                .addFilterAfter(recentSignIn.filter(), CsrfFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(
                                    "/",
                                    SignedInUsers.LOGIN_PAGE,
                                    PendingSignIn.PAGE,
                                    PendingSignIn.PAGE + "/passkey/**",
                                    "/error",
                                    "/css/**",
                                    "/js/**",
                                    "/images/**",
                                    "/favicon.ico")
                            .permitAll();
                    contributions.forEach(contribution -> contribution.authorize(requests));
                    requests.requestMatchers(contributions.stream()
                                    .flatMap(contribution -> contribution.publicPaths().stream())
                                    .toArray(String[]::new))
                            .permitAll();
                    requests.requestMatchers("/actuator/health", "/actuator/health/**")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasRole("ADMIN")
                            .anyRequest()
                            .authenticated();
                })
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new MalformedCsrfTokenHandler()))
                .formLogin(form -> form.loginPage(SignedInUsers.LOGIN_PAGE)
                        .failureHandler(new SignInFailureHandler(SignedInUsers.LOGIN_PAGE)))
                .logout(logout -> logout.logoutSuccessUrl(SignedInUsers.LOGIN_PAGE + "?logout")
                        .permitAll());
        for (ApplicationChainContribution contribution : contributions) {
            contribution.configure(http);
        }
        SecurityHeaders.apply(http);
        return http.build();
    }
}
