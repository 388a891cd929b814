package com.example.authserver.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import com.example.authserver.security.IssuerProperties;

import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where the links in an email point, and the language of the email. The base is the configured issuer
 * (always set in production), so that a forged Host header cannot send a reset link to another site;
 * in development, without an issuer, the address the request came to.
 */
record LinkBase(String baseUrl, Locale locale) {

    static LinkBase of(HttpServletRequest request, IssuerProperties issuer) {
        String base = StringUtils.hasText(issuer.getIssuer()) ? issuer.getIssuer()
                : ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return new LinkBase(StringUtils.trimTrailingCharacter(base, '/'), RequestContextUtils.getLocale(request));
    }

    String page(String path) {
        return baseUrl + path;
    }

    String page(String path, String token) {
        return baseUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
