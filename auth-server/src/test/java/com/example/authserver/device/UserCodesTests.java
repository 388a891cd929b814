package com.example.authserver.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;

class UserCodesTests {

    static final RegisteredClient CLIENT = RegisteredClient.withId("id")
            .clientId("device")
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
            .tokenSettings(TokenSettings.builder()
                    .deviceCodeTimeToLive(Duration.ofMinutes(7))
                    .build())
            .build();

    final UserCodes codes = new UserCodes();

    @Test
    void codesAreEightLettersWithoutVowelsOrLookAlikesAndLiveAsLongAsTheDeviceCode() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            OAuth2UserCode code = codes.generate(context(OAuth2ParameterNames.USER_CODE));
            assertThat(code.getTokenValue()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
            assertThat(Duration.between(code.getIssuedAt(), code.getExpiresAt()))
                    .isEqualTo(Duration.ofMinutes(7));
            seen.add(code.getTokenValue());
        }
        assertThat(seen).as("random").hasSizeGreaterThan(990);
        assertThat(UserCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "A", "E", "U");
    }

    @Test
    void onlyUserCodesAreGenerated() {
        assertThat(codes.generate(context(OAuth2ParameterNames.DEVICE_CODE))).isNull();
    }

    @Test
    void typedCodesAreReadWhateverTheCaseSpacesAndDashes() {
        assertThat(UserCodes.normalize("BCDF-GHJK")).isEqualTo("BCDF-GHJK");
        assertThat(UserCodes.normalize("bcdfghjk")).isEqualTo("BCDF-GHJK");
        assertThat(UserCodes.normalize(" bcdf - ghjk ")).isEqualTo("BCDF-GHJK");
        assertThat(UserCodes.normalize("b-c-d-f g h j k")).isEqualTo("BCDF-GHJK");
    }

    @Test
    void whatCannotBeACodeIsNoCode() {
        for (String typed : new String[] {
            null, "", "BCDF-GHJ", "BCDF-GHJKL", "BCDF-GHJ0", "BCDF_GHJK", "AEIO-UBCD", "ＢＣＤＦＧＨＪＫ", "x".repeat(100_000)
        }) {
            assertThat(UserCodes.normalize(typed)).as("%.20s", typed).isNull();
        }
    }

    private static DefaultOAuth2TokenContext context(String tokenType) {
        return DefaultOAuth2TokenContext.builder()
                .registeredClient(CLIENT)
                .tokenType(new OAuth2TokenType(tokenType))
                .build();
    }
}
