// Framing markers end to end in both browsers: the reference article's evidence is highlighted
// in the page with the CSS Custom Highlight API (the page's DOM untouched), the panel lists the
// families with their evidence, and a sober wire report stays quiet (issue 4).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./server.mjs";
import { BROWSERS, browsersUnderTest, tempProfile, waitFor } from "./browsers.mjs";

let server;
before(async () => (server = await startServer()));
after(async () => server?.close());

/** Highlighted text, read from the page's own world. */
const highlighted = (tab) =>
  tab.evaluate(() => {
    const h = globalThis.CSS?.highlights?.get("masthead-evidence");
    return h ? [...h].map((r) => r.toString()) : [];
  });

/** Opens the panel as a reader does (its body is built on first open) and waits for it. */
async function openPanel(tab) {
  await waitFor(() => tab.panel((root) => root.querySelector(".pill")?.dataset.verdict), { what: "pill" });
  if (await tab.panel((root) => root.querySelector(".panel").hidden)) await tab.clickPanel(".pill");
  await waitFor(() => tab.panel((root) => !root.querySelector(".panel").hidden), { what: "panel open" });
}

const bodyDigest = (tab) => tab.evaluate(() => `${document.body.getElementsByTagName("*").length}:${document.body.textContent.length}`);

for (const kind of browsersUnderTest()) {
  test(`${kind}: markers`, { timeout: 180000 }, async (t) => {
    const browser = await BROWSERS[kind](tempProfile(kind));
    t.after(() => browser.close());

    await t.test("the reference article: adversary frame, narrative terms and unsourced claims are highlighted", async () => {
      const tab = await browser.open(server.url("sputnikglobe.com", "reference-article.html"));
      const before = await bodyDigest(tab);
      const words = await waitFor(async () => {
        const w = await highlighted(tab);
        return w.length > 0 && w;
      }, { what: "evidence highlights" });
      const all = words.join(" | ");
      assert.match(all, /Western sanctions and pressures/);
      assert.match(all, /US hegemony/);
      assert.match(all, /multipolarity/);
      assert.match(all, /is expected to|is seen as/);
      assert.match(all, /In conclusion/);
      assert.equal(await bodyDigest(tab), before, "highlighting does not change the page's DOM");

      await openPanel(tab);
      const writing = await tab.panel((root) => root.querySelector(".writing")?.textContent ?? "");
      assert.match(writing, /Framing/, "framing family listed");
      assert.match(writing, /Sourcing/, "sourcing family listed");
      const made = await tab.panel((root) => root.querySelector(".made").textContent);
      assert.match(made, /Dates that disagree/);
      assert.match(made, /Byline\s*none/);
      await tab.close();
    });

    await t.test("a sober wire report: no framing or persuasion markers", async () => {
      const tab = await browser.open(server.url("www.reuters.com", "markers/sober-wire-en.html"));
      await openPanel(tab);
      const writing = await tab.panel((root) => root.querySelector(".writing")?.textContent ?? "");
      const panelText = await tab.panel((root) => root.querySelector(".panel").textContent);
      assert.match(writing, /\S/, `the panel's line on the writing is there; the panel reads: ${panelText}`); // the first .writing: li.writing
      assert.doesNotMatch(writing, /Framing and narrative|Persuasion techniques/, `the panel reads: ${panelText}`);
      await tab.close();
    });
  });
}
