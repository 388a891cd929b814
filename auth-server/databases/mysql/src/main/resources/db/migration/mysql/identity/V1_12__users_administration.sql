-- The administration console (admin/users): an administrator can require a user to choose a new password at their
-- next sign-in (security/PasswordChangeGate holds the signed-in user on that page until they have).
alter table users add column password_change_required boolean default false not null;
-- The console's prefix search (normalized_user_name like 'ADA%', normalized_email like 'ADA%') is served by the
-- baseline's uk_users_normalized_user_name and ix_users_normalized_email.
