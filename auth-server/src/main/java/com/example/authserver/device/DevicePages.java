package com.example.authserver.device;

/** The address of the device flow's page, for the features that guard it (rate limits). */
public final class DevicePages {

    /** Where the user types the code a device shows: the {@code verification_uri} of device authorization. */
    public static final String ACTIVATE = "/activate";

    /** The form field of the code, as in {@code verification_uri_complete}. */
    public static final String USER_CODE_FIELD = "user_code";

    private DevicePages() {}
}
