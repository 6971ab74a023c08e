-- wrk script: POSTs the JSON-RPC request in $RPC_BODY and counts answers that are not results
-- (a 200 carrying "error" is a failure too), printed after wrk's own summary.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("RPC_BODY") or error("set RPC_BODY to a JSON-RPC request")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  rpc_errors = 0
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"error"', 1, true) then
    rpc_errors = rpc_errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("rpc_errors")
  end
  io.write(string.format("JSON-RPC errors: %d\n", total))
end
