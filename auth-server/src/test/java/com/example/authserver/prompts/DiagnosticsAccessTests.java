package com.example.authserver.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

/** Who the diagnostics page answers, without a server: by profile, setting and address. */
class DiagnosticsAccessTests {

    @Test
    void answersLoopbackOnlyByDefault() {
        Diagnostics diagnostics = new Diagnostics(new MockEnvironment(), new DiagnosticsProperties());

        assertThat(diagnostics.answers(from("127.0.0.1"))).isTrue();
        assertThat(diagnostics.answers(from("::1"))).isTrue();
        assertThat(diagnostics.answers(from("192.0.2.10"))).isFalse();
        assertThat(diagnostics.answers(from("localhost")))
                .as("a name is not an address")
                .isFalse();
    }

    @Test
    void answersEveryAddressWhenRemoteIsOn() {
        DiagnosticsProperties remote = new DiagnosticsProperties();
        remote.setRemote(true);

        assertThat(new Diagnostics(new MockEnvironment(), remote).answers(from("192.0.2.10")))
                .isTrue();
    }

    @Test
    void neverAnswersInTheProdProfileWhateverTheSetting() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        DiagnosticsProperties remote = new DiagnosticsProperties();
        remote.setRemote(true);

        assertThat(new Diagnostics(prod, remote).answers(from("127.0.0.1"))).isFalse();
        assertThat(new Diagnostics(prod, remote).answers(from("192.0.2.10"))).isFalse();
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return request;
    }
}
