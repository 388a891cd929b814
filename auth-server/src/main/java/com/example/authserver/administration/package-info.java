/**
 * What an administrator does to users, one way for every channel: the admin console, SCIM provisioning and the
 * {@code admin} command. Each change is checked, takes effect at once (sessions, tokens) and leaves an audit event.
 */
package com.example.authserver.administration;
