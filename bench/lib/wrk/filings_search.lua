-- GET /api/v1/filings?q=..., a random query from the corpus's queries.txt each time.
local c = dofile(os.getenv("BENCH_LIB") .. "/wrk/common.lua")
c.authorize()
local paths
function init(args)
    c.seed()
    paths = {}
    for _, q in ipairs(c.lines("queries.txt")) do paths[#paths + 1] = "/api/v1/filings?q=" .. c.urlencode(q) end
end
function request()
    return wrk.format("GET", paths[math.random(1, #paths)])
end
done = c.done
