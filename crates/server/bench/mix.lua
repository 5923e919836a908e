-- wrk script: a mix of the API's query kinds, cycled in order, so a load run exercises
-- every query rather than one cached path. Usage (server on 127.0.0.1:8080):
--   wrk -t2 -c64 -d30s --latency -s crates/server/bench/mix.lua http://127.0.0.1:8080
-- Bounded by -d; it only ever targets the address given.
local paths = {
  "/api/search?q=government&limit=20",
  "/api/search?q=market%20growth&limit=20",
  "/api/quotes?topic=election&limit=20",
  "/api/quotes?speaker=Blair&limit=20",
  "/api/claims?category=other&limit=20",
  "/api/claims?place=UK&limit=20",
  "/api/disagreements?category=other&window_days=30&limit=20",
  "/api/events?actor=Blair&limit=20",
  "/api/entities?name=Tony%20Blair",
  "/api/entities/1",
}
-- /api/stats is left out: it counts every table (hundreds of ms on a store of a million
-- articles), a dashboard call rather than a query kind.
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
