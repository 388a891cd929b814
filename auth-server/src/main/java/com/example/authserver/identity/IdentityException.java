package com.example.authserver.identity;

/** A rule of the identity store was broken; {@link #getCode()} says which (as ASP.NET's IdentityError does). */
public class IdentityException extends RuntimeException {

    private final String code;

    public IdentityException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
