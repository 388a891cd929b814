package com.example.authserver.logout;

/**
 * The names of a client's logout settings, as {@code ClientSettings} custom settings (the names of OpenID Connect
 * dynamic client registration). clients/Clients sets them on the {@code interactive} client by these names.
 */
public final class LogoutClientSettings {

    /** Where the client receives logout tokens (OpenID Connect Back-Channel Logout 1.0). */
    public static final String BACK_CHANNEL_URI = "backchannel_logout_uri";

    /** Whether the client needs the {@code sid} claim in logout tokens (they always carry it here). */
    public static final String BACK_CHANNEL_SESSION_REQUIRED = "backchannel_logout_session_required";

    private LogoutClientSettings() {}
}
