-- Scenario 4b: token revocation by m2m.client; each request revokes another of its access tokens
-- (BENCH_TOKENS). A thread stops when its share of the list is used up, so size the list for the run.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

local tokens
local next_index = 1

function init(args)
   start_thread()
   tokens = my_tokens()
end

function request()
   local token = tokens[next_index]
   if not token then
      return stop_thread()
   end
   next_index = next_index + 1
   return form_post("/oauth2/revoke", "token=" .. token .. "&token_type_hint=access_token")
end

function response(status, headers, body)
   count_status(status)
end
