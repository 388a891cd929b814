-- The administration console (admin/users): an administrator can require a user to choose a new password at their
-- next sign-in (security/PasswordChangeGate holds the signed-in user on that page until they have).
alter table users add column password_change_required boolean default false not null;

-- The console searches users by prefix (normalized_user_name like 'ADA%'). Under a database collation other than C,
-- PostgreSQL uses a plain b-tree index for equality only; these operator classes serve the prefix search too.
create index ix_users_normalized_user_name_prefix on users (normalized_user_name varchar_pattern_ops);
create index ix_users_normalized_email_prefix on users (normalized_email varchar_pattern_ops);
