package com.example.authserver.samples.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the API does for a caller whose token {@link ApiSecurity} accepted: {@code /identity} (scope {@code scope1})
 * shows the claims of the caller's access token, as the API sees them; {@code /hello} (scope {@code scope2}) greets.
 */
@RestController
class IdentityController {

    /** The access token's claims, times as seconds since the epoch (as in the token). */
    @GetMapping("/identity")
    Map<String, Object> identity(@AuthenticationPrincipal Jwt token) {
        Map<String, Object> claims = new LinkedHashMap<>();
        token.getClaims().forEach((name, value) -> claims.put(name, readable(value)));
        return claims;
    }

    @GetMapping("/hello")
    Map<String, Object> hello(@AuthenticationPrincipal Jwt token) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "Hello, " + token.getSubject() + "!");
        answer.put("client_id", token.getClaimAsString("client_id"));
        return answer;
    }

    private static Object readable(Object value) {
        return value instanceof Instant instant ? instant.getEpochSecond() : value;
    }
}
