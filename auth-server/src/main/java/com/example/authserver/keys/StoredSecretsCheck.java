package com.example.authserver.keys;

import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Whether the key-encryption key this process has opens what the database already holds sealed: the signing keys,
 * which the server seals when it first starts. A process that seals secrets for the server to open later (an import
 * of authenticator keys) checks this first: sealed with another key (the development key file, when
 * AUTHFORGE_KEYS_ENCRYPTION_KEY was not set for a production database, say), every value would fail only later, at
 * each user's sign-in.
 */
@Component
public class StoredSecretsCheck {

    private final SigningKeyStore signingKeys;

    private final KeyEncryptionKeySource keySource;

    StoredSecretsCheck(SigningKeyStore signingKeys, KeyEncryptionKeySource keySource) {
        this.signingKeys = signingKeys;
        this.keySource = keySource;
    }

    /**
     * Whether the newest stored signing key opens with this key-encryption key; true when none is stored yet (the
     * server then seals its first key with the key it starts with, which should be this one).
     */
    public boolean opensStoredSigningKeys() {
        return signingKeys.newestOpens();
    }

    /**
     * Unless {@link #opensStoredSigningKeys}: throws the caller's failure (an ImportFailure, say), whose message names
     * the key used and the setting to give.
     */
    public void requireOpensStoredSigningKeys(Function<String, ? extends RuntimeException> failure) {
        if (!opensStoredSigningKeys()) {
            throw failure.apply("The signing keys in the target database do not open with "
                    + keySource.description()
                    + ", so secrets sealed now could not be opened by the server: run with the server's"
                    + " key-encryption key (authforge.keys.encryption-key, environment variable"
                    + " AUTHFORGE_KEYS_ENCRYPTION_KEY)");
        }
    }
}
