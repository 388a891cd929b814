package com.example.authserver.external;

/** An upstream provider's discovery document could not be read or used: the provider is down or misconfigured. */
class ProviderUnavailableException extends RuntimeException {

    ProviderUnavailableException(String providerId, Throwable cause) {
        super("External login provider '" + providerId + "' is unavailable", cause);
    }
}
