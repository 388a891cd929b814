package com.example.authserver.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading prompt, max_age, acr_values and id_token_hint from an authorization request, without a server. */
class RequestedSignInTests {

    static final Set<String> SUPPORTED = Set.of("none", "login", "consent", "select_account", "create");

    @Test
    void readsTheValues() {
        RequestedSignIn requested = RequestedSignIn.of(
                Map.of("prompt", "login  consent", "max_age", "300", "acr_values", "mfa 1fa", "id_token_hint", "x.y.z"),
                SUPPORTED);

        assertThat(requested.prompts()).containsExactlyInAnyOrder("login", "consent");
        assertThat(requested.maxAge()).isEqualTo(300L);
        assertThat(requested.acrValues()).containsExactly("mfa", "1fa");
        assertThat(requested.idTokenHint()).isEqualTo("x.y.z");
        assertThat(requested.freshSignIn()).isTrue();
        assertThat(requested.silent()).isFalse();
    }

    @Test
    void maxAgeZeroIsAFreshSignIn() {
        assertThat(RequestedSignIn.of(Map.of("max_age", "0"), SUPPORTED).freshSignIn())
                .isTrue();
        assertThat(RequestedSignIn.of(Map.of(), SUPPORTED).asksAnything()).isFalse();
    }

    @Test
    void refusesWhatCannotBeHonoured() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestedSignIn.of(Map.of("prompt", "none login"), SUPPORTED));
        assertThatIllegalArgumentException().isThrownBy(() -> RequestedSignIn.of(Map.of("prompt", "later"), SUPPORTED));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestedSignIn.of(Map.of("prompt", "create"), Set.of("none", "login")));
        for (String maxAge : new String[] {"-1", "1.5", "", "99999999999", "1e3"}) {
            assertThatIllegalArgumentException()
                    .as(maxAge)
                    .isThrownBy(() -> RequestedSignIn.of(Map.of("max_age", maxAge), SUPPORTED));
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestedSignIn.of(Map.of("id_token_hint", "a".repeat(20_000)), SUPPORTED));
    }
}
