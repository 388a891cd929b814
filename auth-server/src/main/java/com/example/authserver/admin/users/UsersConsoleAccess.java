package com.example.authserver.admin.users;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The Users pages are for administrators only. */
@Component
class UsersConsoleAccess implements com.example.authserver.security.ApplicationChainContribution {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(UserPages.LIST, UserPages.LIST + "/**").hasRole("ADMIN");
    }
}
