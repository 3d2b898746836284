// Masthead background: loads the Rust core (wasm) once and answers the content script,
// the popup and the options page. An ES module in both browsers (manifest "type": "module"):
// Chrome's service worker and Firefox's event page import the same glue.
import initCore, { analyze as coreAnalyze, siteOf, version, memoryBytes, __wbg_reset_state as resetCoreState } from "./wasm/masthead.js";

const api = globalThis.browser ?? globalThis.chrome;

/** The core, instantiated on first use. */
let corePromise = null;
let coreStarted = false;
function core() {
  corePromise ??= initCore({ module_or_path: api.runtime.getURL("wasm/masthead_bg.wasm") }).then(() => {
    coreStarted = true;
  });
  return corePromise;
}

/** Wasm memory only grows: one 20 MB page leaves the core holding ~70 MiB until the browser
 *  unloads the background. Past this size, and after any trap (whose state must not be
 *  reused), the core is instantiated afresh from the compiled module (a few ms). */
const CORE_MEMORY_LIMIT = 48 * 1024 * 1024;
function resetCore(why) {
  resetCoreState();
  stats.resets[why] = (stats.resets[why] ?? 0) + 1;
}
/** Counts the tests and benchmarks read with the "stats" message (extension pages only): since
 *  this background started, how many messages content scripts sent and how many pages the core
 *  analyzed, and the core's memory. Nothing about the pages themselves is kept. */
const stats = { since: Date.now(), contentMessages: 0, analyses: 0, resets: {} };
function statsNow() {
  return { ...stats, resets: { ...stats.resets }, wasmMemoryBytes: coreStarted ? memoryBytes() : 0 };
}
// The Chromium benchmark reads them from inside the worker (an extension page asking would
// weigh on the extension process it measures); a module's names are not globals.
globalThis.mastheadStats = statsNow;
const fromExtensionPage = (sender) => String(sender.url ?? "").startsWith(api.runtime.getURL(""));

const VERDICT_BADGE = { lookalike: "!", claimed: "!" };

async function analyze(url, html, tabId) {
  await core();
  const started = performance.now();
  let report;
  try {
    report = coreAnalyze(String(url), String(html));
  } catch (e) {
    resetCore("trap");
    throw e;
  }
  const ms = performance.now() - started;
  if (memoryBytes() > CORE_MEMORY_LIMIT) resetCore("memory");
  stats.analyses++;
  if (tabId !== undefined) showVerdict(tabId, report.identity);
  return { report, ms };
}

/** The toolbar button of one tab: a warning mark for a lookalike or a claim the host does not
 *  back, and a title that says the outlet and its status (what screen readers announce). */
function showVerdict(tabId, id) {
  const text = VERDICT_BADGE[id.verdict] ?? "";
  api.action.setBadgeText({ tabId, text }).catch(() => {});
  if (text) api.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" }).catch(() => {});
  api.action.setBadgeTextColor?.({ tabId, color: "#ffffff" })?.catch?.(() => {});
  const name = id.outlet?.name ?? id.imitates?.name ?? id.claimed?.name ?? id.host?.site ?? "";
  const status = id.verdict === "verified" && id.outlet?.stateMedia?.typology === "SC"
    ? api.i18n.getMessage("statusStateControlled")
    : api.i18n.getMessage("verdict_" + id.verdict);
  const title = name && status ? api.i18n.getMessage("actionTitleFor", [name, status]) : "";
  api.action.setTitle({ tabId, title: title || api.i18n.getMessage("actionTitle") }).catch(() => {});
}

/** What the keyboard shortcut does: open or close the panel in that tab. */
async function togglePanelIn(tab) {
  const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id !== undefined) await api.tabs.sendMessage(target.id, { type: "togglePanel" }).catch(() => {});
}
// The UI tests run the command's handler from inside the background (a headless browser takes
// no real shortcut key); a module's names are not globals.
globalThis.togglePanelIn = togglePanelIn;

async function handle(msg, sender) {
  switch (msg?.type) {
    case "analyze":
      return analyze(msg.url, msg.html, sender.tab?.id);
    case "siteOf":
      await core();
      return { site: siteOf(String(msg.host)) };
    case "version":
      await core();
      return { version: version() };
    case "openOptions":
      await api.runtime.openOptionsPage();
      return { ok: true };
    case "clearBadge":
      if (sender.tab?.id !== undefined) {
        await api.action.setBadgeText({ tabId: sender.tab.id, text: "" });
        await api.action.setTitle({ tabId: sender.tab.id, title: api.i18n.getMessage("actionTitle") }).catch(() => {});
      }
      return { ok: true };
    case "stats":
      if (!fromExtensionPage(sender)) throw new Error("unknown message");
      return statsNow();
    default:
      throw new Error("unknown message");
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only our own scripts talk to the background.
  if (sender.id !== api.runtime.id) return false;
  if (!fromExtensionPage(sender)) stats.contentMessages++;
  handle(msg, sender).then(sendResponse, (e) => sendResponse({ error: String(e?.message ?? e) }));
  return true;
});

api.commands?.onCommand.addListener((command, tab) => {
  if (command === "toggle-panel") togglePanelIn(tab);
});
