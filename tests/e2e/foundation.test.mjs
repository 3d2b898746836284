// The foundation, end to end in both browsers: the reference article under Sputnik's real host
// and under an unrelated host, a page whose CSP forbids everything, and the per-site switch
// from the toolbar popup (at once in open tabs, after a reload, after a browser restart).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { startServer } from "./server.mjs";
import { BROWSERS, browsersUnderTest, tempProfile, waitFor, sleep, ARTIFACTS } from "./browsers.mjs";

const REFERENCE = "reference-article.html";
let server;
before(async () => (server = await startServer()));
after(async () => server?.close());

const panelText = (tab) => tab.panel((root) => root.querySelector(".panel")?.textContent ?? "");
const pill = (tab) => tab.panel((root) => ({ text: root.querySelector(".pill")?.textContent ?? "", verdict: root.querySelector(".pill")?.dataset.verdict ?? "" }));
const panelOpen = (tab) => tab.panel((root) => !root.querySelector(".panel").hidden);
const waitPill = (tab) => waitFor(async () => (await pill(tab))?.verdict && pill(tab), { what: "the Masthead pill" });

/** No panel appears within a settle time after load (the content script runs at document_idle). */
async function assertNoPanel(tab, ms = 2500) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    assert.equal(await tab.panel(() => true), null, "no panel on a site that is off");
    await sleep(200);
  }
}

for (const kind of browsersUnderTest()) {
  test(`${kind}: foundation`, { timeout: 240000 }, async (t) => {
    const browser = await BROWSERS[kind](tempProfile(kind));
    t.after(() => browser.close());
    const shot = (tab, name) => tab.screenshot(path.join(ARTIFACTS, `${kind}-${name}.png`));

    await t.test("verified: the reference article under sputnikglobe.com names Sputnik and its facts", async () => {
      const tab = await browser.open(server.url("sputnikglobe.com", REFERENCE));
      const p = await waitPill(tab);
      assert.equal(p.verdict, "verified");
      assert.match(p.text, /Sputnik/);
      assert.equal(await panelOpen(tab), false, "a verified page does not open the panel by itself");
      await tab.clickPanel(".pill");
      await waitFor(() => panelOpen(tab), { what: "panel open after a click" });
      const text = await panelText(tab);
      assert.match(text, /sputnikglobe\.com belongs to Sputnik/);
      assert.match(text, /Rossiya Segodnya/);
      assert.match(text, /State-controlled media/);
      assert.match(text, /Council Regulation \(EU\) 2022\/350/);
      assert.match(text, /2022-03-01/);
      const sources = await tab.panel((root) => [...root.querySelectorAll("a.source")].map((a) => a.href));
      assert.ok(sources.length >= 4 && sources.every((h) => /^https:\/\//.test(h)), "every fact links its source");
      await shot(tab, "verified");
      await tab.press("Escape");
      await waitFor(async () => !(await panelOpen(tab)), { what: "Esc closes the panel" });
      await tab.close();
    });

    await t.test("claimed: the same page under another host says the host is not Sputnik's", async () => {
      const tab = await browser.open(server.url("world-news-today.net", REFERENCE));
      const p = await waitPill(tab);
      assert.equal(p.verdict, "claimed");
      await waitFor(() => panelOpen(tab), { what: "the panel opens by itself on a mismatch" });
      const alert = await tab.panel((root) => root.querySelector(".alert")?.textContent);
      assert.match(alert, /calls itself Sputnik, but world-news-today\.net is not one of its domains/);
      assert.match(alert, /sputnikglobe\.com/);
      await shot(tab, "claimed");
      await tab.close();
    });

    await t.test("a page with Content-Security-Policy: default-src 'none' still gets its panel", async () => {
      const tab = await browser.open(server.url("sputnikglobe.com", REFERENCE, "?csp=none"));
      const p = await waitPill(tab);
      assert.equal(p.verdict, "verified");
      await tab.close();
    });

    await t.test("per-site switch: off at once, after reload and restart; other sites unaffected; on again", async () => {
      let tab = await browser.open(server.url("sputnikglobe.com", REFERENCE));
      let other = await browser.open(server.url("world-news-today.net", REFERENCE));
      await waitPill(tab);
      await waitPill(other);

      let popup = await browser.popup(tab);
      await popup.waitVisible("#site-on");
      assert.equal(await popup.text("#site"), "sputnikglobe.com");
      assert.equal(await popup.checked("#site-on"), true);
      await popup.click("#site-on");
      await popup.close();

      await waitFor(async () => (await tab.panel(() => true)) === null, { what: "the panel leaves the open tab" });
      assert.ok(await pill(other), "another site keeps its panel");
      await tab.reload();
      await assertNoPanel(tab);

      await browser.restart();
      tab = await browser.open(server.url("sputnikglobe.com", REFERENCE));
      await assertNoPanel(tab);
      other = await browser.open(server.url("world-news-today.net", REFERENCE));
      await waitPill(other);

      popup = await browser.popup(tab);
      await popup.waitVisible("#site-on");
      assert.equal(await popup.checked("#site-on"), false, "the switch remembers after a restart");
      await popup.click("#site-on");
      await popup.close();
      const back = await waitPill(tab);
      assert.equal(back.verdict, "verified");
    });
  });
}
