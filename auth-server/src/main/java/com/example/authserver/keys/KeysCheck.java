package com.example.authserver.keys;

import com.example.authserver.system.InsecureSetting;
import com.example.authserver.system.ProductionCheck;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/** In production the signing keys are encrypted with a key-encryption key from configuration, never a file. */
@Component
class KeysCheck implements ProductionCheck {

    private static final String SETTING = "authforge.keys.encryption-key (AUTHFORGE_KEYS_ENCRYPTION_KEY)";

    private final KeyProperties properties;

    KeysCheck(KeyProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<InsecureSetting> problems() {
        String key = properties.getEncryptionKey();
        if (key == null || key.isBlank()) {
            return List.of(new InsecureSetting(
                    SETTING,
                    "is not set; set it to the base64 of 32 random bytes (openssl rand -base64 32) and keep it safe"));
        }
        try {
            if (Base64.getDecoder().decode(key.strip()).length == 32) {
                return List.of();
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        return List.of(new InsecureSetting(SETTING, "must be the base64 of exactly 32 bytes"));
    }
}
