-- Scenario 4a: token introspection by m2m.client, cycling through a list of its access tokens (BENCH_TOKENS).
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

local requests_text = {}
local next_index = 1

function init(args)
   start_thread()
   for _, token in ipairs(my_tokens()) do
      table.insert(requests_text, form_post("/oauth2/introspect", "token=" .. token .. "&token_type_hint=access_token"))
   end
   assert(#requests_text > 0, "no token for this thread in " .. tostring(os.getenv("BENCH_TOKENS")))
end

function request()
   local text = requests_text[next_index]
   next_index = next_index % #requests_text + 1
   return text
end

function response(status, headers, body)
   count_status(status)
end
