// Fills every [data-i18n] element of an extension page with its localized string (as text).
"use strict";
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = api.i18n.getMessage(node.dataset.i18n) || node.dataset.i18n;
  }
  document.documentElement.lang = api.i18n.getUILanguage();
  document.documentElement.dir = api.i18n.getMessage("@@bidi_dir") || "ltr";
})();
