package com.example.authserver.identity;

/**
 * Published when too many failed checks (passwords, second-factor codes) lock a user out: the owner is told by email
 * (account/SecurityNotices), while the sign-in page tells nobody more than "invalid user name or password".
 */
public record UserLockedOut(String userId) {}
