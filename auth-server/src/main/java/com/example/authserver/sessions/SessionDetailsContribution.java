package com.example.authserver.sessions;

import com.example.authserver.security.ApplicationChainContribution;
import com.example.authserver.security.ProtocolContribution;
import java.time.Clock;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;

/** {@link SessionDetails} in both filter chains: a sign-in may be followed by protocol requests only. */
@Component
class SessionDetailsContribution implements ApplicationChainContribution, ProtocolContribution {

    private final SessionDetails details;

    SessionDetailsContribution(Clock clock) {
        this.details = new SessionDetails(clock);
    }

    @Override
    public void configure(HttpSecurity http) {
        http.addFilterAfter(details, AuthorizationFilter.class);
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        http.addFilterAfter(details, AuthorizationFilter.class);
    }
}
