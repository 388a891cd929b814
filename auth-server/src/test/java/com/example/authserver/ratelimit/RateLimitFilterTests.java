package com.example.authserver.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.security.PendingSignIn;
import com.example.authserver.support.ManualClock;
import jakarta.servlet.Filter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which requests the filter counts ({@link RateLimitedAction}) and what it answers past a limit, with mock requests
 * and buckets in memory: every limit here is one attempt per account. account/RateLimitTests does the same over HTTP.
 */
class RateLimitFilterTests {

    final RateLimitProperties properties = new RateLimitProperties();

    final Filter filter = new RateLimits(
                    properties, new MemoryBuckets(1000, new ManualClock(Instant.parse("2030-01-01T10:00:00Z"))))
            .filter();

    @BeforeEach
    void onePerAccount() {
        for (RateLimitProperties.Action action : new RateLimitProperties.Action[] {
            properties.getSignIn(),
            properties.getRegistration(),
            properties.getPasswordReset(),
            properties.getConfirmationResend(),
            properties.getCodeVerification()
        }) {
            action.getPerAccount().setAttempts(1);
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSignInFormIsLimitedPerUserNameTyped() throws Exception {
        assertThat(post("/login", Map.of("username", "alice")).getStatus()).isEqualTo(200);

        assertThat(post("/login", Map.of("username", "alice")).getStatus()).isEqualTo(429);
        assertThat(post("/login", Map.of("username", "bob")).getStatus()).isEqualTo(200);
    }

    @Test
    void theAccountFormsAreLimitedPerEmailTyped() throws Exception {
        for (String path :
                new String[] {"/account/register", "/account/forgot-password", "/account/resend-confirmation"}) {
            assertThat(post(path, Map.of("email", "ana@example.com")).getStatus())
                    .as(path)
                    .isEqualTo(200);
            assertThat(post(path, Map.of("email", "ana@example.com")).getStatus())
                    .as(path)
                    .isEqualTo(429);
        }
    }

    @Test
    void linkingAnExternalLoginIsLimitedLikeASignIn() throws Exception {
        post("/account/external-login/link", Map.of("username", "alice"));

        assertThat(post("/account/external-login/link", Map.of("username", "alice"))
                        .getStatus())
                .isEqualTo(429);
    }

    @Test
    void aSecondFactorCodeIsLimitedPerUserOfThePendingSignIn() throws Exception {
        assertThat(postWithPendingSignIn("user-1").getStatus()).isEqualTo(200);

        assertThat(postWithPendingSignIn("user-1").getStatus()).isEqualTo(429);
        assertThat(postWithPendingSignIn("user-2").getStatus()).isEqualTo(200);
    }

    @Test
    void enablingTwoFactorIsLimitedPerSignedInUser() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("user-1", null));
        post("/account/two-factor/enable", Map.of("code", "123456"));

        assertThat(post("/account/two-factor/enable", Map.of("code", "654321")).getStatus())
                .isEqualTo(429);
    }

    @Test
    void past429TheAnswerSaysWhenToTryAgainInWholeSecondsRoundedUp() throws Exception {
        post("/login", Map.of("username", "alice"));

        MockHttpServletResponse refused = post("/login", Map.of("username", "alice"));

        // one attempt comes back after 10 minutes (the sign-in period): 600 seconds, and the part of a second after
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("601");
    }

    @Test
    void aRefusedRequestGoesNoFurther() throws Exception {
        post("/login", Map.of("username", "alice"));
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request("POST", "/login", Map.of("username", "alice")), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void onlyPostsAreCounted() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(
                    request("GET", "/login", Map.of("username", "alice")), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).isNotNull();
        }
        assertThat(post("/login", Map.of("username", "alice")).getStatus()).isEqualTo(200);
    }

    @Test
    void otherPathsAreNotCounted() throws Exception {
        for (String path : new String[] {"/login/other", "/logout", "/account/register/", "/Login", "/"}) {
            assertThat(post(path, Map.of("username", "alice", "email", "a@example.com"))
                            .getStatus())
                    .as(path)
                    .isEqualTo(200);
            assertThat(post(path, Map.of("username", "alice", "email", "a@example.com"))
                            .getStatus())
                    .as(path)
                    .isEqualTo(200);
        }
    }

    @Test
    void aPathSpelledWithPercentEscapesCountsAsThePlainOne() throws Exception {
        post("/login", Map.of("username", "alice"));

        assertThat(post("/log%69n", Map.of("username", "alice")).getStatus()).isEqualTo(429);
    }

    private MockHttpServletResponse postWithPendingSignIn(String userId) throws Exception {
        MockHttpServletRequest request = request("POST", "/login/two-factor", Map.of("code", "123456"));
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(PendingSignIn.USER_ATTRIBUTE, userId);
        request.setSession(session);
        return run(request);
    }

    private MockHttpServletResponse post(String path, Map<String, String> form) throws Exception {
        return run(request("POST", path, form));
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String method, String path, Map<String, String> form) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("192.0.2.1");
        form.forEach(request::addParameter);
        return request;
    }
}
