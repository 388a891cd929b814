-- The grants page lists a user's consents, and deleting an account removes them: both look them up by user.
create index ix_oauth2_authorization_consent_principal on oauth2_authorization_consent (principal_name);
