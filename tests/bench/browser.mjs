// Masthead in the browser, measured: headless Chromium and Firefox ESR with the real extension.
//
//   node tests/bench/browser.mjs            both browsers, results into BENCHMARKS.md
//   MASTHEAD_BROWSERS=chromium node ...     one browser
//   BENCH_QUICK=1 node ...                  fewer runs (a smoke test of the script)
//
// What it measures, on each page, in one run, in the same browser:
//
//   - the content script's main-thread time before the pill: serialization (outerHTML) plus
//     rendering (the pill, and the panel when it opens by itself), and the work left for later
//     (the evidence highlights in idle time; the panel's body on its first opening, which the
//     bench does with a click on the pill), from the User Timing marks content.js records on a
//     URL that asks for them (`?masthead-bench`; see `mark` in extension/content.js);
//   - the background's analysis time, as the background measures it around the wasm call
//     (the `ms` of each answer, which content.js puts on its "answered" mark);
//   - time from document_idle (the content script's first line) to the pill, warm (the
//     background and the core already running) and cold (Chromium: the service worker stopped
//     through CDP first; Firefox: the event page left idle until Firefox unloads it);
//   - the background's memory: the wasm linear memory the core holds (the background's "stats"
//     answer) and the extension process's proportional set size (PSS, from /proc);
//   - Mozilla Readability (`new Readability(document.cloneNode(true)).parse()`, what reader
//     modes run on the page's main thread) on the same page in the same tab, and the ratio of
//     Masthead's main-thread time to it.
//
// Medians over the runs, with the 90th percentile where it says something. The machine is
// named in the output; every ratio comes from numbers measured in this same run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer, FIXTURES } from "../e2e/server.mjs";
import { BROWSERS, browsersUnderTest, tempProfile, waitFor, sleep, ROOT } from "../e2e/browsers.mjs";
import { generate } from "../fixtures/hostile/generate.mjs";

const QUICK = Boolean(process.env.BENCH_QUICK);
const READABILITY = fs.readFileSync(path.join(ROOT, "node_modules/@mozilla/readability/Readability.js"), "utf8");

// ---- the pages ---------------------------------------------------------------------------

/** A 2,000-word article: the reference article's metadata, its paragraphs repeated. */
function article2000(dir) {
  const src = fs.readFileSync(path.join(FIXTURES, "reference-article.html"), "utf8");
  const paras = src.match(/<p>[\s\S]*?<\/p>/g) ?? [];
  const words = (s) => s.replace(/<[^>]+>/g, " ").split(/\s+/).filter(Boolean).length;
  const out = [];
  let n = 0;
  for (let i = 0; n < 2000; i++) {
    const p = paras[i % paras.length];
    out.push(p);
    n += words(p);
  }
  const html = src.replace(/(<article>[\s\S]*?)(<p>[\s\S]*<\/p>)(\s*<\/article>)/, (_, a, __, c) => `${a}${out.join("\n      ")}${c}`);
  fs.writeFileSync(path.join(dir, "article-2000.html"), html);
  return n;
}

const PAGES = [
  { id: "typical", label: "typical article (the reference article, sputnikglobe.com)", host: "sputnikglobe.com", path: "reference-article.html", runs: 20 },
  { id: "words2000", label: "2,000-word article", host: "sputnikglobe.com", path: "bench/article-2000.html", runs: 20 },
  { id: "markers", label: "wire story with markers (markers/sober-wire-en.html)", host: "wire.example-news.org", path: "markers/sober-wire-en.html", runs: 10 },
  { id: "nodes100k", label: "100,000 nodes (1.1 MB)", host: "news-hostile.net", path: "gen/nodes-100k.html", runs: 5 },
  { id: "big20mb", label: "20 MB of HTML (sent capped at 5 M chars)", host: "news-hostile.net", path: "gen/big-20mb.html", runs: 3 },
];

// ---- statistics --------------------------------------------------------------------------

const quantile = (xs, q) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
};
const median = (xs) => quantile(xs, 0.5);
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

