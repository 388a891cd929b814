package com.example.authserver.imports.identityserver;

import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * An IdentityServer client's token lifetimes and formats as this server's token settings, with IdentityServer's
 * defaults for columns an export leaves out. Refresh tokens always rotate here (the store keeps their hashes and
 * detects reuse), so {@code RefreshTokenUsage} ReUse and sliding expiration's absolute cap are reported, not kept.
 */
final class TokenLifetimes {

    private TokenLifetimes() {}

    static TokenSettings tokenSettings(SourceRow row, boolean refresh, List<String> warnings) {
        TokenSettings.Builder tokens = TokenSettings.builder()
                .accessTokenTimeToLive(seconds(row, "AccessTokenLifetime", 3600))
                .authorizationCodeTimeToLive(seconds(row, "AuthorizationCodeLifetime", 300))
                .deviceCodeTimeToLive(seconds(row, "DeviceCodeLifetime", 300))
                // rotation is required here: the store keeps refresh tokens' hashes and detects reuse
                .reuseRefreshTokens(false)
                .accessTokenFormat(
                        row.enumeration("AccessTokenType", 0, "Jwt", "Reference") == 1
                                ? OAuth2TokenFormat.REFERENCE
                                : OAuth2TokenFormat.SELF_CONTAINED);
        int identityToken = row.integer("IdentityTokenLifetime", 300);
        if (identityToken != 300) {
            warnings.add("IdentityTokenLifetime " + identityToken + " s not carried over: ID tokens here live 30"
                    + " minutes");
        }
        if (!refresh) {
            return tokens.build();
        }
        boolean sliding = row.enumeration("RefreshTokenExpiration", 1, "Sliding", "Absolute") == 0;
        if (sliding) {
            tokens.refreshTokenTimeToLive(seconds(row, "SlidingRefreshTokenLifetime", 1296000));
            warnings.add("sliding refresh token expiration: each rotated refresh token lives"
                    + " SlidingRefreshTokenLifetime; the absolute limit AbsoluteRefreshTokenLifetime is not enforced");
        } else if (row.integer("AbsoluteRefreshTokenLifetime", 2592000) <= 0) {
            tokens.refreshTokenTimeToLive(Duration.ofDays(30));
            warnings.add("AbsoluteRefreshTokenLifetime 0 (no limit) not carried over: refresh tokens live 30 days");
        } else {
            tokens.refreshTokenTimeToLive(seconds(row, "AbsoluteRefreshTokenLifetime", 2592000));
        }
        if (row.enumeration("RefreshTokenUsage", 1, "ReUse", "OneTimeOnly") == 0) {
            warnings.add("RefreshTokenUsage ReUse not carried over: refresh tokens rotate at every use here");
        }
        return tokens.build();
    }

    private static Duration seconds(SourceRow row, String column, int absent) {
        int seconds = row.integer(column, absent);
        if (seconds <= 0) {
            throw new IllegalArgumentException(column + " is " + seconds + ": a lifetime must be positive");
        }
        return Duration.ofSeconds(seconds);
    }
}
