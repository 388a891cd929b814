-- Shared by the scenario scripts (loaded with dofile). wrk runs each script once in its main Lua state
-- (setup, done) and once per thread (init, request, response).
--
-- Per thread: `thread_id` (0-based, from setup) and `non2xx`, the answers whose status is not 2xx (wrk's own
-- "status errors" count only 4xx and 5xx). At the end, done() prints one line
--   BENCH_JSON {...}
-- with the request count, the duration, the latency percentiles, every kind of error and the statuses of the non-2xx
-- answers ("statuses":{"503":4}); bench/harness/load.py reads it.
-- Settings come from the environment: BENCH_THREADS (wrk's -t), BENCH_AUTH (an Authorization header value),
-- BENCH_TOKENS (a file of tokens, one a line).

local threads = {}

function setup(thread)
   thread:set("thread_id", #threads)
   table.insert(threads, thread)
end

non2xx = 0
statuses = {}      -- per thread: status -> how many answers had it, for the non-2xx ones
thread_id = 0
started_at = nil   -- seconds since boot when this thread began (init)
stopped_after = -1 -- seconds this thread ran when it stopped early; -1 while it runs

-- Seconds since boot with 10 ms resolution (Lua has no finer clock; good enough for runs of seconds).
function uptime()
   local file = io.open("/proc/uptime")
   local value = tonumber(file:read("*l"):match("^(%S+)"))
   file:close()
   return value
end

-- Every scenario's init calls this first.
function start_thread()
   started_at = uptime()
end

function count_status(status)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      statuses[status] = (statuses[status] or 0) + 1
   end
end

-- The lines of BENCH_TOKENS that belong to this thread: line n goes to thread (n - 1) % BENCH_THREADS.
function my_tokens()
   local file = os.getenv("BENCH_TOKENS")
   local count = tonumber(os.getenv("BENCH_THREADS") or "1")
   local mine, n = {}, 0
   for line in io.lines(file) do
      if line ~= "" then
         if n % count == thread_id then
            table.insert(mine, line)
         end
         n = n + 1
      end
   end
   return mine
end

-- A form POST with the client's Basic credentials.
function form_post(path, body)
   return wrk.format("POST", path, {
      ["Authorization"] = os.getenv("BENCH_AUTH"),
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Accept"] = "application/json",
   }, body)
end

-- Stops this thread (its token list is used up). wrk needs a request all the same: a harmless GET, whose
-- answer is not waited for. wrk still reports the full -d duration, so the time the thread stopped is
-- kept: when every thread stopped early, done() divides by the longest of those times instead.
function stop_thread()
   if stopped_after < 0 then
      stopped_after = uptime() - started_at
   end
   wrk.thread:stop()
   return wrk.format("GET", "/.well-known/openid-configuration")
end

function done(summary, latency, requests)
   local bad, longest, all_stopped = 0, 0, true
   local by_status = {}
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non2xx") or 0)
      for status, count in pairs(thread:get("statuses") or {}) do
         by_status[status] = (by_status[status] or 0) + count
      end
      local ran = thread:get("stopped_after") or -1
      if ran < 0 then
         all_stopped = false
      elseif ran > longest then
         longest = ran
      end
   end
   local duration = summary.duration
   if all_stopped and longest > 0 then
      duration = math.floor(longest * 1e6)
   end
   local listed = {}
   for status, count in pairs(by_status) do
      table.insert(listed, string.format('"%d":%d', status, count))
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests":%d,"duration_us":%d,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,'
         .. '"max_ms":%.3f,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d,"stopped_early":%s,'
         .. '"statuses":{%s}}\n',
      summary.requests, duration,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bad, e.connect, e.read, e.write, e.timeout, e.status, tostring(all_stopped),
      table.concat(listed, ",")))
end
