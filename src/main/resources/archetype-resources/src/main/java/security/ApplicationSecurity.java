package ${package}.security;

import java.util.Map;

import ${package}.account.AccountPages;
import ${package}.account.ratelimit.RateLimits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The application filter chain: sign-in, sign-out, consent and the other pages. Passwords are checked by
 * {@link PasswordSignInProvider}, the only authentication provider bean (so it is registered once, globally). The protocol
 * endpoints are secured by {@link AuthorizationServerSecurity}, which sends browsers here to sign in.
 * The account pages (account/) are open to visitors, except changing the password; their rate limits
 * run in front of the form login.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSecurity {

    static final String LOGIN_PAGE = "/login";

    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(HttpSecurity http, RateLimits rateLimits) throws Exception {
        http.addFilterBefore(rateLimits.filter(), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", LOGIN_PAGE, "/error", "/css/**", "/images/**", "/favicon.ico").permitAll()
                        .requestMatchers(AccountPages.publicPaths()).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).failureHandler(signInFailures()))
                .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout").permitAll());
        SecurityHeaders.apply(http);
        return http.build();
    }

    /** Locked-out users are told so; every other failure gets one generic message. */
    private static ExceptionMappingAuthenticationFailureHandler signInFailures() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl(LOGIN_PAGE + "?error");
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), LOGIN_PAGE + "?locked"));
        return handler;
    }
}
