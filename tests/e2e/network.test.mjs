// No network: Masthead never asks anything of any server. A session in each browser browses
// the fixtures (articles, frames, pages with markup in their metadata, the popup and the
// options page) with every request of the whole browser routed through the fixture server as
// its proxy, so the server's log is a complete record (HTTPS tunnels and WebSocket upgrades
// are logged and refused), and the browser's own view is recorded too: Playwright's request
// events in Chromium (pages, frames and the extension's service worker), WebDriver BiDi's
// network.beforeRequestSent in Firefox. Then:
//
//   - every request the server saw is one a page made for itself: a page the test opened, or a
//     resource, frame or favicon named in the source of a page it served;
//   - the extension's own contexts (the service worker, the popup, the options page) loaded
//     nothing but files of the extension's package;
//   - and the check can fail: a fetch made from the background (and, in Firefox, from an
//     extension page) is caught by the same rules, in a control run at the end.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer, FIXTURES } from "./server.mjs";
import { BROWSERS, browsersUnderTest, tempProfile, waitFor, sleep } from "./browsers.mjs";

const PAGES = [
  ["sputnikglobe.com", "reference-article.html"],
  ["world-news-today.net", "reference-article.html"],
  ["wire.example-news.org", "markers/sober-wire-en.html"],
  ["news-hostile.net", "hostile/iframes.html"],
  ["news-hostile.net", "hostile/sitename-markup.html"],
  ["news-hostile.net", "hostile/jsonld-markup.html"],
  ["news-hostile.net", "hostile/css-overlay.html"],
];

/** What the browser itself asks for, whatever the extension does: Chromium's sign-in check
 *  and its updater (a CUP2-signed POST; Masthead's manifest has no update_url), Firefox's
 *  Remote Settings sync. Only these exact hosts. */
const BROWSER_OWN = {
  chromium: [/^accounts\.google\.com:443$/, /^update\.googleapis\.com(:80|:443)?$/],
  firefox: [/^firefox\.settings\.services\.mozilla\.com:443$/],
};

let server;
before(async () => (server = await startServer()));
after(async () => server?.close());

/** The requests in `log` that no page made for itself (see the header). */
function unexplained(log, opened) {
  const sources = [];
  const hosts = new Set(opened.map(([h]) => h));
  const served = new Set(opened.map(([h, p]) => `${h}/${p}`));
  for (const r of log) {
    const p = r.url.split("?")[0];
    if (/\.(x?html)$/.test(p)) {
      const file = path.join(FIXTURES, decodeURIComponent(p));
      if (file.startsWith(FIXTURES) && fs.existsSync(file)) sources.push(fs.readFileSync(file, "latin1"));
    }
  }
  const named = (s) => sources.some((src) => src.includes(s));
  return log.filter((r) => {
    if (r.method === "CONNECT" || r.method === "UPGRADE") return true;
    const host = String(r.host).replace(/:\d+$/, "");
    const known = hosts.has(host) || named(host);
    if (!known) return true;
    if (served.has(`${host}${r.url}`)) return false;
    if (r.url === "/favicon.ico") return false;
    return !named(r.url);
  });
}

