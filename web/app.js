// newsgraph's web page: a small hash-routed page over the JSON API (/api, see /openapi.json).
// No framework and no network beyond this server: everything it draws (text marks, the
// timeline, the map) is built here from the API's answers.

const main = document.getElementById("main");
const CATEGORIES = ["killed", "injured", "displaced", "trapped", "evacuated", "arrested", "missing", "affected", "other"];
const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

// ---------- small helpers ----------
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const qs = (o) => new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "")).toString();
const fmtNum = (v) => (v === null || v === undefined ? "?" : Number(v).toLocaleString("en"));
const articleLink = (a) => `<a href="#/article/${a.id}">${esc(a.title || a.ext_id)}</a>`;
const entityLink = (e) => (e ? `<a href="#/entity/${e.id}">${esc(e.name)}</a>` : "");

async function api(path, opts) {
  const res = await fetch(path, opts);
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

function show(html, title) {
  main.innerHTML = html;
  document.title = title ? `${title} — newsgraph` : "newsgraph";
  main.focus({ preventScroll: true });
}

function fail(err) {
  show(`<p class="error" role="alert">Could not load this view: ${esc(err.message)}</p>`, "Error");
}

// ---------- routing ----------
const routes = [
  [/^#\/?$/, home],
  [/^#\/article\/(\d+)$/, (m) => articleView(m[1])],
  [/^#\/entity\/(\d+)$/, (m) => entityView(m[1])],
  [/^#\/search$/, (m, p) => searchView(p.get("q") || "")],
  [/^#\/timeline$/, (m, p) => timelineView(p)],
  [/^#\/map$/, mapView],
  [/^#\/events$/, (m, p) => eventsView(p)],
  [/^#\/paste$/, pasteView],
];

async function route() {
  const [path, query] = (location.hash || "#/").split("?");
  const params = new URLSearchParams(query || "");
  for (const [re, view] of routes) {
    const m = path.match(re);
    if (m) {
      try {
        await view(m, params);
      } catch (e) {
        fail(e);
      }
      return;
    }
  }
  show(`<p class="error" role="alert">No such page: ${esc(location.hash)}</p>`);
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  location.hash = `#/search?${qs({ q: document.getElementById("search-q").value })}`;
});
window.addEventListener("hashchange", route);
route();

// ---------- corpus home ----------
async function home() {
  const [stats, arts, people] = await Promise.all([api("/api/stats"), api("/api/articles?limit=50"), api("/api/entities?type=PERSON&limit=25")]);
  const card = (label, n) => `<div class="card"><b>${fmtNum(n)}</b>${label}</div>`;
  show(
    `<h1>Corpus</h1>
    <div class="cards">${card("articles", stats.articles)}${card("entities", stats.entities)}${card("quotes", stats.quotes)}${card("claims", stats.claims)}${card("events", stats.events)}</div>
    <div class="cols">
      <section aria-labelledby="h-arts"><h2 id="h-arts">Articles</h2><ul class="plain">${arts.articles
        .map((a) => `<li>${articleLink(a)} <span class="meta">${esc(a.outlet || "")} ${esc(a.date || "")}</span></li>`)
        .join("")}</ul></section>
      <section aria-labelledby="h-people"><h2 id="h-people">People</h2><ul class="plain">${people
        .map((e) => `<li>${entityLink(e)} <span class="meta">${e.articles} article${e.articles === 1 ? "" : "s"}</span></li>`)
        .join("")}</ul></section>
    </div>`,
    "Corpus",
  );
}

// ---------- search ----------
async function searchView(q) {
  document.getElementById("search-q").value = q;
  if (!q.trim()) return show(`<h1>Search</h1><p>Type words to look for in the search box above.</p>`, "Search");
  const hits = await api(`/api/search?${qs({ q, limit: 50 })}`);
  const snippet = (s) => esc(s).replace(/\[/g, "<mark class=q>").replace(/\]/g, "</mark>");
  show(
    `<h1>Search: ${esc(q)}</h1><p class="meta">${hits.length} article${hits.length === 1 ? "" : "s"}</p>
    <ul class="plain">${hits.map((h) => `<li>${articleLink(h.article)} <span class="meta">${esc(h.article.date || "")}</span><br>${snippet(h.snippet)}</li>`).join("")}</ul>`,
    `Search ${q}`,
  );
}

// ---------- article view ----------
async function articleView(id) {
  const a = await api(`/api/articles/${id}`);
  renderArticle(a.record, a.text, a.article, a.entities || {});
}

/** Draws an article: its text with every fact marked, speakers in the margin, and a panel
 * listing the facts; clicking a fact scrolls to its evidence. `corpusIds` maps the record's
 * entity ids to corpus entities (for links), when the article is stored. */
function renderArticle(record, text, article, corpusIds) {
  const chars = Array.from(text || ""); // spans are code points
  const ents = new Map(record.entities.map((e) => [e.id, e]));
  const facts = []; // {kind, start, end, cls, label, title}
  for (const e of record.entities)
    for (const [s, t] of e.mentions) facts.push({ kind: "entity", start: s, end: t, cls: `e-${e.type}`, title: `${e.type}: ${e.name}`, ref: e });
  record.quotes.forEach((q, i) => {
    const who = q.speaker_name || q.speaker_text || "unknown speaker";
    facts.push({ kind: "quote", start: q.span[0], end: q.span[1], cls: "q", title: `${q.kind} quote — ${who}`, ref: q, idx: i });
  });
  record.quantities.forEach((q, i) =>
    facts.push({ kind: "quantity", start: q.span[0], end: q.span[1], cls: "n", title: `${fmtNum(q.value)} ${q.category} (${q.approx})${q.source_text ? " — claimed by " + q.source_text : ""}`, ref: q, idx: i }),
  );
  record.times.forEach((t, i) => facts.push({ kind: "time", start: t.span[0], end: t.span[1], cls: "t", title: `${t.type} ${t.value || ""}${t.mod ? " " + t.mod : ""}`, ref: t, idx: i }));
  facts.forEach((f, i) => (f.key = i));

  // Paragraphs by line; every fact is cut at paragraph ends so marks never cross a <p>.
  const paras = [];
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i === chars.length || chars[i] === "\n") {
      if (i > start) paras.push([start, i]);
      start = i + 1;
    }
  }
  const html = paras
    .map(([ps, pe]) => {
      const inside = facts.filter((f) => f.start < pe && f.end > ps);
      const cuts = new Set([ps, pe]);
      for (const f of inside) {
        cuts.add(Math.max(ps, f.start));
        cuts.add(Math.min(pe, f.end));
      }
      const pts = [...cuts].sort((x, y) => x - y);
      let body = "";
      for (let k = 0; k + 1 < pts.length; k++) {
        const [s, t] = [pts[k], pts[k + 1]];
        const seg = esc(chars.slice(s, t).join(""));
        const active = inside.filter((f) => f.start <= s && f.end >= t).sort((x, y) => y.end - y.start - (x.end - x.start));
        let out = seg;
        for (const f of active.reverse()) {
          const anchor = f.start === s ? ` id="fact-${f.key}"` : "";
          out = `<mark class="${f.cls}" title="${esc(f.title)}"${anchor}>${out}</mark>`;
        }
        body += out;
      }
      const speakers = record.quotes
        .filter((q) => q.span[0] >= ps && q.span[0] < pe)
        .map((q) => `<span>${esc(q.speaker_name || q.speaker_text || "?")}${q.kind === "direct" ? "" : ` <em>(${q.kind})</em>`}</span>`)
        .join("");
      return `<div class="para"><p>${body}</p><aside class="margin" aria-label="Speakers in this paragraph">${speakers}</aside></div>`;
    })
    .join("");

  const factButton = (f, label) => `<button type="button" class="link" data-fact="${f.key}">${label}</button>`;
  const byKind = (k) => facts.filter((f) => f.kind === k);
  const firstMention = new Map();
  for (const f of byKind("entity")) if (!firstMention.has(f.ref.id) || f.start < firstMention.get(f.ref.id).start) firstMention.set(f.ref.id, f);
  const entityItems = record.entities
    .map((e) => {
      const f = firstMention.get(e.id);
      const corpus = corpusIds[e.id];
      const name = f ? factButton(f, esc(e.name)) : esc(e.name);
      return `<li>${name} <span class="meta">${e.type}${e.titles.length ? " · " + esc(e.titles.join(", ")) : ""} · ${e.mentions.length}×</span>${corpus ? ` <a href="#/entity/${corpus.id}" aria-label="Corpus page of ${esc(e.name)}">page</a>` : ""}</li>`;
    })
    .join("");
  const quoteItems = byKind("quote")
    .map((f) => `<li class="quote-item" data-kind="${f.ref.kind}"><span class="speaker">${esc(f.ref.speaker_name || f.ref.speaker_text || "?")}</span>: ${factButton(f, "“" + esc(f.ref.text.slice(0, 90)) + (f.ref.text.length > 90 ? "…" : "") + "”")} <span class="meta">${f.ref.kind}</span></li>`)
    .join("");
  const qtyItems = byKind("quantity")
    .map((f) => {
      const q = f.ref;
      const place = q.location && ents.get(q.location) ? ` in ${esc(ents.get(q.location).name)}` : "";
      return `<li>${factButton(f, `${fmtNum(q.value)}${q.value_max ? "–" + fmtNum(q.value_max) : ""} ${esc(q.what || "")}`)} <span class="meta">${q.category}, ${q.approx}${place}${q.source_text ? ", by " + esc(q.source_text) : ""}</span></li>`;
    })
    .join("");
  const timeItems = byKind("time").map((f) => `<li>${factButton(f, esc(f.ref.text))} <span class="meta">${f.ref.type} ${esc(f.ref.value || "")}${f.ref.mod ? " " + f.ref.mod : ""}</span></li>`).join("");
  const eventItems = record.events
    .map((e) => {
      const name = (id, txt) => esc((id && ents.get(id)?.name) || txt || "?");
      // An event told inside a quotation is the speaker's account, not the article's.
      const by = e.claimant ? ` <span class="claimant">according to ${name(e.claimant)}</span>` : "";
      return `<li class="event-item"><b>${e.type}</b> ${name(e.source, e.source_text)} → ${name(e.target, e.target_text)}${by} <span class="meta">${e.status}${e.date ? ", " + e.date : ""}</span></li>`;
    })
    .join("");
  const legend = `<div class="legend" aria-label="Legend"><mark class="e-PERSON">person</mark><mark class="e-ORG">organisation</mark><mark class="e-GPE">place</mark><mark class="e-NORP">group</mark><mark class="q">quote</mark><mark class="n">quantity</mark><mark class="t">time</mark></div>`;
  const head = article
    ? `<h1>${esc(article.title || article.ext_id)}</h1><p class="meta">${esc(article.outlet || "")} ${esc(record.date || "")}${article.url ? ` · <a href="${esc(article.url)}" rel="noreferrer">source</a>` : ""}</p>`
    : `<h1>${esc(record.title || "Pasted text")}</h1><p class="meta">${esc(record.date || "no date")} · not stored</p>`;
  show(
    `${head}${legend}
    <div class="article">
      <article class="text" aria-label="Article text">${html}</article>
      <section class="panel" aria-label="Facts">
        <h2>Quotes (${record.quotes.length})</h2><ul class="plain" id="quotes">${quoteItems}</ul>
        <h2>Quantities (${record.quantities.length})</h2><ul class="plain">${qtyItems}</ul>
        <h2>Entities (${record.entities.length})</h2><ul class="plain">${entityItems}</ul>
        <h2>Times (${record.times.length})</h2><ul class="plain">${timeItems}</ul>
        <h2>Events (${record.events.length})</h2><ul class="plain">${eventItems}</ul>
      </section>
    </div>`,
    article?.title || "Article",
  );
  main.querySelectorAll("button[data-fact]").forEach((b) =>
    b.addEventListener("click", () => {
      const el = document.getElementById(`fact-${b.dataset.fact}`);
      if (!el) return;
      el.scrollIntoView({ behavior: "smooth", block: "center" });
      el.classList.add("flash");
      el.setAttribute("tabindex", "-1");
      el.focus({ preventScroll: true });
      setTimeout(() => el.classList.remove("flash"), 1600);
    }),
  );
}

// ---------- a person's (any entity's) page ----------
async function entityView(id) {
  const e = await api(`/api/entities/${id}`);
  const quote = (q) => `<li>“${esc(q.text)}” <span class="meta">${q.kind}, ${articleLink(q.article)} ${esc(q.article.date || "")}</span></li>`;
  const said = e.said || [];
  const about = e.said_about || e.quoted_about || [];
  const by = e.quoted_by || [];
  show(
    `<h1>${esc(e.entity.name)}</h1>
    <p class="meta">${e.entity.type} · ${e.articles} article${e.articles === 1 ? "" : "s"} · ${esc(e.first_seen || "")} – ${esc(e.last_seen || "")}</p>
    <h2>Names</h2><p>${(e.names || []).map((n) => `${esc(n.name)} <span class="meta">(${n.count})</span>`).join(", ") || "—"}</p>
    <h2>Titles over time</h2><ul class="plain" id="titles">${(e.titles || []).map((t) => `<li>${esc(t.title)} <span class="meta">${esc(t.first)} – ${esc(t.last)}, ${t.articles} article(s)</span></li>`).join("") || "<li>—</li>"}</ul>
    <h2>What ${esc(e.entity.name)} said (${said.length})</h2><ul class="plain" id="said">${said.map(quote).join("") || "<li>—</li>"}</ul>
    ${by.length ? `<h2>Quoted by</h2><ul class="plain">${by.map((o) => `<li>${entityLink(o.entity || o)} <span class="meta">${o.count || ""}</span></li>`).join("")}</ul>` : ""}
    ${about.length ? `<h2>Said about ${esc(e.entity.name)}</h2><ul class="plain">${about.map(quote).join("")}</ul>` : ""}`,
    e.entity.name,
  );
}

// ---------- claims over time ----------
async function timelineView(p) {
  const category = p.get("category") || "killed";
  const place = p.get("place") || "";
  const data = await api(`/api/claims?${qs({ category, place, limit: 500 })}`);
  const form = `<form id="tl-form" class="filters">
      <label class="field">Category<select name="category">${CATEGORIES.map((c) => `<option ${c === category ? "selected" : ""}>${c}</option>`).join("")}</select></label>
      <label class="field">Place<input name="place" value="${esc(place)}" placeholder="any place"></label>
      <button type="submit">Draw</button></form>`;
  const claims = data.claims.filter((c) => c.first_date && c.value !== null);
  show(`<h1>Claims over time</h1>${form}<div id="chart-box">${claims.length ? timelineSvg(claims) : "<p>No dated claims for this choice.</p>"}</div>
    <h2>Claims</h2><table><thead><tr><th>Date</th><th>Value</th><th>What</th><th>Place</th><th>Claimant</th><th>Copies</th></tr></thead><tbody>${data.claims
      .map(
        (c) =>
          `<tr><td>${esc(c.first_date || "")}</td><td>${fmtNum(c.value)}${c.value_max ? "–" + fmtNum(c.value_max) : ""} <span class="meta">${c.approx}</span></td><td>${esc(c.what || "")}</td><td>${c.place ? entityLink(c.place) : esc(c.place_text || "")}</td><td>${c.claimant ? entityLink(c.claimant) : esc(c.claimant_text || "—")}</td><td>${(c.mentions || []).map((m) => articleLink(m.article)).join(", ")}</td></tr>`,
      )
      .join("")}</tbody></table>`, "Claims over time");
  document.getElementById("tl-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    location.hash = `#/timeline?${qs({ category: f.get("category"), place: f.get("place") })}`;
  });
}

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#ff7f0e"];

/** An SVG chart: one series per claimant, x = date, y = value (log scale when values span
 * more than two orders of magnitude); a point's size grows with its number of copies. */
function timelineSvg(claims) {
  const W = 800, H = 320, L = 70, R = 20, T = 20, B = 40;
  const t = (c) => Date.parse(c.first_date);
  const ts = claims.map(t), vs = claims.map((c) => c.value);
  let [t0, t1] = [Math.min(...ts), Math.max(...ts)];
  if (t0 === t1) [t0, t1] = [t0 - 864e5, t1 + 864e5];
  const vmax = Math.max(...vs), vmin = Math.min(...vs.filter((v) => v > 0), vmax);
  const log = vmin > 0 && vmax / vmin > 100;
  const y = log ? (v) => T + (H - T - B) * (1 - (Math.log10(Math.max(v, vmin)) - Math.log10(vmin)) / (Math.log10(vmax) - Math.log10(vmin) || 1)) : (v) => T + (H - T - B) * (1 - v / (vmax || 1));
  const x = (ms) => L + ((W - L - R) * (ms - t0)) / (t1 - t0);
  const series = new Map();
  for (const c of claims) {
    const who = c.claimant?.name || c.claimant_text || "unattributed";
    if (!series.has(who)) series.set(who, []);
    series.get(who).push(c);
  }
  let body = "", key = "", i = 0;
  for (const [who, cs] of series) {
    const col = PALETTE[i++ % PALETTE.length];
    cs.sort((a, b) => t(a) - t(b));
    if (cs.length > 1) body += `<polyline fill="none" stroke="${col}" stroke-width="1.5" points="${cs.map((c) => `${x(t(c)).toFixed(1)},${y(c.value).toFixed(1)}`).join(" ")}"/>`;
    for (const c of cs) {
      const r = 3 + 2 * Math.sqrt((c.mentions || []).length);
      body += `<circle class="claim" cx="${x(t(c)).toFixed(1)}" cy="${y(c.value).toFixed(1)}" r="${r.toFixed(1)}" fill="${col}"><title>${esc(`${c.first_date}: ${fmtNum(c.value)} ${c.what || ""} — ${who} (${(c.mentions || []).length} cop${(c.mentions || []).length === 1 ? "y" : "ies"})`)}</title></circle>`;
    }
    key += `<span><i style="background:${col}"></i>${esc(who)}</span>`;
  }
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const ms = t0 + f * (t1 - t0);
    const anchor = f === 0 ? "start" : f === 1 ? "end" : "middle"; // keep the end labels inside the chart
    return `<text x="${x(ms)}" y="${H - 18}" text-anchor="${anchor}">${new Date(ms).toISOString().slice(0, 10)}</text>`;
  });
  const vt = [0, 0.5, 1].map((f) => {
    const v = log ? 10 ** (Math.log10(vmin) + f * (Math.log10(vmax) - Math.log10(vmin))) : f * vmax;
    return `<text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${fmtNum(Math.round(v))}</text>`;
  });
  return `<svg class="chart" id="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="Claimed values over time, one series per claimant">
    <line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#888"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#888"/>
    ${ticks.join("")}${vt.join("")}${body}</svg><div class="series-key">${key}</div>`;
}

// ---------- map ----------
let world = null;
async function mapView() {
  const [places] = await Promise.all([api("/api/places?limit=500"), world ? null : fetch("/vendor/world.json").then((r) => r.json()).then((w) => (world = w))]);
  const pts = places.filter((p) => p.lat !== null && p.lon !== null);
  const maxN = Math.max(1, ...pts.map((p) => p.mentions));
  const circles = pts
    .sort((a, b) => b.mentions - a.mentions)
    .map((p) => `<circle class="place" cx="${(p.lon + 180).toFixed(2)}" cy="${(90 - p.lat).toFixed(2)}" r="${(0.8 + 4 * Math.sqrt(p.mentions / maxN)).toFixed(2)}"><title>${esc(p.entity.name)}: ${p.mentions} mention${p.mentions === 1 ? "" : "s"}</title></circle>`)
    .join("");
  show(
    `<h1>Places mentioned</h1><p class="meta">${pts.length} geocoded places; circles sized by mentions.</p>
    <svg class="map" id="map" viewBox="0 0 ${world.width} ${world.height}" role="img" aria-label="World map of places mentioned in the corpus">${world.countries.map((c) => `<path d="${c.d}"><title>${esc(c.name)}</title></path>`).join("")}${circles}</svg>
    <h2>Most mentioned</h2><table><thead><tr><th>Place</th><th>Mentions</th><th>Country</th></tr></thead><tbody>${pts
      .slice(0, 30)
      .map((p) => `<tr><td>${entityLink(p.entity)}</td><td>${p.mentions}</td><td>${esc(p.country_code || "")}</td></tr>`)
      .join("")}</tbody></table>`,
    "Map",
  );
}

// ---------- events ----------
async function eventsView(p) {
  const type = p.get("type") || "";
  const actor = p.get("actor") || "";
  const claimant = p.get("claimant") || "";
  const data = await api(`/api/events?${qs({ type, actor, claimant, limit: 300 })}`);
  const counts = new Map();
  for (const e of data.events) counts.set(e.type, (counts.get(e.type) || 0) + 1);
  const actorName = (a, txt) => (a ? entityLink(a) : esc(txt || "?"));
  show(
    `<h1>Events</h1><form id="ev-form">
      <label class="field">Type<select name="type"><option value="">any</option>${PLOVER.map((t) => `<option ${t === type ? "selected" : ""}>${t}</option>`).join("")}</select></label>
      <label class="field">Actor<input name="actor" value="${esc(actor)}" placeholder="any actor"></label>
      <label class="field">According to<input name="claimant" value="${esc(claimant)}" placeholder="anyone"></label>
      <button type="submit">Show</button></form>
    <p class="meta">${[...counts].map(([t, n]) => `${t} ${n}`).join(" · ")}</p>
    <table id="events"><thead><tr><th>Type</th><th>Source</th><th>Target</th><th>Status</th><th>Date</th><th>Evidence</th></tr></thead><tbody>${data.events
      .map((e) => `<tr><td>${e.type} <span class="meta">${esc(e.cameo || "")}</span></td><td>${actorName(e.source, e.source_text)}</td><td>${actorName(e.target, e.target_text)}</td><td>${e.status}</td><td>${esc(e.date || "")}</td><td>${esc(e.text || "")}${e.claimant || e.claimant_text ? ` <span class="claimant">according to ${e.claimant ? entityLink(e.claimant) : esc(e.claimant_text)}</span>` : ""} <span class="meta">${articleLink(e.article)}</span></td></tr>`)
      .join("")}</tbody></table>`,
    "Events",
  );
  document.getElementById("ev-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    location.hash = `#/events?${qs({ type: f.get("type"), actor: f.get("actor"), claimant: f.get("claimant") })}`;
  });
}

// ---------- paste or upload ----------
function pasteView() {
  show(
    `<h1>Analyse a text</h1><p>Paste an article (plain text or an HTML page) or choose a file. It is analysed on this machine and not stored.</p>
    <form id="paste-form">
      <label class="field" style="display:flex">Text or HTML<textarea name="text" id="paste-text" required></textarea></label>
      <label class="field">Publication date<input name="date" type="date"></label>
      <label class="field">Title<input name="title"></label>
      <label class="field">Or a file<input type="file" id="paste-file" accept=".txt,.html,.htm,text/plain,text/html"></label>
      <div><button type="submit">Analyse</button></div>
    </form>`,
    "Analyse a text",
  );
  document.getElementById("paste-file").addEventListener("change", async (ev) => {
    const f = ev.target.files[0];
    if (f) document.getElementById("paste-text").value = await f.text();
  });
  document.getElementById("paste-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const text = f.get("text");
    const isHtml = /^\s*</.test(text);
    try {
      const out = await api("/api/extract", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ [isHtml ? "html" : "text"]: text, date: f.get("date") || null, title: f.get("title") || null }),
      });
      renderArticle(out.record, out.text, null, {});
    } catch (e) {
      fail(e);
    }
  });
}
