package com.example.authserver.registration;

/**
 * A refused registration request, answered as RFC 7591 §3.2.2 says: {@code error} and {@code error_description} in
 * JSON, with 400 for bad metadata and 401 for a missing, used-up or wrong token (RFC 6750's {@code invalid_token}).
 */
final class RegistrationError extends RuntimeException {

    static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";

    static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";

    static final String INVALID_TOKEN = "invalid_token";

    private final int status;

    private final String code;

    private RegistrationError(int status, String code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
    }

    static RegistrationError metadata(String description) {
        return new RegistrationError(400, INVALID_CLIENT_METADATA, description);
    }

    static RegistrationError redirectUri(String description) {
        return new RegistrationError(400, INVALID_REDIRECT_URI, description);
    }

    static RegistrationError token(String description) {
        return new RegistrationError(401, INVALID_TOKEN, description);
    }

    static RegistrationError tooMany(String description) {
        return new RegistrationError(429, "invalid_request", description);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
