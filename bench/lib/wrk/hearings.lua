-- GET /api/v1/hearings?from=D&to=D+6: a random week of the calendar. BENCH_HBASE (unix day of the
-- first possible D) and BENCH_HSPAN (how many days later the last one is) come from the corpus.
local c = dofile(os.getenv("BENCH_LIB") .. "/wrk/common.lua")
c.authorize()
local base = tonumber(os.getenv("BENCH_HBASE"))
local span = tonumber(os.getenv("BENCH_HSPAN"))
function init(args) c.seed() end
function request()
    local d = base + math.random(0, span)
    return wrk.format("GET", "/api/v1/hearings?from=" .. os.date("!%Y-%m-%d", d * 86400)
        .. "&to=" .. os.date("!%Y-%m-%d", (d + 6) * 86400))
end
done = c.done
