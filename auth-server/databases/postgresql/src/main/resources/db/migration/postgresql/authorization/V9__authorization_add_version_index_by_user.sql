-- Every save of an authorization that was read before checks that the row is still the one it read: a refresh
-- that read a grant before the user revoked it must not write it back (authorization/LoadedRow.java).
alter table oauth2_authorization add column version bigint default 0 not null;

-- The grants page lists every application that holds a live grant for the user, remembered consent or not.
create index ix_oauth2_authorization_principal_name on oauth2_authorization (principal_name, expires_at);
