// The toolbar popup: this site on or off (keyed by its registrable domain, computed by the
// core), and pause everywhere. Open tabs react through storage.onChanged.
"use strict";
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const $ = (id) => document.getElementById(id);

  async function activeTabId() {
    // ?tab=ID lets the popup be opened as a page for a given tab (keyboard users, tests).
    const fromQuery = Number(new URLSearchParams(location.search).get("tab"));
    if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  }

  async function currentSite() {
    try {
      const tabId = await activeTabId();
      if (tabId === undefined) return null;
      const who = await api.tabs.sendMessage(tabId, { type: "whoami" });
      if (!who?.hostname) return null;
      const answer = await api.runtime.sendMessage({ type: "siteOf", host: who.hostname });
      return answer?.site ?? null;
    } catch {
      return null; // no content script here (browser pages, the store, PDF viewers...)
    }
  }

  let settings = await MastheadSettings.load();
  const site = await currentSite();

  function show() {
    $("paused").checked = settings.paused;
    if (site) {
      $("site-section").hidden = false;
      $("site").textContent = site;
      $("site-on").checked = MastheadSettings.isOn({ ...settings, paused: false }, site);
      $("site-on").disabled = settings.paused;
    } else {
      $("no-site").hidden = false;
    }
  }
  show();

  $("site-on").addEventListener("change", async (e) => {
    settings = await MastheadSettings.update((s) => MastheadSettings.setSite(s, site, e.target.checked));
    show();
  });
  $("paused").addEventListener("change", async (e) => {
    settings = await MastheadSettings.update((s) => (s.paused = e.target.checked));
    show();
  });
  $("options").addEventListener("click", () => api.runtime.openOptionsPage());
})();
