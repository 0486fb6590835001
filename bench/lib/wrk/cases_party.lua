-- GET /api/v1/cases?party=..., a random party-name substring from the corpus's party_terms.txt each time.
local c = dofile(os.getenv("BENCH_LIB") .. "/wrk/common.lua")
c.authorize()
local paths
function init(args)
    c.seed()
    paths = {}
    for _, t in ipairs(c.lines("party_terms.txt")) do paths[#paths + 1] = "/api/v1/cases?party=" .. c.urlencode(t) end
end
function request()
    return wrk.format("GET", paths[math.random(1, #paths)])
end
done = c.done
