-- The webhook receiver's raw rate: POSTs of a webhook-sized signed body to /raw/, as the service sends.
local c = dofile(os.getenv("BENCH_LIB") .. "/wrk/common.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["webhook-id"] = "123456"
wrk.headers["webhook-timestamp"] = "1767225600"
wrk.headers["webhook-signature"] = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="
wrk.headers["User-Agent"] = "DocketWatch-Webhooks/1.0"
wrk.body = string.rep("x", tonumber(os.getenv("BENCH_BODY_BYTES") or "900"))
local n = 0
function request()
    n = n + 1
    return wrk.format(nil, "/raw/" .. n)
end
done = c.done
