-- The bench users for scenario 2 (password sign-ins), inserted straight into the H2 file database while the
-- server is stopped (bench/harness/h2.py runs this with H2's RunScript, the H2 jar taken from the server's own jar).
-- Before this file, harness/h2.py sets @USERS (how many) and @HASH (one Argon2id hash of the bench password, made once
-- by bench/limits with the server's encoder, identity/PasswordHashing: every row shares it).
--
-- User n (1..@USERS) is bench-<n, 5 digits>, id 00000000-0000-4000-8000-<n, 12 digits>, email confirmed, enabled,
-- lockout enabled, no failed attempt: what identity/UserManager.create writes, without the hashing.
-- Each also has a remembered consent for the "interactive" client with every scope the sign-in asks for (what the
-- consent page stores when "Remember my decision" is ticked), so a sign-in ends at the redirect with the code.

insert into users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash,
    security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled,
    access_failed_count, given_name, family_name, enabled)
select '00000000-0000-4000-8000-' || lpad(cast(x as varchar), 12, '0'),
    'bench-' || lpad(cast(x as varchar), 5, '0'),
    'BENCH-' || lpad(cast(x as varchar), 5, '0'),
    'bench-' || lpad(cast(x as varchar), 5, '0') || '@example.com',
    'BENCH-' || lpad(cast(x as varchar), 5, '0') || '@EXAMPLE.COM',
    true, @HASH, cast(random_uuid() as varchar), 0, false, false, true, 0, 'Bench', 'User ' || x, true
from system_range(1, @USERS);

insert into oauth2_authorization_consent (registered_client_id, principal_name, authorities)
select c.id, u.id, 'SCOPE_openid,SCOPE_email,SCOPE_scope2,SCOPE_profile'
from users u cross join (select id from oauth2_registered_client where client_id = 'interactive') c
where u.user_name like 'bench-%';
