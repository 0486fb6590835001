-- Shared by the wrk scripts of bench/run. Environment: BENCH_KEY (an API key), BENCH_NCASES (case ids
-- 1..N), BENCH_CORPUS (the corpus directory, for queries.txt and party_terms.txt).
local M = {}

M.key = os.getenv("BENCH_KEY") or error("BENCH_KEY is not set")
M.ncases = tonumber(os.getenv("BENCH_NCASES") or "1")
M.corpus = os.getenv("BENCH_CORPUS") or "."

-- Each wrk thread has its own Lua state: seed each one differently.
function M.seed()
    local addr = tonumber((tostring({}):match("0x(%x+)")) or "0", 16) or 0
    math.randomseed(os.time() + addr % 1000003)
    for _ = 1, 10 do math.random() end
end

function M.lines(name)
    local t = {}
    for line in io.lines(M.corpus .. "/" .. name) do
        if line ~= "" then t[#t + 1] = line end
    end
    assert(#t > 0, name .. " is empty")
    return t
end

function M.urlencode(s)
    return (s:gsub("[^%w%-_%.~]", function(ch) return string.format("%%%02X", string.byte(ch)) end))
end

function M.authorize()
    wrk.headers["Authorization"] = "Bearer " .. M.key
end

-- One machine-readable line for bench/run: rate, latency percentiles (ms) and every error count.
function M.done(summary, latency, requests)
    local secs = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        "WRK requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f "
        .. "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
        summary.requests, secs, summary.requests / secs,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        e.connect, e.read, e.write, e.status, e.timeout))
end

return M
