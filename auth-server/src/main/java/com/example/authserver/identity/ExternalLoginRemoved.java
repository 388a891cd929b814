package com.example.authserver.identity;

/** Published when the link to an account at an upstream provider is removed from a user (the audit trail records it). */
public record ExternalLoginRemoved(String userId, String userName, String loginProvider) {}
