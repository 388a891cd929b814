package com.example.authserver.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, which also refuses a NUL character in a parameter value (a 400, or RFC 6749's
 * {@code invalid_request} at the client endpoints: {@code security/ProtocolRequestErrors}). No form field or protocol
 * parameter holds one, and PostgreSQL refuses it in text, so a lookup with it (a client id, say) failed with a 500.
 */
@Configuration(proxyBeanMethods = false)
class RequestFirewall {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> value.indexOf(0) < 0);
        return firewall;
    }
}
