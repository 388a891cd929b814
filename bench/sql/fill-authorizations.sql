-- Stored authorizations for scenario 5, inserted straight into the H2 file database while the server is stopped.
-- bench/harness/h2.py runs this with H2's RunScript (the H2 jar taken from the server's own jar), once per block of rows,
-- after setting four variables:
--   @FIRST, @LAST  the numbers of the rows of this block (a later call with the next numbers adds more, no clash);
--   @STEP          2^63 / (the largest row number + 1), which spreads the keys over the key space (below);
--   @USERS         how many bench users exist (seed-users.sql): the authorization_code grants belong to them.
--
-- The rows are what the server writes (authorization/AuthorizationColumns.java, the V3 migration), copied from rows it
-- wrote for the development clients:
--   4 in 5: a client_credentials grant of m2m.client: one access token (valid 1 h, issued in the last 50 minutes);
--   1 in 5: an authorization_code grant of "interactive" for one of the bench users: the used code, an access token,
--           an ID token and a refresh token (valid 30 days), the authorization request and the user in the attributes,
--           the token claims in the metadata.
-- Every hashed token column gets a distinct value: 64 hex characters, as the server stores the SHA-256 of a token.
-- Here the first 16 are the row number times @STEP (so the values are spread evenly over the lower half of the key
-- space, and each block is inserted in key order, which makes the fill several times faster than random keys) and
-- the last 48 tell the columns apart. The server's own tokens hash to random values, which fall between these.
-- Ids are UUID-shaped from the same 16 characters. expires_at is the latest expiry of the valid tokens, in the
-- future: nothing here is due for the clean-up job.

insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
    authorized_scopes, attributes, expires_at, access_token_hash, access_token_issued_at, access_token_expires_at,
    access_token_metadata, access_token_type, access_token_scopes)
select substring(k, 1, 8) || '-' || substring(k, 9, 4) || '-' || substring(k, 13, 4) || '-8000-00000000000a',
    c.id, 'm2m.client', 'client_credentials', 'scope1',
    '{"@class":"java.util.LinkedHashMap"}',
    dateadd(second, 3600 - mod(x, 3000), current_timestamp),
    k || 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    dateadd(second, -mod(x, 3000), current_timestamp),
    dateadd(second, 3600 - mod(x, 3000), current_timestamp),
    '{"@class":"java.util.LinkedHashMap","org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat":"self-contained","metadata.token.claims":{"@class":"java.util.LinkedHashMap","sub":"m2m.client","aud":["java.util.ArrayList",["m2m.client"]],"nbf":["java.time.Instant",1795588375.094839087],"scope":["java.util.LinkedHashSet",["scope1"]],"iss":"http://127.0.0.1:9000","exp":["java.time.Instant",1795591975.094839087],"iat":["java.time.Instant",1795588375.094839087],"jti":"'
        || k || '-53cc-436f-8fac"},"metadata.token.invalidated":false}',
    'Bearer', 'scope1'
from (select x, lower(rawtohex(cast(cast(x * @STEP as bigint) as varbinary(8)))) k
      from system_range(@FIRST, @LAST) where mod(x, 5) <> 0) r
cross join (select id from oauth2_registered_client where client_id = 'm2m.client') c;

insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
    authorized_scopes, attributes, expires_at,
    authorization_code_hash, authorization_code_issued_at, authorization_code_expires_at, authorization_code_metadata,
    access_token_hash, access_token_issued_at, access_token_expires_at, access_token_metadata, access_token_type,
    access_token_scopes,
    oidc_id_token_hash, oidc_id_token_issued_at, oidc_id_token_expires_at, oidc_id_token_metadata,
    refresh_token_hash, refresh_token_issued_at, refresh_token_expires_at, refresh_token_metadata)
