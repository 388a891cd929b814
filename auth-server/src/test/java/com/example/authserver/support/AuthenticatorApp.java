package com.example.authserver.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.example.authserver.support.Browser.Page;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * A phone's authenticator app: reads the key from the set-up page as a person would type it, and shows codes
 * (RFC 6238 through the java-otp library, as apps do) for the server's clock. {@link #enable} goes through the
 * manage pages to turn two-factor sign-in on.
 */
public final class AuthenticatorApp {

    private final String key;

    private final Clock clock;

    public AuthenticatorApp(String key, Clock clock) {
        this.key = key.replace(" ", "");
        this.clock = clock;
    }

    /** Opens the set-up page in a signed-in browser, scans the key, and proves it; returns the app and the codes. */
    public static Enabled enable(Browser browser, Clock clock) {
        Page setUp = browser.navigate("/account/two-factor/enable");
        assertThat(setUp.status()).isEqualTo(200);
        AuthenticatorApp app = new AuthenticatorApp(
                setUp.document().selectFirst(".authenticator-key").text(), clock);
        Page codes = browser.follow(
                browser.submit(setUp, "form[action$=/account/two-factor/enable]", Map.of("code", app.code())));
        assertThat(codes.document().select("h1").text()).isEqualTo("Your recovery codes");
        return new Enabled(app, codes.document().select(".recovery-codes code").eachText());
    }

    public record Enabled(AuthenticatorApp app, List<String> recoveryCodes) {}

    /** The code the app shows now. */
    public String code() {
        return codeAt(clock.instant());
    }

    /** The code of the next 30-second step (what the app shows half a minute later). */
    public String nextCode() {
        return codeAt(clock.instant().plus(Duration.ofSeconds(30)));
    }

    private String codeAt(Instant instant) {
        try {
            return new TimeBasedOneTimePasswordGenerator()
                    .generateOneTimePasswordString(
                            new SecretKeySpec(new Base32().decode(key), "HmacSHA1"), instant, Locale.ROOT);
        } catch (InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
