-- wrk script for bench/run. Reads the requests to send from the file named
-- by BENCH_REQUESTS, one per line, tab-separated:
--   method <TAB> path <TAB> cookie header (or empty) <TAB> form body (or empty)
-- Each thread walks the list from its own starting point, so connections
-- rotate through members (cookies) and pages. Every response whose status is
-- not BENCH_EXPECT (200 unless set; 303 for form posts) is counted as bad.
-- At the end one line goes to standard output for bench/run to read:
--   BENCH <responses> <per second> <p50 ms> <p99 ms> <bad> <expected>

local expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
local threads = {}
local counter = 0

function setup(thread)
  thread:set("start", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local requests = {}
local position = 1
bad = 0
expected = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    local method, path, cookie, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
    local headers = {}
    if cookie ~= "" then headers["Cookie"] = cookie end
    if body == "" then
      body = nil
    else
      headers["Content-Type"] = "application/x-www-form-urlencoded"
    end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
  if #requests == 0 then error("no requests in " .. os.getenv("BENCH_REQUESTS")) end
  -- Threads start apart so that they do not send the same member's requests together.
  position = (start * 7919) % #requests + 1
end

function request()
  local chosen = requests[position]
  position = position % #requests + 1
  return chosen
end

function response(status, headers, body)
  if status == expect then
    expected = expected + 1
  else
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local bad_total, expected_total = 0, 0
  for _, thread in ipairs(threads) do
    bad_total = bad_total + thread:get("bad")
    expected_total = expected_total + thread:get("expected")
  end
  -- Sockets that failed (connect, read, write, timeout) are bad responses too.
  local errors = summary.errors
  bad_total = bad_total + errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH %d %.1f %.2f %.2f %d %d\n", summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad_total, expected_total))
end
