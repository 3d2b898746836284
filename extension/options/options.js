// The options page: every setting, saved on change; open tabs follow through storage.onChanged.
"use strict";
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const $ = (id) => document.getElementById(id);
  const t = (key) => api.i18n.getMessage(key) || key;
  let settings = await MastheadSettings.load();

  async function change(apply) {
    settings = await MastheadSettings.update(apply);
    show();
    $("status").textContent = t("optionsSaved");
  }

  function show() {
    $("paused").checked = settings.paused;
    $("default-on").checked = settings.defaultOn;
    $("default-off").checked = !settings.defaultOn;
    $("sites-title").textContent = t(settings.defaultOn ? "optionsDisabledSites" : "optionsEnabledSites");
    const key = settings.defaultOn ? "disabledSites" : "enabledSites";
    const list = $("sites");
    list.replaceChildren();
    for (const site of settings[key]) {
      const li = document.createElement("li");
      const name = document.createElement("span");
      name.textContent = site;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = t("optionsRemove");
      remove.setAttribute("aria-label", api.i18n.getMessage("optionsRemoveSite", [site]) || `${t("optionsRemove")} ${site}`);
      remove.addEventListener("click", () => change((s) => (s[key] = s[key].filter((x) => x !== site))));
      li.append(name, remove);
      list.append(li);
    }
    $("no-sites").hidden = settings[key].length > 0;
    $("clear").disabled = settings[key].length === 0;
    for (const r of document.querySelectorAll('input[name="autoOpen"]')) r.checked = r.value === settings.autoOpen;
    for (const c of document.querySelectorAll('input[name="family"]')) c.checked = settings.families[c.value] !== false;
    $("highlights").checked = settings.highlights;
  }

  $("paused").addEventListener("change", (e) => change((s) => (s.paused = e.target.checked)));
  for (const r of document.querySelectorAll('input[name="default"]')) {
    r.addEventListener("change", () => change((s) => (s.defaultOn = $("default-on").checked)));
  }
  $("clear").addEventListener("click", () => change((s) => (s[s.defaultOn ? "disabledSites" : "enabledSites"] = [])));
  for (const r of document.querySelectorAll('input[name="autoOpen"]')) {
    r.addEventListener("change", () => change((s) => (s.autoOpen = r.value)));
  }
  for (const c of document.querySelectorAll('input[name="family"]')) {
    c.addEventListener("change", () => change((s) => (s.families[c.value] = c.checked)));
  }
  $("highlights").addEventListener("change", (e) => change((s) => (s.highlights = e.target.checked)));
  MastheadSettings.onChange((next) => {
    settings = next;
    show();
  });
  show();
})();
