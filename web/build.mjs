// Builds the page's offline map from npm packages (run: npm ci && npm run build).
// world-atlas (ISC, Natural Earth data, public domain) gives country outlines as TopoJSON;
// topojson-client (ISC) decodes them here, at build time, so the page itself loads no
// library: it gets SVG path strings in an equirectangular projection (x = lon + 180,
// y = 90 - lat, in degrees, one decimal). The output is deterministic: same packages, same file.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const topo = JSON.parse(readFileSync(new URL("./node_modules/world-atlas/countries-110m.json", import.meta.url)));
const countries = feature(topo, topo.objects.countries).features;

const pt = ([lon, lat]) => `${(lon + 180).toFixed(1)},${(90 - lat).toFixed(1)}`;
const ring = (r) => "M" + r.map(pt).join("L") + "Z";
const path = (g) =>
  g.type === "Polygon" ? g.coordinates.map(ring).join("") : g.type === "MultiPolygon" ? g.coordinates.flat().map(ring).join("") : "";

const out = countries
  .filter((f) => f.geometry)
  .map((f) => ({ name: f.properties.name, d: path(f.geometry) }))
  .sort((a, b) => a.name.localeCompare(b.name));
writeFileSync(
  new URL("./vendor/world.json", import.meta.url),
  JSON.stringify({ source: "world-atlas 2.0.2 countries-110m (Natural Earth, public domain; package ISC)", width: 360, height: 180, countries: out }) + "\n",
);
console.log(`vendor/world.json: ${out.length} countries`);
