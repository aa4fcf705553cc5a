-- wrk script of the submissions benchmark (bench/submit/submit.py): POST /api/tasks with the issue's mix of
-- reverse, sentiment and email tasks in turn, and a count of the answers by status, so that the benchmark reports
-- accepted tasks (202, or 200 from Flask) apart from any other answer.
local threads = {}
local n = 0
local kinds = {
  function(i) return '{"type":"reverse","text":"taskq benchmark task ' .. i .. '"}' end,
  function(i) return '{"type":"sentiment","text":"a good benchmark, task ' .. i .. '"}' end,
  function(i) return '{"type":"email","recipient":"user' .. i .. '@example.com","subject":"benchmark","body":"task ' .. i .. '"}' end,
}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  accepted, refused = 0, 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  n = n + 1
  local i = id * 100000000 + n
  return wrk.format(nil, "/api/tasks", nil, kinds[n % 3 + 1](i))
end

function response(status, headers, body)
  if status == 202 or status == 200 then
    accepted = accepted + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local a, r = 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    r = r + thread:get("refused")
  end
  io.write(string.format('RESULT {"accepted": %d, "refused": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "socket_errors": %d}\n',
    a, r, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
