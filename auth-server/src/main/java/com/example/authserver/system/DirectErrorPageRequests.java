package com.example.authserver.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error page's address is for the container's error dispatches only: opened directly, it answered 500 (Spring
 * Boot's error controller finds no error and reports an internal one). Now it is a page that is not there, 404.
 */
@Configuration(proxyBeanMethods = false)
class DirectErrorPageRequests {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> errorPageNotFoundWhenOpenedDirectly(Environment environment) {
        String errorPath = environment.getProperty("server.error.path", "/error");
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws IOException {
                        response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    }
                });
        // requests only (the default): the error dispatches that render the page pass
        registration.setUrlPatterns(List.of(errorPath));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
