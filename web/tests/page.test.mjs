// End-to-end tests of the web page in headless Chromium (Debian's chromium, driven by
// playwright-core). They ingest the bundled samples into a fresh store, start
// `newsgraph serve` on a free loopback port, and look at the page as a reader would.
// Screenshots go to target/web-artifacts/. Needs NEWSGRAPH_BIN (default target/release/newsgraph)
// and CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = process.env.NEWSGRAPH_BIN || join(ROOT, "target/release/newsgraph");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ART = join(ROOT, "target/web-artifacts");
const SEED_GOLD = join(ROOT, "../shared/eval/seed/gold.json");

let server, browser, page, base;

before(async () => {
  mkdirSync(ART, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-web-"));
  const db = join(dir, "corpus.db");
  execFileSync(BIN, ["ingest", "--quiet", "--db", db, join(ROOT, "samples")], { stdio: "inherit" });
  server = spawn(BIN, ["serve", "--db", db, "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((ok, fail) => {
    let out = "";
    server.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) ok(m[1]);
    });
    server.on("exit", (c) => fail(new Error(`newsgraph serve exited with ${c}`)));
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => assert.fail(`page error: ${e.message}`));
});

after(async () => {
  await browser?.close();
  server?.kill();
});

async function seedArticleId() {
  const res = await fetch(`${base}/api/articles?limit=500`);
  const { articles } = await res.json();
  const seed = articles.find((a) => a.ext_id === "seed-000");
  assert.ok(seed, "the seed article is in the store");
  return seed.id;
}

test("the seed article view shows its seven direct quotes with their speakers", async () => {
  const id = await seedArticleId();
  await page.goto(`${base}/#/article/${id}`);
  await page.waitForSelector("#quotes");
  // Direct quotes in the gold's sense: whole quotations and quoted fragments (partial).
  const direct = await page.$$eval(".quote-item:is([data-kind=direct],[data-kind=partial]) .speaker", (els) => els.map((e) => e.textContent.trim()));
  assert.equal(direct.length, 7, `direct quotes shown: ${direct.join(" | ")}`);
  assert.ok(direct.every((s) => s && s !== "?"), "every direct quote shows a speaker");
  if (existsSync(SEED_GOLD)) {
    const gold = JSON.parse(readFileSync(SEED_GOLD, "utf8"));
    for (const q of gold.quotes.filter((q) => q.kind !== "indirect" && !q.optional)) {
      const last = q.speaker.split(" ").pop();
      assert.ok(direct.some((s) => s.includes(last)), `speaker ${q.speaker} is shown`);
    }
  }
  // The margin names speakers too, and a click on a fact reaches its evidence in the text.
  assert.ok((await page.$$(".margin span")).length >= 7);
  await page.click(".quote-item button");
  await page.waitForSelector("mark.flash");
  await page.screenshot({ path: join(ART, "article.png"), fullPage: true });
});

test("a person's page lists what they said", async () => {
  await page.goto(`${base}/#/`);
  await page.waitForSelector("#h-people");
  const link = await page.$("section[aria-labelledby=h-people] a");
  assert.ok(link, "the corpus view lists people");
  await link.click();
  await page.waitForSelector("#said");
  assert.match(await page.textContent("h1"), /\w/);
  await page.screenshot({ path: join(ART, "person.png"), fullPage: true });
});

test("the claim timeline draws one point per dated claim", async () => {
  await page.goto(`${base}/#/timeline?category=killed`);
  await page.waitForSelector("#timeline circle.claim");
  const n = await page.$$eval("#timeline circle.claim", (c) => c.length);
  assert.ok(n >= 1, "points drawn");
  await page.screenshot({ path: join(ART, "timeline.png"), fullPage: true });
});

test("the map draws countries and the places mentioned", async () => {
  await page.goto(`${base}/#/map`);
  await page.waitForSelector("#map circle.place");
  assert.ok((await page.$$eval("#map path", (p) => p.length)) > 100, "country outlines drawn");
  assert.ok((await page.$$eval("#map circle.place", (c) => c.length)) >= 5, "places drawn");
  await page.screenshot({ path: join(ART, "map.png"), fullPage: true });
});

test("events told inside a quotation say by whose account, in the events list and the article", async () => {
  const { events } = await (await fetch(`${base}/api/events?limit=1000`)).json();
  const claimed = events.filter((e) => e.claimant);
  assert.ok(claimed.length >= 1, "the samples have events reported in someone's words");
  await page.goto(`${base}/#/events`);
  await page.waitForSelector("#events tbody tr");
  const shown = await page.$$eval("#events .claimant", (els) => els.map((e) => e.textContent.trim()));
  assert.equal(shown.length, claimed.length, "one 'according to' per event with a claimant");
  assert.ok(shown.includes(`according to ${claimed[0].claimant.name}`), shown.join(" | "));
  // The claimant filter narrows the list to that speaker's account.
  await page.goto(`${base}/#/events?claimant=${claimed[0].claimant.id}`);
  await page.waitForSelector("#events tbody tr");
  const rows = await page.$$eval("#events tbody tr", (r) => r.length);
  assert.equal(rows, claimed.filter((e) => e.claimant.id === claimed[0].claimant.id).length);
  // The article view names the claimant of the same event.
  await page.goto(`${base}/#/article/${claimed[0].article.id}`);
  await page.waitForSelector(".event-item");
  const inArticle = await page.$$eval(".event-item .claimant", (els) => els.map((e) => e.textContent.trim()));
  assert.ok(inArticle.length >= 1 && inArticle.every((t) => /^according to \S/.test(t) && !t.endsWith("?")), inArticle.join(" | "));
});

test("pasted text is analysed without being stored", async () => {
  const before = await (await fetch(`${base}/api/stats`)).json();
  await page.goto(`${base}/#/paste`);
  await page.fill("#paste-text", "The city’s mayor, Vadim Boichenko, said on Monday that 160,000 civilians were trapped.");
  await page.fill("input[name=date]", "2022-03-28");
  await page.click("#paste-form button[type=submit]");
  await page.waitForSelector("mark.n");
  const after = await (await fetch(`${base}/api/stats`)).json();
  assert.equal(after.articles, before.articles);
  await page.screenshot({ path: join(ART, "paste.png"), fullPage: true });
});

test("the page works on a narrow window and from the keyboard", async () => {
  const narrow = await browser.newPage({ viewport: { width: 380, height: 800 } });
  await narrow.goto(`${base}/#/`);
  await narrow.waitForSelector("#h-arts");
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling (overflow ${overflow}px)`);
  // The skip link shows when focused and takes the keyboard to the content; Tab then walks the navigation.
  await narrow.focus(".skip");
  assert.ok((await narrow.$eval(".skip", (e) => e.getBoundingClientRect().left)) >= 0, "the focused skip link is visible");
  await narrow.keyboard.press("Tab");
  assert.equal(await narrow.evaluate(() => document.activeElement.textContent), "newsgraph", "Tab reaches the first link");
  for (let i = 0; i < 5; i++) await narrow.keyboard.press("Tab");
  assert.equal(await narrow.evaluate(() => document.activeElement.textContent), "Analyse a text", "Tab walks the navigation in order");
  await narrow.keyboard.press("Enter");
  await narrow.waitForSelector("#paste-form");
  await narrow.screenshot({ path: join(ART, "narrow.png"), fullPage: true });
  await narrow.close();
});
