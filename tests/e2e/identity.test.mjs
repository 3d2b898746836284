// Outlet identity end to end in both browsers: the outlet card under a real outlet's host and
// the plain lookalike sentence under a host that imitates it (issue 3).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { startServer } from "./server.mjs";
import { BROWSERS, browsersUnderTest, tempProfile, waitFor, ARTIFACTS } from "./browsers.mjs";

const PAGE = "identity/spiegel-article.html";
let server;
before(async () => (server = await startServer()));
after(async () => server?.close());

const state = (tab) =>
  tab.panel((root) => ({
    verdict: root.querySelector(".pill")?.dataset.verdict ?? "",
    open: !root.querySelector(".panel").hidden,
    alert: root.querySelector(".alert")?.textContent ?? null,
    card: root.querySelector(".card")?.textContent ?? null,
    text: root.querySelector(".panel").textContent,
  }));

/** Waits for the pill, then opens the panel as a reader does (its body is built on first open). */
async function openedState(tab) {
  await waitFor(async () => (await state(tab))?.verdict, { what: "pill" });
  if (!(await state(tab)).open) await tab.clickPanel(".pill");
  return waitFor(async () => {
    const s = await state(tab);
    return s.open && s;
  }, { what: "panel open" });
}

for (const kind of browsersUnderTest()) {
  test(`${kind}: identity`, { timeout: 180000 }, async (t) => {
    const browser = await BROWSERS[kind](tempProfile(kind));
    t.after(() => browser.close());

    await t.test("under www.spiegel.de: verified, with the outlet card and its sources", async () => {
      const tab = await browser.open(server.url("www.spiegel.de", PAGE));
      const s = await openedState(tab);
      assert.equal(s.verdict, "verified");
      assert.equal(s.alert, null);
      assert.match(s.card, /Der Spiegel/);
      assert.match(s.card, /Spiegel-Verlag Rudolf Augstein/);
      assert.match(s.card, /Germany|Deutschland/);
      const links = await tab.panel((root) => [...root.querySelectorAll(".card a.source")].map((a) => a.href));
      assert.ok(links.length >= 2 && links.every((h) => h.startsWith("https://")));
      await tab.close();
    });

    await t.test("under spiegel.ltd: lookalike, said plainly and opened by itself", async () => {
      const tab = await browser.open(server.url("spiegel.ltd", PAGE));
      const s = await waitFor(async () => {
        const now = await state(tab);
        return now?.verdict && now.open && now;
      }, { what: "the panel opening on a lookalike" });
      assert.equal(s.verdict, "lookalike");
      assert.match(s.alert, /calls itself Der Spiegel, but spiegel\.ltd is not one of its domains/);
      assert.match(s.alert, /Der Spiegel is at spiegel\.de/);
      assert.equal(s.card, null, "no outlet card for a host that belongs to no outlet");
      await tab.screenshot(path.join(ARTIFACTS, `${kind}-lookalike.png`));
      await tab.close();
    });

    await t.test("an edition host is named as the outlet's edition", async () => {
      // (rt.com is on Chromium's HSTS preload list, so plain-http fixtures cannot use it.)
      const tab = await browser.open(server.url("mundo.sputniknews.com", "reference-article.html"));
      const s = await openedState(tab);
      assert.equal(s.verdict, "verified");
      assert.match(s.text, /mundo\.sputniknews\.com is an edition \(es\) of Sputnik/);
      await tab.close();
    });
  });
}
