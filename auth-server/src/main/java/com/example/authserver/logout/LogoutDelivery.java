package com.example.authserver.logout;

/**
 * One logout token to deliver: the data of a queued task (stored as JSON in {@code scheduled_tasks.task_data}). The
 * token itself is signed at each attempt, with the signing key current then.
 */
record LogoutDelivery(String issuer, String registeredClientId, String subject, String sid) {}
