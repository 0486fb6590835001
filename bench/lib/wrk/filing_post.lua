-- POST /api/v1/cases/{id}/filings to a random case, without an entry number (as filing_post.sql).
local c = dofile(os.getenv("BENCH_LIB") .. "/wrk/common.lua")
c.authorize()
wrk.headers["Content-Type"] = "application/json"
local body = '{"filed_on":"2026-06-01","kind":"notice",'
    .. '"title":"NOTICE of Appearance by Jordan Avery on behalf of the defendants",'
    .. '"description":"NOTICE of Appearance by Jordan Avery on behalf of the defendants. Attorney added to party (pty dft). '
    .. 'Notice of appearance of counsel; request for electronic notice of all filings. (Avery, Jordan) (Filed on 6/1/2026) '
    .. '(Entered: 06/01/2026)"}'
function init(args) c.seed() end
function request()
    return wrk.format("POST", "/api/v1/cases/" .. math.random(1, c.ncases) .. "/filings", nil, body)
end
done = c.done
