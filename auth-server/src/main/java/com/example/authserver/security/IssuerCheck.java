package com.example.authserver.security;

import com.example.authserver.system.InsecureSetting;
import com.example.authserver.system.IssuerProperties;
import com.example.authserver.system.ProductionCheck;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/** In production the issuer is fixed and public: tokens must not name whatever host a request used. */
@Component
class IssuerCheck implements ProductionCheck {

    private final IssuerProperties issuer;

    IssuerCheck(IssuerProperties issuer) {
        this.issuer = issuer;
    }

    @Override
    public List<InsecureSetting> problems() {
        String value = issuer.getIssuer();
        if (value == null || value.isBlank()) {
            return List.of(
                    problem("is not set; set it to the public URL of this server, e.g. https://login.example.com"));
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException ex) {
            return List.of(problem("'" + value + "' is not a URL"));
        }
        if (!"https".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            return List.of(problem("'" + value + "' must be an https URL without query or fragment"));
        }
        return List.of();
    }

    private static InsecureSetting problem(String problem) {
        return new InsecureSetting("authforge.issuer (AUTHFORGE_ISSUER)", problem);
    }
}
