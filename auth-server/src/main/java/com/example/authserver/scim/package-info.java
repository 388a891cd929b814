/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) at {@code /scim/v2}: {@code Users} (this server's users), {@code Groups}
 * (its roles), and the discovery endpoints, for OAuth clients holding scope {@code scim} or {@code admin}. The
 * resource model, filters and patch operations are UnboundID's SCIM 2 SDK; every change goes through
 * {@code administration/UserAdministration}, so a SCIM change is the same change, with the same audit event, as the
 * console's.
 */
package com.example.authserver.scim;
