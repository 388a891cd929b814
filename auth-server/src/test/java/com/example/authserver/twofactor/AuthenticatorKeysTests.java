package com.example.authserver.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.example.authserver.keys.SecretCipher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/**
 * The authenticator key of each user, without a database: its encoding, that it is stored sealed for its user only,
 * and the last accepted time step that makes each code work once.
 */
class AuthenticatorKeysTests {

    final InMemoryUserTokens tokens = new InMemoryUserTokens();

    final SealingCipher cipher = new SealingCipher();

    final AuthenticatorKeys keys = new AuthenticatorKeys(tokens.repository, cipher.mock);

    @Test
    void aNewKeyIs160RandomBitsInBase32WithoutPadding() {
        String key = keys.replace("user-1");

        assertThat(key).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(key)).hasSize(20);
        assertThat(keys.replace("user-2")).isNotEqualTo(key);
    }

    @Test
    void theKeyIsStoredSealedForItsUserAndNeverInClear() {
        String key = keys.replace("user-1");

        String stored = tokens.value("user-1", AuthenticatorKeys.KEY);
        assertThat(stored).isNotNull().doesNotContain(key);
        assertThat(cipher.openText("authenticator key of user user-1", stored)).isEqualTo(key);
        assertThatThrownBy(() -> cipher.openText("authenticator key of user user-2", stored))
                .as("a sealed key copied to another user's row does not open")
                .isInstanceOf(IllegalStateException.class);
        assertThat(keys.find("user-1")).contains(key);
    }

    @Test
    void aUserWithoutAKeyHasNone() {
        assertThat(keys.find("user-1")).isEmpty();
    }

    @Test
    void findOrCreateKeepsAnExistingKey() {
        String key = keys.findOrCreate("user-1");

        assertThat(keys.findOrCreate("user-1")).isEqualTo(key);
    }

    @Test
    void replacingTheKeyEndsTheOldOne() {
        String old = keys.replace("user-1");

        String replaced = keys.replace("user-1");

        assertThat(replaced).isNotEqualTo(old);
        assertThat(keys.find("user-1")).contains(replaced);
    }

    @Test
    void aTimeStepIsAcceptedOnceAndNoEarlierStepAfterIt() {
        keys.replace("user-1");

        assertThat(keys.useStep("user-1", 1000)).isTrue();
        assertThat(keys.useStep("user-1", 1000)).as("the same code again").isFalse();
        assertThat(keys.useStep("user-1", 999)).as("an older code").isFalse();
        assertThat(keys.useStep("user-1", 1001)).isTrue();
        assertThat(tokens.value("user-1", AuthenticatorKeys.LAST_STEP)).isEqualTo("1001");
    }

    @Test
    void aNewKeyStartsWithNoStepUsed() {
        keys.replace("user-1");
        keys.useStep("user-1", 1000);

        keys.replace("user-1");

        assertThat(keys.useStep("user-1", 1000)).isTrue();
    }

    @Test
    void noStepIsAcceptedWithoutAKey() {
        assertThat(keys.useStep("user-1", 1000)).isFalse();

        keys.replace("user-1");
        keys.remove("user-1");

        assertThat(keys.useStep("user-1", 1000)).isFalse();
        assertThat(keys.find("user-1")).isEmpty();
    }

    @Test
    void ofTwoRequestsWithTheSameCodeOnlyTheFirstToWriteSucceeds() {
        keys.replace("user-1");
        tokens.afterNextRead(() -> tokens.put("user-1", AuthenticatorKeys.LAST_STEP, "1000"));

        assertThat(keys.useStep("user-1", 1000)).isFalse();
        assertThat(tokens.value("user-1", AuthenticatorKeys.LAST_STEP)).isEqualTo("1000");
    }

    @Test
    void stepsAreCountedPerUser() {
        keys.replace("user-1");
        keys.replace("user-2");

        assertThat(keys.useStep("user-1", 1000)).isTrue();
        assertThat(keys.useStep("user-2", 1000)).isTrue();
    }

    /**
     * A stand-in for the key-encryption key: a sealed text is a serial number, opened only for the owner it was sealed
     * for (as AES-GCM with the owner as associated data does; keys/SecretCipherTests checks the real cipher).
     */
    static final class SealingCipher {

        final SecretCipher mock = mock(SecretCipher.class);

        private final Map<String, String[]> sealed = new ConcurrentHashMap<>();

        private final AtomicInteger serial = new AtomicInteger();

        SealingCipher() {
            when(mock.sealText(anyString(), anyString())).thenAnswer(call -> {
                String text = "v1.sealed-" + serial.incrementAndGet();
                sealed.put(text, new String[] {call.getArgument(0), call.getArgument(1)});
                return text;
            });
            when(mock.openText(anyString(), anyString()))
                    .thenAnswer(call -> openText(call.getArgument(0), call.getArgument(1)));
        }

        String openText(String owner, String text) {
            String[] entry = sealed.get(text);
            if (entry == null || !entry[0].equals(owner)) {
                throw new IllegalStateException("A sealed value of " + owner + " cannot be decrypted");
            }
            return entry[1];
        }
    }
}
