-- GET /api/v1/cases/{id}/filings?limit=50, a random case each time.
local c = dofile(os.getenv("BENCH_LIB") .. "/wrk/common.lua")
c.authorize()
function init(args) c.seed() end
function request()
    return wrk.format("GET", "/api/v1/cases/" .. math.random(1, c.ncases) .. "/filings?limit=50")
end
done = c.done
