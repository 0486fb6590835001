-- GET of a random line of the file $BENCH_PATHS (request paths with their query strings) each time:
-- bench/search-scaling writes one such file per query class.
local c = dofile(os.getenv("BENCH_LIB") .. "/wrk/common.lua")
c.authorize()
local paths
function init(args)
    c.seed()
    paths = {}
    for line in io.lines(os.getenv("BENCH_PATHS") or error("BENCH_PATHS is not set")) do
        if line ~= "" then paths[#paths + 1] = line end
    end
    assert(#paths > 0, "no paths in " .. os.getenv("BENCH_PATHS"))
end
function request()
    return wrk.format("GET", paths[math.random(1, #paths)])
end
done = c.done
