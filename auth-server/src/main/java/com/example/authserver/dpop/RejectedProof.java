package com.example.authserver.dpop;

/** Why a DPoP proof (or its absence) was refused: an RFC 9449 error code and a description for the client. */
final class RejectedProof extends Exception {

    static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";

    static final String USE_DPOP_NONCE = "use_dpop_nonce";

    private final String error;

    private RejectedProof(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    static RejectedProof invalid(String description) {
        return new RejectedProof(INVALID_DPOP_PROOF, description);
    }

    static RejectedProof nonceNeeded(String description) {
        return new RejectedProof(USE_DPOP_NONCE, description);
    }

    String error() {
        return error;
    }
}
