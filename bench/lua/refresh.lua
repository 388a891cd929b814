-- Scenario 3: refresh-token grants for the "interactive" client. Refresh tokens rotate, and presenting a used
-- one revokes its grant, so no token is ever sent twice: each thread starts with its share of the grants'
-- refresh tokens (BENCH_TOKENS, from bench/tokens.py) and puts the new refresh token of every answer back in
-- its queue. With more grants per thread than connections per thread the queue never runs dry; an answer
-- without a new token (an error) loses that grant, and a thread whose queue is empty stops.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

local queue

function init(args)
   start_thread()
   queue = my_tokens()
end

function request()
   local token = table.remove(queue)
   if not token then
      return stop_thread()
   end
   return form_post("/oauth2/token", "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
   count_status(status)
   local token = body:match('"refresh_token":"([^"]+)"')
   if token then
      table.insert(queue, token)
   end
end
