package com.example.authserver.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Published when the signed-in user changed their own security settings in the session of {@code request} (password,
 * email, second factor, passkeys, external logins): that session goes on, and the user's other sessions end (the
 * security stamp changed). Features that track sessions act on it (back-channel logout tells their clients).
 */
public record OtherSessionsEnded(String userId, HttpServletRequest request) {}
