-- wrk script of scripts/bench.sh for the mixed journey: every connection walks the steps of a
-- family's visit in turn (the map page, its offers payload, three filter changes, an offer's
-- page, a page of the open-data API), gzip accepted. Argument: the offer id to open.
-- Prints the same RESULT line as report.lua, whose `done` it uses.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local steps = {}
local step = 0

function init(args)
  local offer = args[1] or "1"
  steps = {
    "/",
    "/api/offers",
    "/?thema=fruehe-hilfen",
    "/?thema=fruehe-hilfen&alter=2",
    "/?thema=fruehe-hilfen&alter=2&kostenlos=1",
    "/angebot/" .. offer,
    "/api/v1/offers?seite=2",
  }
end

function request()
  step = step % #steps + 1
  return wrk.format("GET", steps[step])
end