// ---- the machine -------------------------------------------------------------------------

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? "?";
  const osName = (fs.readFileSync("/etc/os-release", "utf8").match(/PRETTY_NAME="([^"]+)"/) ?? [])[1] ?? os.type();
  return {
    cpu,
    cores: os.cpus().length,
    ram: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${osName}, Linux ${os.release()}`,
    chromium: (sh("/usr/lib/chromium/chromium", ["--version"]).match(/Chromium [\d.]+/) ?? ["Chromium"])[0],
    firefox: (sh("/usr/bin/firefox-esr", ["--version"]).match(/Firefox [\d.]+/) ?? ["Firefox"])[0] + " ESR",
    node: process.version,
    load: os.loadavg().map((x) => x.toFixed(2)).join(" "),
  };
}

// ---- process memory ----------------------------------------------------------------------

function procs() {
  const out = [];
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      const comm = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      out.push({ pid: Number(pid), ppid, cmd, comm });
    } catch {
      // gone
    }
  }
  return out;
}

/** The PSS in MiB of the browser's extension process (found under the process whose command
 *  line holds this profile), or NaN where it cannot be told apart. */
function extensionProcessPss(browser) {
  const all = procs();
  const root = all.find((p) => /\/(chromium|firefox-esr|firefox)$/.test(p.cmd[0]) && p.cmd.some((a) => a === `--user-data-dir=${browser.profileDir}` || a === browser.profileDir));
  if (!root) return NaN;
  const tree = new Set([root.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (!tree.has(p.pid) && tree.has(p.ppid)) tree.add(p.pid), (grew = true);
  }
  // Chromium marks its extension renderer on the command line; Firefox names the process.
  // (A forked renderer's command line is one string, so search the joined line.)
  const isExt = browser.kind === "chromium" ? (p) => ` ${p.cmd.join(" ")} `.includes(" --extension-process ") : (p) => p.comm === "WebExtensions";
  const ext = all.filter((p) => tree.has(p.pid) && isExt(p));
  if (ext.length !== 1) return NaN;
  try {
    const kb = Number(fs.readFileSync(`/proc/${ext[0].pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+)/m)[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

// ---- one load ----------------------------------------------------------------------------

const MARKS_JS = "JSON.stringify(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('masthead:')).map((m) => ({ name: m.name.slice(9), t: m.startTime, detail: m.detail })))";

/** Loads the page, waits for the pill, and returns the content script's marks as timings. */
async function load(browser, url) {
  const tab = await browser.open(url, { tabId: false });
  const marks = await waitFor(async () => {
    const m = JSON.parse(await tab.evaluateExpression(MARKS_JS));
    return m.some((x) => x.name === "rendered") && m;
  }, { timeout: 60000, interval: 50, what: `the rendered mark on ${url}` });
  // Work left for after the pill: the highlights in idle time, then the panel's body, built
  // when the reader first opens it (the bench opens it with a click on the pill; a page whose
  // panel opened by itself has built it already).
  await waitFor(async () => JSON.parse(await tab.evaluateExpression(MARKS_JS)).some((x) => x.name === "highlighted"), { timeout: 30000, interval: 20, what: `the highlighted mark on ${url}` });
  await tab.panel((root) => root.querySelector(".panel").hidden && root.querySelector(".pill").click());
  const all = await waitFor(async () => {
    const m = JSON.parse(await tab.evaluateExpression(MARKS_JS));
    return m.some((x) => x.name === "built") && m;
  }, { timeout: 30000, interval: 20, what: `the built mark on ${url}` });
  const at = Object.fromEntries(all.map((m) => [m.name, m]));
  return {
    highlights: at.highlighted.detail?.ms,
    panelBody: at.built.detail?.ms,
    tab,
    serialize: at.serialized.t - at.start.t,
    render: at.rendered.t - at.answered.t,
    mainThread: at.serialized.t - at.start.t + (at.rendered.t - at.answered.t),
    analysis: at.answered.detail?.ms,
    pill: at.rendered.t - at.idle.t,
    message: at.answered.t - at.serialized.t - (at.answered.detail?.ms ?? 0),
    chars: at.serialized.detail?.chars,
  };
}

/** Readability on the page in the tab, `n` times: ms per parse (clone included). */
async function readability(tab, n) {
  const code = `${READABILITY}
;(() => {
  const times = [];
  for (let i = 0; i < ${n}; i++) {
    const t0 = performance.now();
    const article = new Readability(document.cloneNode(true)).parse();
    times.push(performance.now() - t0);
    if (!article) times.push(NaN);
  }
  return JSON.stringify(times);
})()`;
  return JSON.parse(await tab.evaluateExpression(code));
}

async function stats(browser) {
  if (browser.kind === "chromium") {
    // From the worker itself: an extension page would live in the extension process and
    // weigh on its memory.
    const worker = browser.context.serviceWorkers().at(-1) ?? (await browser.context.waitForEvent("serviceworker"));
    return worker.evaluate(() => globalThis.mastheadStats());
  }
  return browser.ask({ type: "stats" });
}

// ---- one browser -------------------------------------------------------------------------

/** Cold starts: the background (and so the core) started by the page itself. Firefox gets a
 *  browser of its own for this, whose event page Firefox unloads after 1.5 s idle. */
async function coldRuns(kind, browser, url, result) {
  const cold = PAGES[0];
  const runs = QUICK ? 2 : kind === "chromium" ? 6 : 4;
  for (let i = 0; i < runs; i++) {
    let sinceBefore = null;
    if (kind === "chromium") {
      await browser.stopWorker();
    } else {
      sinceBefore = (await stats(browser)).since;
      await sleep(4000); // past extensions.background.idle.timeout: Firefox unloads the event page
    }
    const r = await load(browser, url(cold, `cold${i}`));
    await r.tab.close();
    if (kind === "firefox") {
      const since = (await stats(browser)).since;
      if (since === sinceBefore) {
        result.notes.push("Firefox kept the event page loaded: cold runs are not cold");
        break;
      }
    }
    result.cold.push(r);
  }
}

// Firefox rounds performance.now() to 1 ms in pages and extensions that are not
// cross-origin isolated (privacy.reduceTimerPrecision), which quantizes every timing this
// bench takes there; the bench's profile turns the rounding off. Chromium's timers are fine.
const PRECISE_TIMERS = { "privacy.reduceTimerPrecision": false };

async function benchBrowser(kind, server) {
  const browser = await BROWSERS[kind](tempProfile(`${kind}-bench`), { prefs: PRECISE_TIMERS });
  const result = { kind, pages: {}, cold: [], memory: {}, off: null, notes: [] };
  const url = (p, i) => server.url(p.host, p.path, `?masthead-bench&run=${i}`);
  try {
    // Memory before any page: the background started, the core not yet instantiated.
    await sleep(1000);
    result.memory.idle = { pss: extensionProcessPss(browser), wasm: (await stats(browser)).wasmMemoryBytes };

    if (kind === "chromium") await coldRuns(kind, browser, url, result);

    for (const p of PAGES) {
      const runs = QUICK ? Math.min(p.runs, 3) : p.runs;
      const rs = [];
      const rd = [];
      // One warm-up load, not counted.
      await (await load(browser, url(p, "warmup"))).tab.close();
      for (let i = 0; i < runs; i++) {
        const r = await load(browser, url(p, i));
        if (i < Math.min(runs, 5) && p.id !== "big20mb") rd.push(...(await readability(r.tab, p.id === "nodes100k" ? 1 : 3)));
        else if (i === 0) rd.push(...(await readability(r.tab, 1)));
        const words = i === 0 ? await r.tab.evaluateExpression("(document.body.innerText.match(/\\S+/g) || []).length") : null;
        if (words !== null) result.pages[p.id] = { words };
        await r.tab.close();
        rs.push(r);
      }
      const pick = (k) => rs.map((r) => r[k]);
      Object.assign(result.pages[p.id], {
        label: p.label,
        runs,
        chars: rs[0].chars,
        mainThread: median(pick("mainThread")),
        mainThreadP90: quantile(pick("mainThread"), 0.9),
        serialize: median(pick("serialize")),
        render: median(pick("render")),
        highlights: median(pick("highlights")),
        panelBody: median(pick("panelBody")),
        analysis: median(pick("analysis")),
        analysisP90: quantile(pick("analysis"), 0.9),
        message: median(pick("message")),
        pill: median(pick("pill")),
        pillP90: quantile(pick("pill"), 0.9),
        readability: median(rd),
        readabilityRuns: rd.length,
      });
      if (p.id === "words2000") result.memory.afterArticles = { pss: extensionProcessPss(browser), wasm: (await stats(browser)).wasmMemoryBytes };
    }
    result.memory.afterBig = { pss: extensionProcessPss(browser), wasm: (await stats(browser)).wasmMemoryBytes };

    // A site that is off: no serialization, no message.
    const off = PAGES[0];
    {
      const tab = await browser.open(url(off, "switch"));
      await waitFor(() => tab.panel((root) => root.querySelector(".pill")?.dataset.verdict), { what: "the pill" });
      const popup = await browser.popup(tab);
      await popup.waitVisible("#site-on");
      await popup.click("#site-on");
      await popup.close();
      await tab.close();
    }
    const s0 = await stats(browser);
    const offTab = await browser.open(url(off, "off"));
    await sleep(2000);
    const s1 = await stats(browser);
    const offMarks = JSON.parse(await offTab.evaluateExpression(MARKS_JS)).map((m) => m.name);
    await offTab.close();
    result.off = {
      messages: s1.contentMessages - s0.contentMessages,
      analyses: s1.analyses - s0.analyses,
      serialized: offMarks.includes("serialized"),
      sameBackground: s1.since === s0.since,
    };
  } finally {
    await browser.close();
  }
  if (kind === "firefox") {
    const coldBrowser = await BROWSERS[kind](tempProfile(`${kind}-bench-cold`), { prefs: { ...PRECISE_TIMERS, "extensions.background.idle.timeout": 1500 } });
    try {
      await coldRuns(kind, coldBrowser, url, result);
    } finally {
      await coldBrowser.close();
    }
  }
  return result;
}

// ---- the report --------------------------------------------------------------------------

function report(m, results) {
  const date = new Date().toISOString().slice(0, 10);
  const L = [];
  L.push(`Measured ${date} by \`node tests/bench/browser.mjs\` (\`./build.sh bench\`), headless, on ${m.cpu}, ${m.cores} cores, ${m.ram} RAM, ${m.os}; ${m.chromium}, ${m.firefox}, Node ${m.node}. Load average at the start: ${m.load}.`);
  L.push("");
  L.push("Method: each page is loaded with `?masthead-bench`, which makes the content script record User Timing marks (`idle` at its first line, `start`/`serialized` around `outerHTML`, `answered` when the background's answer arrives, with the background's own timing of the wasm call, `rendered` when the pill is drawn, with the panel too if it opens by itself; then `highlighted` when the evidence highlights are set in idle time, and `built` when the panel's body is built, on its first opening: the bench opens it with a click on the pill after `highlighted`). Main thread = serialization + rendering, the work done before the pill is up; the two later columns are main-thread work too, but done after the pill (in idle time) or on the reader's click, not at load. Pill = `rendered` − `idle` (settings read, serialization, message, analysis, answer, rendering). Warm: the background and the core already running; cold: Chromium's service worker stopped through CDP (`ServiceWorker.stopAllWorkers`) before the load, Firefox's event page left idle until Firefox unloaded it (`extensions.background.idle.timeout` = 1.5 s). Readability: `new Readability(document.cloneNode(true)).parse()` run on the same page, in the same tab, on its main thread (@mozilla/readability " + JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@mozilla/readability/package.json"), "utf8")).version + "). Memory: the wasm linear memory of the core (from the background) and the PSS of the browser's extension process (from /proc). Firefox runs with `privacy.reduceTimerPrecision` off, so its timings are not rounded to whole milliseconds. Medians; p90 where shown.");
  L.push("");
  for (const r of results) {
    const name = r.kind === "chromium" ? "Chromium" : "Firefox ESR";
    L.push(`### ${name}`);
    L.push("");
    L.push("| page | words | chars sent | main thread ms (p90) | serialize | render | Readability ms | Masthead / Readability | analysis ms in wasm (p90) | message ms | pill from document_idle, warm (p90) | later: highlights in idle ms | later: panel body on first open ms |");
    L.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const p of Object.values(r.pages)) {
      L.push(`| ${p.label} | ${p.words} | ${p.chars} | ${f(p.mainThread)} (${f(p.mainThreadP90)}) | ${f(p.serialize)} | ${f(p.render)} | ${f(p.readability)} | ${f(p.mainThread / p.readability, 2)} | ${f(p.analysis)} (${f(p.analysisP90)}) | ${f(p.message)} | ${f(p.pill)} (${f(p.pillP90)}) | ${f(p.highlights)} | ${f(p.panelBody)} |`);
    }
    L.push("");
    const coldPill = median(r.cold.map((c) => c.pill));
    const coldAnalysis = median(r.cold.map((c) => c.analysis));
    L.push(`Cold start on the typical article (${r.cold.length} runs): pill ${f(coldPill)} ms from document_idle (warm: ${f(r.pages.typical?.pill)} ms); the first analysis ${f(coldAnalysis)} ms.${r.notes.length ? " " + r.notes.join("; ") + "." : ""}`);
    const mb = (b) => f(b / 2 ** 20);
    const mem = r.memory;
    L.push(`Background memory: core (wasm linear memory) ${mb(mem.idle.wasm)} MiB before any page, ${mb(mem.afterArticles?.wasm)} MiB after the article pages, ${mb(mem.afterBig?.wasm)} MiB after the 100,000-node and 20 MB pages (the background starts the core afresh past 48 MiB); extension process PSS ${f(mem.idle.pss)} → ${f(mem.afterArticles?.pss)} → ${f(mem.afterBig?.pss)} MiB.`);
    L.push(`A site switched off (then loaded afresh): ${r.off.messages} messages, ${r.off.analyses} analyses, serialized: ${r.off.serialized ? "yes" : "no"}${r.off.sameBackground ? "" : " (the background restarted in between: counts not comparable)"}.`);
    L.push("");
  }
  // Budgets.
  L.push("### Budgets");
  L.push("");
  L.push("| budget | " + results.map((r) => (r.kind === "chromium" ? "Chromium" : "Firefox ESR")).join(" | ") + " |");
  L.push("|---|" + results.map(() => "---").join("|") + "|");
  const ok = (b) => (b ? "met" : "**not met**");
  const row = (label, fn) => L.push(`| ${label} | ${results.map(fn).join(" | ")} |`);
  row("main thread ≤ 10 ms median, typical article", (r) => `${ok(r.pages.typical.mainThread <= 10)}: ${f(r.pages.typical.mainThread)} ms`);
  row("main thread ≤ ⅓ of Readability's, typical article", (r) => `${ok(r.pages.typical.mainThread <= r.pages.typical.readability / 3)}: ${f(r.pages.typical.mainThread / r.pages.typical.readability, 2)}×`);
  row("pill ≤ 100 ms warm, typical article", (r) => `${ok(r.pages.typical.pill <= 100)}: ${f(r.pages.typical.pill)} ms`);
  row("analysis < 5 ms, 2,000-word article, wasm", (r) => `${ok(r.pages.words2000.analysis < 5)}: ${f(r.pages.words2000.analysis)} ms`);
  row("no serialization, no message on a site that is off", (r) => `${ok(r.off.messages === 0 && r.off.analyses === 0 && !r.off.serialized)}: ${r.off.messages} messages`);
  L.push("");
  return L.join("\n");
}

