// The five UI languages: every locale has every string (with the same placeholders), every
// marker rule of the core has its label and explanation in every locale (English identical to
// crate/data/lexicons/rules.txt, so a changed rule shows up here), and the panel follows the
// browser's language (Chromium started in Russian; the Firefox ESR under test ships only en-US).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer } from "./server.mjs";
import { BROWSERS, browsersUnderTest, tempProfile, waitFor, ROOT } from "./browsers.mjs";

const LOCALES = ["en", "ru", "de", "fr", "es"];
const read = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, "extension/_locales", lang, "messages.json"), "utf8"));
const messages = Object.fromEntries(LOCALES.map((l) => [l, read(l)]));

function rules() {
  const out = {};
  let current = null;
  for (const line of fs.readFileSync(path.join(ROOT, "crate/data/lexicons/rules.txt"), "utf8").split("\n")) {
    const head = /^\[(.+)\]$/.exec(line);
    if (head) out[(current = head[1])] = {};
    else if (current && !line.startsWith("#") && line.includes("=")) {
      const i = line.indexOf("=");
      out[current][line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return Object.fromEntries(Object.entries(out).filter(([, r]) => r.cue !== "true"));
}

test("every locale has every English key, and nothing else", () => {
  const keys = Object.keys(messages.en).sort();
  for (const lang of LOCALES) assert.deepEqual(Object.keys(messages[lang]).sort(), keys, lang);
});

test("placeholders: the same names in every locale, each one used in the message", () => {
  for (const [key, en] of Object.entries(messages.en)) {
    const names = Object.keys(en.placeholders ?? {}).sort();
    for (const lang of LOCALES) {
      const m = messages[lang][key];
      assert.deepEqual(Object.keys(m.placeholders ?? {}).sort(), names, `${lang} ${key}`);
      for (const n of names) assert.ok(m.message.toLowerCase().includes(`$${n}$`), `${lang} ${key} uses $${n}$`);
      const used = [...m.message.matchAll(/\$([A-Za-z_]+)\$/g)].map((x) => x[1].toLowerCase());
      for (const u of used) assert.ok(names.includes(u), `${lang} ${key}: $${u}$ is declared`);
      assert.ok(m.message.trim().length > 0, `${lang} ${key} is not empty`);
    }
  }
});

test("marker rules: label and explanation in every locale; English is the core's text", () => {
  const all = rules();
  assert.ok(Object.keys(all).length >= 30);
  for (const [rule, r] of Object.entries(all)) {
    const key = "mk_" + rule.replace(/[^A-Za-z0-9]/g, "_");
    assert.equal(messages.en[key + "_label"]?.message, r.label, `${rule} label`);
    assert.equal(messages.en[key + "_explain"]?.message, r.explanation, `${rule} explanation`);
    if (r.narrative) assert.equal(messages.en[key + "_narrative"]?.message, r.narrative, `${rule} narrative`);
    for (const lang of LOCALES.slice(1)) {
      assert.ok(messages[lang][key + "_label"], `${lang} ${rule} label`);
      assert.notEqual(messages[lang][key + "_explain"].message, r.explanation, `${lang} ${rule} is translated`);
    }
  }
});

let server;
before(async () => (server = await startServer()));
after(async () => server?.close());

// Debian's chromium carries only en-US; its other UI languages are in the chromium-l10n package.
const RU_PAK = "/usr/lib/chromium/locales/ru.pak";
const skipRussian = !browsersUnderTest().includes("chromium") ? "chromium not under test" : !fs.existsSync(RU_PAK) ? `no ${RU_PAK} (apt-get install chromium-l10n)` : false;

test("chromium in Russian: pill, identity sentence and marker explanations in Russian", { skip: skipRussian, timeout: 60000 }, async (t) => {
  // Chromium on Linux takes its UI language from LANGUAGE; the extension follows it.
  const saved = process.env.LANGUAGE;
  process.env.LANGUAGE = "ru";
  let browser;
  try {
    browser = await BROWSERS.chromium(tempProfile("ui-ru"));
  } finally {
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
  }
  t.after(() => browser.close());
  const tab = await browser.open(server.url("world-news-today.net", "reference-article.html"));
  const seen = await waitFor(() =>
    tab.panel((root) => {
      const panel = root.querySelector(".panel");
      if (!panel || panel.hidden) return null;
      for (const d of root.querySelectorAll("details")) d.open = true;
      return {
        status: root.querySelector(".pill .status").textContent,
        alert: root.querySelector(".alert").textContent,
        lang: root.querySelector(".wrap").lang,
        explanation: root.querySelector('details.marker[data-rule="framing.adversary_bloc"] .explanation').textContent,
        why: root.querySelector(".why summary").textContent,
      };
    }), { what: "the Russian panel" });
  assert.match(seen.lang, /^ru/);
  assert.equal(seen.status, "не подтверждено");
  assert.equal(seen.alert, "Эта страница называет себя Sputnik, но world-news-today.net не принадлежит этому изданию. Настоящее издание Sputnik находится на sputnikglobe.com.");
  assert.match(seen.explanation, /^«Мы против них»/);
  assert.equal(seen.why, "Почему я это вижу?");
  await tab.screenshot(path.join(ROOT, "tests/artifacts/chromium-ui-ru.png"));
});
