-- Scenario 1: client_credentials tokens for m2m.client (HTTP Basic, scope1), the same request every time.
-- With BENCH_SAVE set, each thread also writes the access tokens it receives to BENCH_SAVE.<thread>
-- (the warm-up run does: its tokens feed the introspection and revocation scenarios). BENCH_TOKEN_PATH changes the
-- token endpoint's path (Keycloak's is /realms/<realm>/protocol/openid-connect/token).
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

local request_text
local saved

function init(args)
   start_thread()
   request_text = form_post(os.getenv("BENCH_TOKEN_PATH") or "/oauth2/token", "grant_type=client_credentials&scope=scope1")
   local save = os.getenv("BENCH_SAVE")
   if save and save ~= "" then
      saved = io.open(save .. "." .. thread_id, "w")
   end
end

function request()
   return request_text
end

function response(status, headers, body)
   count_status(status)
   if saved and status == 200 then
      local token = body:match('"access_token":"([^"]+)"')
      if token then
         saved:write(token, "\n")
         saved:flush()
      end
   end
end