const BEGIN = "<!-- browser benchmarks: begin (written by tests/bench/browser.mjs) -->";
const END = "<!-- browser benchmarks: end -->";

/** Puts `body` into BENCHMARKS.md under "## In the browser", touching nothing else. */
function writeBenchmarks(body, analysis) {
  const file = path.join(ROOT, "BENCHMARKS.md");
  let md = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const block = `${BEGIN}\n${body}\n${analysis ? analysis + "\n" : ""}${END}`;
  if (md.includes(BEGIN) && md.includes(END)) {
    md = md.slice(0, md.indexOf(BEGIN)) + block + md.slice(md.indexOf(END) + END.length);
  } else if (md.includes("## In the browser")) {
    const at = md.indexOf("\n", md.indexOf("## In the browser")) + 1;
    md = md.slice(0, at) + "\n" + block + "\n" + md.slice(at);
  } else {
    md = md.replace(/\s*$/, "\n\n") + "## In the browser\n\n" + block + "\n";
  }
  fs.writeFileSync(file, md);
}

// ---- main --------------------------------------------------------------------------------

const genDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bench-"));
generate(genDir);
const benchDir = path.join(genDir, "bench");
fs.mkdirSync(benchDir);
article2000(benchDir);
const server = await startServer({ mounts: { "/gen/": genDir, "/bench/": benchDir } });
const m = machine();
const results = [];
try {
  for (const kind of browsersUnderTest()) {
    process.stderr.write(`bench: ${kind}...\n`);
    results.push(await benchBrowser(kind, server));
  }
} finally {
  await server.close();
  fs.rmSync(genDir, { recursive: true, force: true });
}
const body = report(m, results);
console.log(body);
const analysisFile = path.join(ROOT, "tests/bench/browser-analysis.md");
if (!QUICK && !process.env.MASTHEAD_BROWSERS) writeBenchmarks(body, fs.existsSync(analysisFile) ? fs.readFileSync(analysisFile, "utf8").trim() : "");
else process.stderr.write("bench: a partial run (BENCH_QUICK or MASTHEAD_BROWSERS): BENCHMARKS.md left as it was\n");
