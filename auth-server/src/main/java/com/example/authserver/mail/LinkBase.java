package com.example.authserver.mail;

import com.example.authserver.system.IssuerProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where the links in an email point, and the language of the email. The base is the configured issuer
 * (always set in production), so that a forged Host header cannot send a reset link to another site;
 * in development, without an issuer, the address the request came to.
 */
public record LinkBase(String baseUrl, Locale locale) {

    public static LinkBase of(HttpServletRequest request, IssuerProperties issuer) {
        String base = StringUtils.hasText(issuer.getIssuer())
                ? issuer.getIssuer()
                : ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return new LinkBase(StringUtils.trimTrailingCharacter(base, '/'), RequestContextUtils.getLocale(request));
    }

    public String page(String path) {
        return baseUrl + path;
    }

    public String page(String path, String token) {
        return baseUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
