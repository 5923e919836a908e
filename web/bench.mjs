// Page weight and time to first render of the corpus view and the article view, in headless
// Chromium against a store of the bundled samples: `node bench.mjs` (after `npm ci`; needs
// target/release/newsgraph). Prints bytes transferred (page + API answers) and the browser's
// first-contentful-paint and the time until the view's content is drawn, median of 5 loads.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = process.env.NEWSGRAPH_BIN || join(ROOT, "target/release/newsgraph");
const db = join(mkdtempSync(join(tmpdir(), "newsgraph-webbench-")), "corpus.db");
execFileSync(BIN, ["ingest", "--quiet", "--db", db, join(ROOT, "samples")]);
const server = spawn(BIN, ["serve", "--db", db, "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((ok) => server.stdout.on("data", (d) => { const m = String(d).match(/listening on (http:\/\/\S+)/); if (m) ok(m[1]); }));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const seed = (await (await fetch(`${base}/api/articles?limit=500`)).json()).articles.find((a) => a.ext_id === "seed-000");

async function measure(name, hash, ready) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext(); // cold cache each time
    const page = await ctx.newPage();
    let bytes = 0;
    page.on("response", async (r) => { try { bytes += (await r.body()).length; } catch {} });
    const t0 = Date.now();
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector(ready, { state: "attached" });
    const drawn = Date.now() - t0;
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
    runs.push({ bytes, fcp, drawn });
    await ctx.close();
  }
  const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[2];
  console.log(`${name.padEnd(14)} weight ${(med("bytes") / 1024).toFixed(1)} KiB  first paint ${med("fcp").toFixed(0)} ms  content drawn ${med("drawn")} ms`);
}
await measure("corpus view", "#/", "#h-people");
await measure("article view", `#/article/${seed.id}`, "#quotes");
await browser.close();
server.kill();