for (const kind of browsersUnderTest()) {
  test(`${kind}: the extension makes no request`, { timeout: 180000 }, async (t) => {
    const browser = await BROWSERS[kind](tempProfile(`${kind}-network`), { proxy: server.port });
    t.after(() => browser.close());
    const packageBase = browser.extensionBase;
    const recorder = await browser.recordRequests();
    const mark = server.requests.length;

    const opened = [];
    for (const [host, page] of PAGES) {
      const tab = await browser.open(`http://${host}:${server.port}/${page}`);
      opened.push([host, page]);
      await waitFor(() => tab.panel((root) => root.querySelector(".pill")?.dataset.verdict), { what: `the pill on ${page}` });
      if (page === PAGES[0][1] && host === PAGES[0][0]) {
        // The extension's own pages, for this tab.
        const popup = await browser.popup(tab);
        await popup.waitVisible("#site-on");
        await popup.close();
        const options = await browser.options();
        await sleep(500);
        await options.close();
      }
      await tab.close();
    }
    await sleep(1000); // late requests (favicons, frames) land in the log
    await recorder.stop();
    const session = server.requests.slice(mark);

    await t.test("the server saw only the pages' own requests", () => {
      assert.ok(session.length >= PAGES.length * 2, `the proxy saw the session (${session.length} requests)`);
      assert.ok(session.every((r) => r.proxied || r.method !== "GET"), "every request came through the proxy");
      const own = session.filter((r) => BROWSER_OWN[kind].some((re) => re.test(r.host)));
      const odd = unexplained(session, opened).filter((r) => !own.includes(r));
      assert.deepEqual(odd, [], "requests no page made for itself");
      t.diagnostic(`${kind}: ${session.length} requests through the proxy, ${own.length} of them the browser's own (${[...new Set(own.map((r) => r.host))].join(", ") || "none"})`);
      for (const r of session) {
        for (const h of ["origin", "referer"]) assert.doesNotMatch(String(r.headers[h] ?? ""), /^(chrome|moz)-extension:/, `${r.url} was not asked for by the extension`);
      }
    });

    await t.test("the extension's own contexts loaded only files of its package", () => {
      const log = recorder.log;
      assert.ok(log.length > 0, "the browser's recorder saw the session");
      if (kind === "chromium") {
        const fromWorker = log.filter((r) => r.serviceWorker?.startsWith(packageBase));
        const fromPages = log.filter((r) => r.frameUrl?.startsWith(packageBase));
        assert.ok(fromPages.length > 0, "the popup's and options page's own files were recorded");
        for (const r of [...fromWorker, ...fromPages]) assert.ok(r.url.startsWith(packageBase + "/"), `extension request to ${r.url}`);
      } else {
        // BiDi reports extension pages' requests in their own browsing contexts (the background
        // page's are not reported at all: the proxy log above covers those).
        const ext = log.filter((r) => r.url.startsWith("moz-extension:"));
        for (const r of ext) assert.ok(r.url.startsWith(packageBase + "/"), `extension request to ${r.url}`);
      }
      for (const r of log) assert.match(r.url, /^(https?:\/\/[^/]+:\d+\/|chrome-extension:|moz-extension:|data:|blob:|about:)/, `an unexpected request: ${r.url}`);
      // Every http request the browser reports went through the proxy and is in its log.
      const seen = new Set(session.map((r) => `${String(r.host).replace(/:\d+$/, "")}${r.url}`));
      for (const r of log.filter((r) => r.url.startsWith("http"))) {
        const u = new URL(r.url);
        assert.ok(seen.has(`${u.hostname}${u.pathname}${u.search}`), `${r.url} is in the server's log`);
      }
    });

    await t.test("a site that is off: no serialization, no message", async () => {
      // Switched off from the popup, as a reader does; then a fresh load of that site.
      const url = `http://sputnikglobe.com:${server.port}/reference-article.html?masthead-bench`;
      let tab = await browser.open(url);
      await waitFor(() => tab.panel((root) => root.querySelector(".pill")?.dataset.verdict), { what: "the pill" });
      const marksOn = await tab.evaluateExpression("performance.getEntriesByType('mark').filter((m) => m.name.startsWith('masthead:')).length");
      assert.ok(marksOn >= 3, "the benchmark marks show a run when the site is on");
      const popup = await browser.popup(tab);
      await popup.waitVisible("#site-on");
      await popup.click("#site-on");
      await popup.close();
      await waitFor(async () => (await tab.panel(() => true)) === null, { what: "the panel to go" });
      await tab.close();
      await sleep(300);
      const before = await browser.ask({ type: "stats" });
      tab = await browser.open(url);
      await sleep(2500);
      const after = await browser.ask({ type: "stats" });
      assert.equal(after.since, before.since, "the same background throughout");
      assert.equal(after.contentMessages, before.contentMessages, "the content script sent no message");
      assert.equal(after.analyses, before.analyses, "nothing was analyzed");
      assert.equal(await tab.panel(() => true), null, "no panel");
      const marks = await tab.evaluateExpression("performance.getEntriesByType('mark').filter((m) => /^masthead:(start|serialized)$/.test(m.name)).length");
      assert.equal(marks, 0, "the content script did not serialize the page");
      // On again, for the rest of the session.
      const popup2 = await browser.popup(tab);
      await popup2.waitVisible("#site-on");
      await popup2.click("#site-on");
      await popup2.close();
      await tab.close();
    });

    await t.test("control: a request from the background is caught", async () => {
      const before = server.requests.length;
      const rec = await browser.recordRequests();
      const target = `http://telemetry-control.example/collect?from=background`;
      if (kind === "chromium") {
        const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(packageBase)) ?? (await browser.context.waitForEvent("serviceworker"));
        await worker.evaluate((u) => Promise.allSettled([fetch(u), fetch("https://secure-control.example/")]), target);
      } else {
        await browser.driver.switchTo().window(browser.home);
        await browser.driver.executeAsyncScript(
          "const done = arguments[arguments.length - 1]; browser.runtime.getBackgroundPage().then((bg) => Promise.allSettled([bg.fetch(arguments[0]), bg.fetch('https://secure-control.example/'), fetch(arguments[1])])).then(() => done(), (e) => done(String(e)));",
          target,
          "http://page-control.example/from-extension-page",
        );
      }
      await sleep(500);
      await rec.stop();
      const odd = unexplained(server.requests.slice(before), opened);
      assert.ok(odd.some((r) => r.host === "telemetry-control.example" && r.url.includes("from=background")), "the background's http request is flagged");
      assert.ok(odd.some((r) => r.method === "CONNECT" && r.host.startsWith("secure-control.example")), "the background's https request is flagged");
      if (kind === "chromium") {
        assert.ok(rec.log.some((r) => r.url === target && r.serviceWorker?.startsWith(packageBase)), "Playwright saw the service worker's request");
      } else {
        assert.ok(odd.some((r) => r.host === "page-control.example"), "an extension page's request is flagged");
        assert.ok(rec.log.some((r) => r.url.startsWith("http://page-control.example/")), "BiDi saw the extension page's request");
      }
    });
  });
}
