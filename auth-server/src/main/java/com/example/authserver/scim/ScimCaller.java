package com.example.authserver.scim;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who calls the SCIM endpoints: the OAuth client of the token, the user it was issued for (null for a
 * client-credentials token), and whether it holds scope {@code admin}, which alone may touch administrators.
 */
record ScimCaller(String clientId, String userId, String name, boolean adminScope) {

    private static final String ATTRIBUTE = ScimCaller.class.getName();

    void store(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The caller {@link ScimAccess} let in; every SCIM controller runs behind it. */
    static ScimCaller of(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        if (caller instanceof ScimCaller scimCaller) {
            return scimCaller;
        }
        throw new IllegalStateException("SCIM request without a checked caller");
    }
}
