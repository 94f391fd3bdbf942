/* wirecoder web UI: filter bar, offline map, timeline, actor network, event list and evidence panel.
   Plain browser JavaScript against the JSON API of the same server; nothing is fetched elsewhere.
   Every string from the data goes into the page as text (textContent), never as HTML. */
"use strict";

const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const QUAD_COLOURS = {1: "#5aae61", 2: "#1b7837", 3: "#f1a340", 4: "#d7301f"};
const PAGE = 100;
const SVG_NS = "http://www.w3.org/2000/svg";

const state = {filters: {}, offset: 0, types: {}, selected: null, map: null, markers: null};

// ---- small helpers --------------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "class") node.setAttribute("class", v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined && v !== false) q.set(k, v);
  return q.toString();
}

async function api(path, params = {}) {
  const qs = query(params);
  const res = await fetch(`api/${path}${qs ? "?" + qs : ""}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.message || body.detail || `${res.status} ${res.statusText}`);
  return body;
}

function showError(err) {
  const box = document.getElementById("error");
  box.textContent = err ? String(err.message || err) : "";
  box.hidden = !err;
}

function actorLabel(a) {
  return a.name || a.text;
}

function actorsText(list) {
  return (list || []).map(a => actorLabel(a) + (a.country ? ` (${a.country})` : "")).join("; ");
}

function placeLabel(loc) {
  if (!loc) return "";
  return [loc.name || loc.text, loc.country].filter(Boolean).join(", ");
}

function httpUrl(u) {
  return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
}

// ---- filters --------------------------------------------------------------------------------
function readFilters() {
  const f = new FormData(document.getElementById("filters"));
  return {
    type: f.get("type"), actor: f.get("actor").trim(), country: f.get("country").trim().toUpperCase(),
    since: f.get("since"), until: f.get("until"), q: f.get("q").trim(),
    include_hidden: f.get("include_hidden") ? "true" : "",
  };
}

function setFilter(name, value) {
  const input = document.querySelector(`#filters [name="${name}"]`);
  input.value = value;
  refresh();
}

async function initFilters() {
  const vocab = await api("vocabulary");
  const select = document.getElementById("f-type");
  for (const q of [1, 2, 3, 4]) {
    const group = el("optgroup", {label: `${q} ${QUAD_NAMES[q]}`});
    for (const t of vocab.types.filter(x => x.quad_class === q)) {
      state.types[t.type] = q;
      group.append(el("option", {value: t.type, text: t.type}));
    }
    select.append(group);
  }
  const legend = document.getElementById("legend");
  for (const q of [1, 2, 3, 4]) {
    legend.append(el("span", {class: "key"}, el("i", {style: `background:${QUAD_COLOURS[q]}`}), QUAD_NAMES[q]));
  }
  document.getElementById("filters").addEventListener("submit", ev => { ev.preventDefault(); refresh(); });
  document.getElementById("f-reset").addEventListener("click", () => {
    document.getElementById("filters").reset();
    refresh();
  });
  document.getElementById("actors-by").addEventListener("change", () => loadActors().catch(showError));
  document.getElementById("more").addEventListener("click", () => loadList(true).catch(showError));
}

// ---- map ------------------------------------------------------------------------------------
async function initMap() {
  // No tiles: an offline basemap of country outlines served by the API.
  const map = L.map("map", {worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5}).setView([20, 15], 2);
  map.attributionControl.addAttribution("outlines: countryinfo");
  state.map = map;
  state.markers = L.layerGroup().addTo(map);
  const outlines = await api("basemap.geojson");
  L.geoJSON(outlines, {
    interactive: false,
    style: {color: "#8a99a6", weight: 0.6, fillColor: "#f4f1e8", fillOpacity: 1},
  }).addTo(map);
}

function drawMap(fc) {
  state.markers.clearLayers();
  // Events at the same coordinates share one marker, sized by their number.
  const groups = new Map();
  for (const f of fc.features) {
    const [lon, lat] = f.geometry.coordinates;
    const key = `${lat.toFixed(3)},${lon.toFixed(3)}`;
    if (!groups.has(key)) groups.set(key, {lat, lon, events: []});
    groups.get(key).events.push(f.properties);
  }
  const bounds = [];
  for (const g of groups.values()) {
    const worst = Math.max(...g.events.map(e => e.quad_class || 0));
    const marker = L.circleMarker([g.lat, g.lon], {
      radius: Math.min(22, 5 + 3 * Math.sqrt(g.events.length)), color: "#333", weight: 1,
      fillColor: QUAD_COLOURS[worst] || "#777", fillOpacity: 0.85, className: "event-marker",
    });
    const place = g.events[0].location;
    marker.bindTooltip(`${placeLabel(place)}: ${g.events.length} event${g.events.length > 1 ? "s" : ""}`);
    marker.on("click", () => {
      showEvidence(g.events[0].id);
      highlightRows(new Set(g.events.map(e => e.id)));
    });
    marker.addTo(state.markers);
    bounds.push([g.lat, g.lon]);
  }
  const note = document.getElementById("map-note");
  note.textContent = `${fc.features.length} located event${fc.features.length === 1 ? "" : "s"} at ${groups.size} place${groups.size === 1 ? "" : "s"}`;
  if (bounds.length) state.map.fitBounds(bounds, {padding: [30, 30], maxZoom: 6});
}

// ---- timeline -------------------------------------------------------------------------------
function bucketOf(day, unit) {
  if (unit === "day") return day;
  if (unit === "month") return day.slice(0, 7) + "-01";
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // Monday of its week
  return d.toISOString().slice(0, 10);
}

function nextBucket(day, unit) {
  const d = new Date(day + "T00:00:00Z");
  if (unit === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (unit === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

function drawTimeline(tl) {
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const note = document.getElementById("timeline-note");
  note.textContent = tl.undated ? `${tl.undated} undated event${tl.undated === 1 ? "" : "s"} not shown` : "";
  if (!tl.days.length) {
    box.append(el("p", {class: "hint", text: "no dated events match"}));
    return;
  }
  const first = tl.days[0].date, last = tl.days[tl.days.length - 1].date;
  const spanDays = (Date.parse(last) - Date.parse(first)) / 864e5;
  const unit = spanDays <= 120 ? "day" : spanDays <= 1100 ? "week" : "month";
  const buckets = new Map();
  for (let b = bucketOf(first, unit); b <= last; b = nextBucket(b, unit)) buckets.set(b, {1: 0, 2: 0, 3: 0, 4: 0});
  for (const d of tl.days) {
    const counts = buckets.get(bucketOf(d.date, unit));
    for (const [q, n] of Object.entries(d.by_quad_class)) if (counts && counts[q] !== undefined) counts[q] += n;
  }
  const W = Math.max(box.clientWidth || 600, 300), H = 150, pad = {l: 30, r: 8, t: 8, b: 22};
  const keys = [...buckets.keys()];
  const max = Math.max(1, ...[...buckets.values()].map(c => c[1] + c[2] + c[3] + c[4]));
  const bw = (W - pad.l - pad.r) / keys.length;
  const svg = el("svg:svg", {width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per " + unit});
  svg.append(el("svg:line", {x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b, class: "axis"}));
  svg.append(el("svg:text", {x: pad.l - 4, y: pad.t + 8, class: "tick", "text-anchor": "end", text: String(max)}));
  keys.forEach((k, i) => {
    const counts = buckets.get(k);
    let y = H - pad.b;
    for (const q of [1, 2, 3, 4]) {
      if (!counts[q]) continue;
      const h = (counts[q] / max) * (H - pad.t - pad.b);
      y -= h;
      const rect = el("svg:rect", {
        x: pad.l + i * bw + 0.5, y, width: Math.max(1, bw - 1), height: h, fill: QUAD_COLOURS[q],
        class: `bar q${q}`, "data-date": k,
        onclick: () => {
          const end = new Date(Date.parse(nextBucket(k, unit)) - 864e5).toISOString().slice(0, 10);
          document.getElementById("f-since").value = k;
          setFilter("until", end);
        },
      });
      rect.append(el("svg:title", {text: `${unit} of ${k}: ${counts[q]} ${QUAD_NAMES[q]}`}));
      svg.append(rect);
    }
  });
  const every = Math.ceil(keys.length / 8);
  keys.forEach((k, i) => {
    if (i % every) return;
    svg.append(el("svg:text", {x: pad.l + i * bw + bw / 2, y: H - 6, class: "tick", "text-anchor": "middle",
                               text: unit === "month" ? k.slice(0, 7) : k.slice(5)}));
  });
  box.append(svg);
}

// ---- actor network (a small force layout) ---------------------------------------------------
function layout(nodes, edges, W, H) {
  // Fruchterman-Reingold in free space with a pull to the centre (so separate dyads stay together),
  // then scaled to fit the box; a deterministic start keeps the picture stable between reloads.
  const n = nodes.length, k = 30;
  nodes.forEach((nd, i) => {
    nd.x = 100 * Math.cos((2 * Math.PI * i) / n);
    nd.y = 100 * Math.sin((2 * Math.PI * i) / n);
  });
  for (let it = 0, temp = 60; it < 300; it++, temp = Math.max(0.5, temp * 0.985)) {
    for (const a of nodes) { a.dx = -a.x * 0.6; a.dy = -a.y * 0.6; }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = nodes[i], b = nodes[j];
      const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01, d2 = Math.max(1, dx * dx + dy * dy);
      const f = (k * k) / d2;
      a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
    }
    for (const e of edges) {
      const dx = e.s.x - e.t.x, dy = e.s.y - e.t.y, f = Math.hypot(dx, dy) / k;
      e.s.dx -= dx * f; e.s.dy -= dy * f; e.t.dx += dx * f; e.t.dy += dy * f;
    }
    for (const a of nodes) {
      const d = Math.hypot(a.dx, a.dy) || 1, step = Math.min(d, temp);
      a.x += (a.dx / d) * step; a.y += (a.dy / d) * step;
    }
  }
  const xs = nodes.map(nd => nd.x), ys = nodes.map(nd => nd.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const longest = Math.max(...nodes.map(nd => nd.name.length + (nd.country ? 6 : 0)));
  const pad = {l: 20, r: Math.min(W / 3, 16 + 6.5 * longest), t: 18, b: 18};  // room on the right for labels
  const sx = (W - pad.l - pad.r) / Math.max(1, x1 - x0), sy = (H - pad.t - pad.b) / Math.max(1, y1 - y0);
  for (const nd of nodes) {
    nd.x = pad.l + (nd.x - x0) * sx;
    nd.y = pad.t + (nd.y - y0) * sy;
  }
}

function drawNetwork(net) {
  const box = document.getElementById("network");
  box.replaceChildren();
  if (!net.edges.length) {
    box.append(el("p", {class: "hint", text: "no events with both an actor and a recipient match"}));
    return;
  }
  const W = Math.max(box.clientWidth || 500, 300), H = 340;
  const key = (name, c) => `${name}\u0000${c || ""}`;
  const nodes = net.nodes.map(nd => ({...nd}));
  const byKey = new Map(nodes.map(nd => [key(nd.name, nd.country), nd]));
  const edges = net.edges.map(e => ({...e, s: byKey.get(key(e.source, e.source_country)),
                                         t: byKey.get(key(e.target, e.target_country))}));
  layout(nodes, edges, W, H);
  const maxCount = Math.max(...edges.map(e => e.count));
  const svg = el("svg:svg", {width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network"});
  const defs = el("svg:defs");
  for (const q of [1, 2, 3, 4]) {
    defs.append(el("svg:marker", {id: `arrow${q}`, viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 8,
                                  markerHeight: 8, markerUnits: "userSpaceOnUse", orient: "auto"},
                   el("svg:path", {d: "M0,0 L10,5 L0,10 z", fill: QUAD_COLOURS[q]})));
  }
  svg.append(defs);
  for (const e of edges) {
    const q = Object.entries(e.quad_classes).sort((a, b) => b[1] - a[1])[0][0];
    const line = el("svg:line", {x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y, class: "edge",
                                 stroke: QUAD_COLOURS[q] || "#999", "stroke-width": 1 + (4 * e.count) / maxCount,
                                 "marker-end": `url(#arrow${q})`});
    const types = Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(", ");
    line.append(el("svg:title", {text: `${e.source} → ${e.target}: ${e.count} event(s): ${types}`}));
    svg.append(line);
  }
  const maxEv = Math.max(...nodes.map(nd => nd.events));
  for (const nd of nodes) {
    const g = el("svg:g", {class: "node", transform: `translate(${nd.x},${nd.y})`,
                           onclick: () => setFilter("actor", nd.name)});
    g.append(el("svg:circle", {r: 4 + (6 * nd.events) / maxEv}));
    g.append(el("svg:text", {x: 9, y: 4, text: nd.name + (nd.country ? ` (${nd.country})` : "")}));
    g.append(el("svg:title", {text: `${nd.name}: ${nd.events} event(s) in these dyads; click to filter`}));
    svg.append(g);
  }
  box.append(svg);
}

// ---- top actors -----------------------------------------------------------------------------
async function loadActors() {
  const by = document.getElementById("actors-by").value;
  const rows = await api("actors", {...state.filters, group_by: by, limit: 15});
  const list = document.getElementById("actors");
  list.replaceChildren();
  const max = Math.max(1, ...rows.map(r => r.events));
  for (const r of rows) {
    const label = by === "sector" ? r.sector : by === "country" ? r.country : r.name + (r.country ? ` (${r.country})` : "");
    const filterValue = by === "actor" ? r.name : by === "country" ? r.country : null;
    const item = el("li", {title: filterValue ? "click to filter on this actor" : null},
                    el("span", {class: "bar", style: `width:${(100 * r.events) / max}%`}),
                    el("span", {class: "label", text: label}), el("span", {class: "n", text: String(r.events)}));
    if (filterValue) item.addEventListener("click", () => setFilter("actor", filterValue));
    list.append(item);
  }
  if (!rows.length) list.append(el("li", {class: "hint", text: "no actors match"}));
}

// ---- event list -----------------------------------------------------------------------------
async function loadList(append = false) {
  state.offset = append ? state.offset + PAGE : 0;
  const page = await api("events", {...state.filters, limit: PAGE, offset: state.offset});
  const body = document.getElementById("event-list");
  if (!append) body.replaceChildren();
  for (const e of page.events) {
    const row = el("tr", {"data-id": e.id, class: e.id === state.selected ? "selected" : null,
                          onclick: () => showEvidence(e.id)},
                   el("td", {text: e.date || "–"}),
                   el("td", {}, el("span", {class: "type", style: `border-color:${QUAD_COLOURS[e.quad_class] || "#999"}`,
                                            text: e.event_type})),
                   el("td", {text: actorsText(e.actor)}), el("td", {text: actorsText(e.recipient)}),
                   el("td", {text: placeLabel(e.location)}), el("td", {text: e.modality}));
    body.append(row);
  }
  const shown = Math.min(page.total, state.offset + page.events.length);
  document.getElementById("list-note").textContent = `${shown} of ${page.total}`;
  document.getElementById("more").hidden = shown >= page.total;
  return page;
}

function highlightRows(ids) {
  for (const row of document.querySelectorAll("#event-list tr")) {
    row.classList.toggle("at-place", ids.has(row.dataset.id));
  }
}

// ---- evidence -------------------------------------------------------------------------------
function findSpan(sentence, needle) {
  if (!needle) return null;
  const hay = sentence.toLowerCase(), n = needle.toLowerCase();
  let i = hay.indexOf(n);
  while (i >= 0) {  // prefer a match that starts a word
    if (i === 0 || !/[\p{L}\p{N}]/u.test(sentence[i - 1])) return [i, i + n.length];
    i = hay.indexOf(n, i + 1);
  }
  return null;
}

function markedSentence(e) {
  // Trigger first: where spans overlap, the earlier-listed role keeps its highlight.
  const wanted = [[e.trigger, "trigger", "trigger"]];
  for (const a of e.actor || []) wanted.push([a.text, "hl-actor", "actor"]);
  for (const r of e.recipient || []) wanted.push([r.text, "hl-recipient", "recipient"]);
  if (e.location) wanted.push([e.location.text, "hl-place", "place"]);
  if (e.attribution) wanted.push([e.attribution.text, "hl-source", "attribution"]);
  const spans = [];
  for (const [text, cls, role] of wanted) {
    const s = findSpan(e.sentence, text);
    if (s && !spans.some(o => s[0] < o[1] && o[0] < s[1])) spans.push([...s, cls, role]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const p = el("blockquote", {class: "sentence"});
  let at = 0;
  for (const [s, t, cls, role] of spans) {
    p.append(e.sentence.slice(at, s));
    p.append(el(cls === "trigger" ? "mark" : "span", {class: cls, title: role, text: e.sentence.slice(s, t)}));
    at = t;
  }
  p.append(e.sentence.slice(at));
  return p;
}

function actorNodes(list) {
  if (!list || !list.length) return el("span", {class: "muted", text: "none stated"});
  const ul = el("ul", {class: "plain"});
  for (const a of list) {
    const li = el("li", {}, el("strong", {text: actorLabel(a)}));
    const bits = [a.country, (a.sectors || []).join(" ")].filter(Boolean).join(" · ");
    if (bits) li.append(` ${bits}`);
    if (a.name && a.text && a.name !== a.text) li.append(el("span", {class: "muted", text: ` “${a.text}”`}));
    if (a.wikidata && /^Q\d+$/.test(a.wikidata)) {
      li.append(" ", el("a", {href: `https://www.wikidata.org/wiki/${a.wikidata}`, target: "_blank",
                              rel: "noopener noreferrer", text: a.wikidata}));
    }
    ul.append(li);
  }
  return ul;
}

function row(dl, term, value) {
  if (value === null || value === undefined || value === "") return;
  dl.append(el("dt", {text: term}), el("dd", {}, value));
}

async function showEvidence(id) {
  state.selected = id;
  for (const r of document.querySelectorAll("#event-list tr")) r.classList.toggle("selected", r.dataset.id === id);
  const panel = document.getElementById("evidence");
  let detail;
  try {
    detail = await api(`events/${encodeURIComponent(id)}`);
  } catch (err) {
    showError(err);
    return;
  }
  const e = detail.event;
  const loc = e.location;
  const dl = el("dl", {class: "facts"});
  row(dl, "event", `${e.event_type}${e.mode.length ? " · " + e.mode.join(", ") : ""}` +
      `${e.context.length ? " (" + e.context.join(", ") + ")" : ""}`);
  row(dl, "QuadClass", e.quad_class ? `${e.quad_class} ${QUAD_NAMES[e.quad_class]}` : null);
  row(dl, "CAMEO / score", [e.cameo_root, e.plover_score].filter(x => x !== null && x !== undefined).join(" / "));
  row(dl, "ACLED", e.acled ? `${e.acled.event_type} / ${e.acled.sub_event_type}` : null);
  row(dl, "actor", actorNodes(e.actor));
  row(dl, "recipient", actorNodes(e.recipient));
  row(dl, "place", loc ? [placeLabel(loc), loc.admin1, loc.precision,
                          loc.lat != null ? `${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}` : null]
                          .filter(Boolean).join(" · ") : el("span", {class: "muted", text: "no location"}));
  row(dl, "date", e.date ? `${e.date} (${e.date_precision || "?"})${e.date_text ? " “" + e.date_text + "”" : ""}`
                         : (e.date_text ? `“${e.date_text}” (unresolved)` : el("span", {class: "muted", text: "no date"})));
  row(dl, "modality", el("span", {class: `modality m-${e.modality}`, text: e.modality}));
  row(dl, "according to", e.attribution ? actorNodes([e.attribution]) : el("span", {class: "muted", text: "the outlet"}));
  row(dl, "confidence", e.confidence.toFixed(2));
  const sources = el("ul", {class: "plain"});
  for (const s of detail.sources) {
    const url = httpUrl(s.url);
    const label = [s.source, s.title].filter(Boolean).join(": ") || s.key;
    sources.append(el("li", {}, url ? el("a", {href: url, target: "_blank", rel: "noopener noreferrer", text: label})
                                    : el("span", {text: label}),
                      s.similarity !== null && s.similarity < 1 ? el("span", {class: "muted", text: ` ~${s.similarity}`}) : null));
  }
  row(dl, "sources", sources);
  const art = detail.article;
  panel.replaceChildren(
    el("h2", {text: "Evidence"}),
    markedSentence(e),
    el("p", {class: "legend-small"},
       el("mark", {class: "trigger", text: "trigger"}), " ", el("span", {class: "hl-actor", text: "actor"}), " ",
       el("span", {class: "hl-recipient", text: "recipient"}), " ", el("span", {class: "hl-place", text: "place"}), " ",
       el("span", {class: "hl-source", text: "attribution"})),
    dl,
    el("p", {class: "muted small", text: `event ${e.id} · article ${e.article_id}` +
             (art && art.published ? ` · published ${art.published}` : "") + ` · chars ${e.char_start}–${e.char_end}`}),
  );
  panel.dataset.eventId = e.id;
}

// ---- orchestration --------------------------------------------------------------------------
async function loadSummary() {
  const s = await api("stats");
  const hidden = s.events_hidden ? `, ${s.events_hidden} negated/hypothetical held back` : "";
  const span = s.first_date ? ` · ${s.first_date} to ${s.last_date}` : "";
  document.getElementById("summary").textContent =
    `${s.events_visible} events (${s.events_located} located) from ${s.counts.articles} articles${hidden}${span}`;
}

async function refresh() {
  showError(null);
  state.filters = readFilters();
  document.body.dataset.ready = "0";
  try {
    const [fc, tl, net] = await Promise.all([
      api("events.geojson", {...state.filters, limit: 5000}), api("timeline", state.filters),
      api("network", {...state.filters, limit: 30}), loadList(), loadActors(),
    ]);
    drawMap(fc);
    drawTimeline(tl);
    drawNetwork(net);
  } catch (err) {
    showError(err);
  } finally {
    document.body.dataset.ready = "1";
  }
}

async function main() {
  try {
    await initFilters();
    await initMap();
    await loadSummary();
  } catch (err) {
    showError(err);
  }
  await refresh();
}

main();
