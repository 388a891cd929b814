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

    /** The page the signed-out page loads in a hidden frame (OpenID Connect Front-Channel Logout 1.0). */
    public static final String FRONT_CHANNEL_URI = "frontchannel_logout_uri";

    /** Whether the client needs {@code iss} and {@code sid} on its front-channel URI (they are always added here). */
    public static final String FRONT_CHANNEL_SESSION_REQUIRED = "frontchannel_logout_session_required";

    private LogoutClientSettings() {}
}
