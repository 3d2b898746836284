// Masthead background: loads the Rust core (wasm) once and answers the content script,
// the popup and the options page. Chrome runs this as a service worker (importScripts below);
// Firefox as an event page whose manifest entry loads wasm/masthead.js and settings.js first.
"use strict";

if (typeof importScripts === "function" && typeof wasm_bindgen === "undefined") {
  importScripts("wasm/masthead.js", "settings.js");
}

const api = globalThis.browser ?? globalThis.chrome;

/** The core, instantiated on first use. A trap in the core drops it so the next call starts clean. */
let corePromise = null;
function core() {
  corePromise ??= wasm_bindgen({ module_or_path: api.runtime.getURL("wasm/masthead_bg.wasm") }).then(() => wasm_bindgen);
  return corePromise;
}

const VERDICT_BADGE = { lookalike: "!", claimed: "!" };

async function analyze(url, html, tabId) {
  const m = await core();
  const started = performance.now();
  let report;
  try {
    report = m.analyze(String(url), String(html));
  } catch (e) {
    corePromise = null;
    throw e;
  }
  const ms = performance.now() - started;
  if (tabId !== undefined) {
    const text = VERDICT_BADGE[report.identity.verdict] ?? "";
    api.action.setBadgeText({ tabId, text }).catch(() => {});
    if (text) api.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" }).catch(() => {});
  }
  return { report, ms };
}

async function handle(msg, sender) {
  switch (msg?.type) {
    case "analyze":
      return analyze(msg.url, msg.html, sender.tab?.id);
    case "siteOf":
      return { site: (await core()).siteOf(String(msg.host)) };
    case "version":
      return { version: (await core()).version() };
    case "openOptions":
      await api.runtime.openOptionsPage();
      return { ok: true };
    case "clearBadge":
      if (sender.tab?.id !== undefined) await api.action.setBadgeText({ tabId: sender.tab.id, text: "" });
      return { ok: true };
    default:
      throw new Error("unknown message");
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only our own scripts talk to the background.
  if (sender.id !== api.runtime.id) return false;
  handle(msg, sender).then(sendResponse, (e) => sendResponse({ error: String(e?.message ?? e) }));
  return true;
});

api.commands?.onCommand.addListener(async (command, tab) => {
  if (command !== "toggle-panel") return;
  const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id !== undefined) api.tabs.sendMessage(target.id, { type: "togglePanel" }).catch(() => {});
});
