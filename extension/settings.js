// Settings shared by the background, the content script, the popup and the options page.
// One object under one key in storage.local; anything missing, corrupt or foreign in storage
// falls back to the defaults field by field, so a bad value never breaks the extension.
"use strict";

var MastheadSettings = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const KEY = "settings";
  const DEFAULTS = Object.freeze({
    paused: false,            // off everywhere
    defaultOn: true,          // new sites on (true) or only the allow-listed ones (false)
    disabledSites: [],        // registrable domains switched off (when defaultOn)
    enabledSites: [],         // registrable domains switched on (when !defaultOn)
    autoOpen: "warnings",     // "warnings" | "always" | "never": when the panel opens by itself
    highlights: true,         // highlight evidence in the article
    families: { persuasion: true, framing: true, sourcing: true, provenance: true },
  });

  const isSiteList = (v) => Array.isArray(v) && v.every((s) => typeof s === "string" && s.length < 256);

  /** Reads a stored value into a well-formed settings object. */
  function sanitize(raw) {
    const s = structuredClone(DEFAULTS);
    if (!raw || typeof raw !== "object") return s;
    if (typeof raw.paused === "boolean") s.paused = raw.paused;
    if (typeof raw.defaultOn === "boolean") s.defaultOn = raw.defaultOn;
    if (isSiteList(raw.disabledSites)) s.disabledSites = [...new Set(raw.disabledSites)];
    if (isSiteList(raw.enabledSites)) s.enabledSites = [...new Set(raw.enabledSites)];
    if (["warnings", "always", "never"].includes(raw.autoOpen)) s.autoOpen = raw.autoOpen;
    if (typeof raw.highlights === "boolean") s.highlights = raw.highlights;
    if (raw.families && typeof raw.families === "object") {
      for (const f of Object.keys(s.families)) {
        if (typeof raw.families[f] === "boolean") s.families[f] = raw.families[f];
      }
    }
    return s;
  }

  async function load() {
    try {
      const got = await api.storage.local.get(KEY);
      return sanitize(got[KEY]);
    } catch {
      return structuredClone(DEFAULTS);
    }
  }

  async function save(settings) {
    await api.storage.local.set({ [KEY]: sanitize(settings) });
  }

  async function update(change) {
    const s = await load();
    change(s);
    await save(s);
    return s;
  }

  /** The stored site entry (a registrable domain) that covers `hostname`, if any. */
  function siteEntry(list, hostname) {
    const h = String(hostname).toLowerCase().replace(/\.$/, "");
    return list.find((site) => h === site || h.endsWith("." + site));
  }

  /** Whether Masthead runs on `hostname` under these settings. */
  function isOn(settings, hostname) {
    if (settings.paused) return false;
    return settings.defaultOn
      ? !siteEntry(settings.disabledSites, hostname)
      : Boolean(siteEntry(settings.enabledSites, hostname));
  }

  /** Switches one site (a registrable domain) on or off. */
  function setSite(settings, site, on) {
    const without = (list) => list.filter((s) => s !== site);
    settings.disabledSites = without(settings.disabledSites);
    settings.enabledSites = without(settings.enabledSites);
    if (settings.defaultOn && !on) settings.disabledSites.push(site);
    if (!settings.defaultOn && on) settings.enabledSites.push(site);
  }

  function onChange(listener) {
    api.storage.onChanged.addListener((changes, area) => {
      if (area === "local" && KEY in changes) listener(sanitize(changes[KEY].newValue));
    });
  }

  return { DEFAULTS, KEY, sanitize, load, save, update, isOn, setSite, onChange };
})();