select substring(k, 1, 8) || '-' || substring(k, 9, 4) || '-' || substring(k, 13, 4) || '-8000-00000000000c',
    c.id, u.id, 'authorization_code', 'openid profile scope2 email',
    '{"@class":"java.util.LinkedHashMap","org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest":{"@class":"org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest","additionalParameters":{"@class":"java.util.Collections$UnmodifiableMap","code_challenge":"BqBco7SOS2eeKDHCnU_KLGzFqJnfYJKJ41HEv8oWbro","code_challenge_method":"S256"},"attributes":{"@class":"java.util.Collections$UnmodifiableMap"},"authorizationGrantType":{"value":"authorization_code"},"authorizationRequestUri":"http://127.0.0.1:9000/oauth2/authorize?response_type=code&client_id=interactive&scope=openid%20profile%20scope2%20email&state=_gXaUCFrCNrGtIEVuLh-xA&redirect_uri=http://127.0.0.1:8080/login/oauth2/code/interactive&code_challenge=BqBco7SOS2eeKDHCnU_KLGzFqJnfYJKJ41HEv8oWbro&code_challenge_method=S256","authorizationUri":"http://127.0.0.1:9000/oauth2/authorize","clientId":"interactive","redirectUri":"http://127.0.0.1:8080/login/oauth2/code/interactive","responseType":{"value":"code"},"scopes":["java.util.Collections$UnmodifiableSet",["openid","profile","scope2","email"]],"state":"_gXaUCFrCNrGtIEVuLh-xA"},"java.security.Principal":{"@class":"java.util.LinkedHashMap","name":"'
        || u.id || '","authorities":["java.util.ArrayList",[{"@class":"java.util.LinkedHashMap","authority":"FACTOR_PASSWORD","factorIssuedAt":"2026-11-25T06:32:57.132379087Z"}]]}}',
    dateadd(second, 2592000 - mod(x, 86400), current_timestamp),
    k || 'cccccccccccccccccccccccccccccccccccccccccccccccc',
    dateadd(second, -mod(x, 86400), current_timestamp),
    dateadd(second, 300 - mod(x, 86400), current_timestamp),
    '{"@class":"java.util.LinkedHashMap","metadata.token.invalidated":true}',
    k || 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    dateadd(second, -mod(x, 86400), current_timestamp),
    dateadd(second, 900 - mod(x, 86400), current_timestamp),
    '{"@class":"java.util.LinkedHashMap","org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat":"self-contained","metadata.token.claims":{"@class":"java.util.LinkedHashMap","sub":"'
        || u.id || '","website":"http://bench.example.com","email_verified":true,"iss":"http://127.0.0.1:9000","preferred_username":"'
        || u.user_name || '","given_name":"Bench","aud":["java.util.ArrayList",["interactive"]],"nbf":["java.time.Instant",1795588377.346233227],"scope":["java.util.LinkedHashSet",["openid","profile","scope2","email"]],"name":"Bench User","exp":["java.time.Instant",1795589277.346233227],"iat":["java.time.Instant",1795588377.346233227],"family_name":"User","jti":"'
        || k || '-fb1c-4707","email":"' || u.email || '"},"metadata.token.invalidated":false}',
    'Bearer', 'openid profile scope2 email',
    k || 'dddddddddddddddddddddddddddddddddddddddddddddddd',
    dateadd(second, -mod(x, 86400), current_timestamp),
    dateadd(second, 1800 - mod(x, 86400), current_timestamp),
    '{"@class":"java.util.LinkedHashMap","metadata.token.claims":{"@class":"java.util.LinkedHashMap","sub":"'
        || u.id || '","website":"http://bench.example.com","email_verified":true,"iss":"http://127.0.0.1:9000","preferred_username":"'
        || u.user_name || '","given_name":"Bench","sid":"xVPuvhTbOgXM10k8rcR0-8YR78_Sd6CcSwXKnDrMBKE","aud":["java.util.ArrayList",["interactive"]],"azp":"interactive","auth_time":["java.util.Date",1795588377132],"name":"Bench User","exp":["java.time.Instant",1795590177.364297698],"iat":["java.time.Instant",1795588377.364297698],"family_name":"User","jti":"'
        || k || '-dade-422e","email":"' || u.email || '"},"metadata.token.invalidated":false}',
    k || 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
    dateadd(second, -mod(x, 86400), current_timestamp),
    dateadd(second, 2592000 - mod(x, 86400), current_timestamp),
    '{"@class":"java.util.LinkedHashMap","metadata.token.invalidated":false}'
from (select x, lower(rawtohex(cast(cast(x * @STEP as bigint) as varbinary(8)))) k
      from system_range(@FIRST, @LAST) where mod(x, 5) = 0) r
cross join (select id from oauth2_registered_client where client_id = 'interactive') c
join users u on u.id = '00000000-0000-4000-8000-' || lpad(cast(mod(r.x, @USERS) + 1 as varchar), 12, '0');
