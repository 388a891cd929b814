package com.example.authserver.identity;

/** Published when an account at an upstream provider is linked to a user: the owner is told by email. */
public record ExternalLoginAdded(String userId, String providerDisplayName) {}
