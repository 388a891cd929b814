package com.example.authserver.ciba;

/**
 * A backchannel authentication request refused, with the error code of CIBA Core section 13 and the HTTP status it
 * goes with (400, or 401 for client authentication, 429 when the client asks too often).
 */
class CibaError extends RuntimeException {

    static final String INVALID_REQUEST = "invalid_request";

    static final String INVALID_SCOPE = "invalid_scope";

    static final String UNKNOWN_USER_ID = "unknown_user_id";

    static final String UNAUTHORIZED_CLIENT = "unauthorized_client";

    static final String INVALID_BINDING_MESSAGE = "invalid_binding_message";

    static final String INVALID_CLIENT = "invalid_client";

    static final String SLOW_DOWN = "slow_down";

    private final String code;

    private final int status;

    CibaError(String code, String description) {
        this(code, description, 400);
    }

    CibaError(String code, String description, int status) {
        super(description, null, false, false);
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
