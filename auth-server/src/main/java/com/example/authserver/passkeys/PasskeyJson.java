package com.example.authserver.passkeys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.registration.WebAuthnRegistrationFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How Spring Security's passkey endpoints read the browser's JSON, except that a body of just {@code null}, or a
 * registration without its {@code publicKey} object, is unreadable: a failed sign-in (401) or registration (400).
 * Spring went on without a credential and failed with a 500.
 */
final class PasskeyJson extends JacksonJsonHttpMessageConverter {

    /** The registration filter's request type, private to Spring's package: known by name only. */
    private static final String REGISTRATION =
            WebAuthnRegistrationFilter.class.getName() + "$WebAuthnRegistrationRequest";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int MAX_BODY = 64 * 1024;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    PasskeyJson() {
        super(JsonMapper.builder().addModule(new WebauthnJacksonModule()).build());
    }

    /** The registration filter reads by class: the same checks. */
    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        return read(ResolvableType.forClass(type), input, null);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, @Nullable Map<String, Object> hints)
            throws IOException {
        // a passkey's JSON is a few kilobytes: a larger body is refused before anything holds it in memory
        byte[] body = input.getBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new HttpMessageNotReadableException("The body is larger than a passkey's", input);
        }
        if (REGISTRATION.equals(type.toClass().getName())) {
            JsonNode publicKey = JSON.readTree(body).path("publicKey");
            if (!publicKey.isObject()) {
                throw new HttpMessageNotReadableException("The body holds no public key", input);
            }
            // the passkey's name is stored as text: PostgreSQL refuses NUL, and no name needs control characters
            if (CONTROL.matcher(publicKey.path("label").asString("")).find()) {
                throw new HttpMessageNotReadableException("The passkey's name holds control characters", input);
            }
        }
        HttpInputMessage message = new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
        Object value = super.read(type, message, hints);
        if (value == null) {
            throw new HttpMessageNotReadableException("The body holds no credential", input);
        }
        return value;
    }
}
