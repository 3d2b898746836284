// Real browsers with the real extension loaded the way a user loads it: Chromium through
// playwright-core (--load-extension, as "Load unpacked" does), Firefox ESR through
// selenium-webdriver + geckodriver (the packed .xpi installed into a profile, as a user
// installs an add-on). Both resolve every host name to 127.0.0.1, where the fixture server runs.
//
// The panel lives in a closed shadow root that page scripts cannot reach. The tests reach it
// the way browser tooling does: CDP's DOM.getDocument(pierce) in Chromium, WebDriver BiDi's
// shadow-tree serialization (includeShadowTree: "all") in Firefox. `panel(fn, ...args)` runs
// `fn(root, ...args)` against that root and returns its JSON-serializable result (or null
// when there is no panel).
import { chromium } from "playwright-core";
import { Builder, Key } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The built extension; MASTHEAD_EXT_DIR points the tests at another build of it. */
export const EXT_DIR = process.env.MASTHEAD_EXT_DIR ? path.resolve(process.env.MASTHEAD_EXT_DIR) : path.join(ROOT, "dist/extension");
export const ARTIFACTS = path.join(ROOT, "tests/artifacts");
const GECKO_ID = "masthead@masthead-ext.org";
const FIREFOX_UUID = "5f1b8c1e-6a0e-4b7b-9d5e-3c2a7e9f0a11";

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

export function tempProfile(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `masthead-${name}-`));
}

/** Polls `probe` until it returns a truthy value or the time runs out. */
export async function waitFor(probe, { timeout = 15000, interval = 100, what = "condition" } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(interval);
  }
  throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

const wrap = (fn) => `function(root, argsJson) { const args = JSON.parse(argsJson); return JSON.stringify((${fn.toString()})(root, ...args) ?? null); }`;

// ---- Chromium ---------------------------------------------------------------------------

class ChromiumBrowser {
  static async launch(profileDir, options = {}) {
    const b = new ChromiumBrowser();
    b.kind = "chromium";
    b.profileDir = profileDir;
    b.launchOptions = options;
    await b.start();
    return b;
  }

  async start() {
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1280, height: 900 },
      // Playwright disables extensions by default; loading ours is the point.
      ignoreDefaultArgs: ["--disable-extensions"],
      args: [
        `--disable-extensions-except=${EXT_DIR}`,
        `--load-extension=${EXT_DIR}`,
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * 127.0.0.1",
        // Every request of the whole browser through the test server, which logs it.
        ...(this.launchOptions.proxy ? [`--proxy-server=http://127.0.0.1:${this.launchOptions.proxy}`, "--proxy-bypass-list=<-loopback>"] : []),
        ...(this.launchOptions.args ?? []),
      ],
    });
    this.worker = this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent("serviceworker", { timeout: 20000 }));
    this.extensionId = new URL(this.worker.url()).host;
    this.extensionBase = `chrome-extension://${this.extensionId}`;
  }

  async tabIds() {
    this.worker = this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent("serviceworker"));
    return this.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
  }

  /** Opens `url` in a new tab. `{ tabId: false }` skips finding the tab's id, which asks the
   *  service worker: a benchmark of a cold start must not wake the worker before the page does. */
  async open(url, { tabId = true } = {}) {
    const before = tabId ? new Set(await this.tabIds()) : null;
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: "load" });
    const id = tabId ? (await this.tabIds()).filter((i) => !before.has(i)).pop() : undefined;
    return new ChromiumTab(this, page, id);
  }

  /** The toolbar popup's page, for the given tab. */
  async popup(tab) {
    const page = await this.context.newPage();
    await page.goto(`${this.extensionBase}/popup/popup.html?tab=${tab.id}`);
    return new ExtensionPage(page);
  }

  async options() {
    const page = await this.context.newPage();
    await page.goto(`${this.extensionBase}/options/options.html`);
    return new ExtensionPage(page);
  }

  async restart() {
    await this.context.close();
    await this.start();
  }

  /** Sends `message` to the background from an extension page (as the popup does) and returns the answer. */
  async ask(message) {
    if (!this.askPage || this.askPage.isClosed()) {
      this.askPage = await this.context.newPage();
      await this.askPage.goto(`${this.extensionBase}/options/options.html`);
    }
    return this.askPage.evaluate((m) => chrome.runtime.sendMessage(m), message);
  }

  /**
   * Records every request the browser makes from now on: pages, frames, workers and the
   * extension's service worker (Playwright reports service-worker requests in Chromium).
   * Returns `{ log, stop() }`; each entry has url, method, resourceType, frameUrl (null when
   * not from a frame) and serviceWorker (the worker's URL, or null).
   */
  recordRequests() {
    const log = [];
    const on = (r) => {
      let frameUrl = null;
      try {
        frameUrl = r.frame().url();
      } catch {
        // Requests from workers have no frame.
      }
      log.push({ url: r.url(), method: r.method(), resourceType: r.resourceType(), frameUrl, serviceWorker: r.serviceWorker()?.url() ?? null, time: Date.now() });
    };
    this.context.on("request", on);
    return { log, stop: () => this.context.off("request", on) };
  }

  /** Stops the extension's service worker (as Chrome does after 30 s idle); the next message starts it cold. */
  async stopWorker() {
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    const cdp = await this.context.newCDPSession(page);
    try {
      await cdp.send("ServiceWorker.enable");
      await cdp.send("ServiceWorker.stopAllWorkers");
    } finally {
      await cdp.detach().catch(() => {});
    }
    await waitFor(() => this.context.serviceWorkers().length === 0, { timeout: 5000, what: "the service worker to stop" }).catch(() => {});
    this.worker = null;
  }

  async close() {
    await this.context.close().catch(() => {});
  }
}

class ChromiumTab {
  constructor(browser, page, id) {
    this.browser = browser;
    this.page = page;
    this.id = id;
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: "load" });
  }

  async reload() {
    await this.page.reload({ waitUntil: "load" });
  }

  async evaluate(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }

  /**
   * Evaluates a JavaScript expression in the page's own world and returns its value, which must
   * be a primitive (a string, number, boolean, null or undefined). Unlike `evaluate`, nothing of
   * the test harness runs in the page around it, so a page that replaced Function.prototype.bind
   * or JSON cannot break the call: it reads what the page's own code computes.
   */
  async evaluateExpression(expression) {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  async panel(fn, ...args) {
    return this.#panel(fn, args, false);
  }

  /**
   * Like `panel`, but `fn` runs in an isolated world of its own, where nothing the page did to
   * its globals and prototypes (a hostile page replaces JSON, Array.prototype.map, ...) can
   * reach it. `root.host` is Masthead's host element; `document` is the page's document.
   */
  async panelIsolated(fn, ...args) {
    return this.#panel(fn, args, true);
  }

  async #panel(fn, args, isolated) {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const { root } = await cdp.send("DOM.getDocument", { depth: 3, pierce: true });
      const html = (root.children ?? []).find((n) => n.nodeType === 1 && n.nodeName.toUpperCase() === "HTML"); // "html" in XHTML; not the doctype (also named "html")
      const host = (html?.children ?? []).find((n) => n.shadowRoots?.some((s) => s.shadowRootType === "closed"));
      if (!host) return null;
      const shadow = host.shadowRoots.find((s) => s.shadowRootType === "closed");
      let executionContextId;
      if (isolated) {
        const { frameTree } = await cdp.send("Page.getFrameTree");
        ({ executionContextId } = await cdp.send("Page.createIsolatedWorld", { frameId: frameTree.frame.id, worldName: "masthead-tests" }));
      }
      const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId, executionContextId });
      const { result, exceptionDetails } = await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId,
        functionDeclaration: `function(argsJson) { return (${wrap(fn)}).call(null, this, argsJson); }`,
        arguments: [{ value: JSON.stringify(args) }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return JSON.parse(result.value);
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  async clickPanel(selector) {
    const at = await this.panel((root, sel) => {
      const r = root.querySelector(sel)?.getBoundingClientRect();
      return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, selector);
    if (!at) throw new Error(`no ${selector} in the panel`);
    await this.page.mouse.click(at.x, at.y);
  }

  async press(key) {
    await this.page.keyboard.press(key);
  }

  async screenshot(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }

  async close() {
    await this.page.close();
  }
}

class ExtensionPage {
  constructor(page) {
    this.page = page;
  }
  async click(selector) {
    await this.page.click(selector);
  }
  async checked(selector) {
    return this.page.isChecked(selector);
  }
  async text(selector) {
    return this.page.textContent(selector);
  }
  async waitVisible(selector) {
    await this.page.waitForSelector(selector, { state: "visible" });
  }
  async close() {
    await this.page.close();
  }
}

// ---- Firefox ----------------------------------------------------------------------------

/** Packs dist/extension into an .xpi (a zip), as the store would deliver it. */
function packXpi() {
  const xpi = path.join(os.tmpdir(), `masthead-test-${process.pid}.xpi`);
  if (!fs.existsSync(xpi)) {
    execFileSync("python3", ["-c", `
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for base, _, files in os.walk(src):
        for f in files:
            p = os.path.join(base, f); z.write(p, os.path.relpath(p, src))
`, EXT_DIR, xpi]);
  }
  return xpi;
}

function geckodriverPath() {
  for (const p of [process.env.GECKODRIVER, path.join(os.homedir(), ".cargo/bin/geckodriver"), "/usr/local/bin/geckodriver", "/usr/bin/geckodriver"]) {
    if (p && fs.existsSync(p)) return p;
  }
  throw new Error("geckodriver not found (./build.sh test installs it)");
}

class FirefoxBrowser {
  static async launch(profileDir, options = {}) {
    const b = new FirefoxBrowser();
    b.kind = "firefox";
    b.profileDir = profileDir;
    b.launchOptions = options;
    b.extensionBase = `moz-extension://${FIREFOX_UUID}`;
    await b.start(true);
    return b;
  }

  async start(install) {
    const options = new firefox.Options()
      .setBinary("/usr/bin/firefox-esr")
      .addArguments("-headless", "-profile", this.profileDir)
      .windowSize({ width: 1280, height: 900 })
      .setPreference("network.dns.forceResolve", "127.0.0.1")
      .setPreference("network.proxy.type", this.launchOptions.proxy ? 1 : 0)
      .setPreference("dom.security.https_first", false)
      .setPreference("dom.security.https_first_pbm", false)
      .setPreference("dom.security.https_only_mode", false)
      .setPreference("xpinstall.signatures.required", false)
      .setPreference("extensions.webextensions.uuids", JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }))
      .setPreference("browser.shell.checkDefaultBrowser", false)
      .setPreference("datareporting.policy.dataSubmissionEnabled", false)
      .setPreference("app.update.enabled", false)
      .enableBidi();
    for (const [name, value] of Object.entries(this.launchOptions.prefs ?? {})) options.setPreference(name, value);
    if (this.launchOptions.proxy) {
      // Every request of the whole browser (pages, extension pages, the background) through the
      // test server, which logs it; HTTPS tunnels are logged and refused there.
      for (const scheme of ["http", "ssl"]) {
        options.setPreference(`network.proxy.${scheme}`, "127.0.0.1").setPreference(`network.proxy.${scheme}_port`, this.launchOptions.proxy);
      }
      options.setPreference("network.proxy.no_proxies_on", "").setPreference("network.proxy.allow_hijacking_localhost", true);
    }
    const service = new firefox.ServiceBuilder(geckodriverPath()).addArguments("--allow-system-access");
    this.driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
    this.bidi = await this.driver.getBidi();
    if (install) await this.driver.installAddon(packXpi(), false);
    this.home = await this.driver.getWindowHandle();
    // An extension page kept open to ask the extension for tab ids.
    await this.driver.get(`${this.extensionBase}/options/options.html`);
    await waitFor(async () => this.driver.executeScript("return typeof browser !== 'undefined' && !!browser.tabs"), { what: "extension page" });
  }

  async tabIds() {
    await this.driver.switchTo().window(this.home);
    return this.driver.executeAsyncScript("const done = arguments[arguments.length - 1]; browser.tabs.query({}).then((ts) => done(ts.map((t) => t.id)));");
  }

  async open(url) {
    const before = new Set(await this.tabIds());
    await this.driver.switchTo().newWindow("tab");
    const handle = await this.driver.getWindowHandle();
    await this.driver.get(url);
    const id = (await this.tabIds()).filter((i) => !before.has(i)).pop();
    await this.driver.switchTo().window(handle);
    return new FirefoxTab(this, handle, id);
  }

  async extensionPage(pathAndQuery) {
    await this.driver.switchTo().newWindow("tab");
    const handle = await this.driver.getWindowHandle();
    await this.driver.get(`${this.extensionBase}/${pathAndQuery}`);
    return new FirefoxExtensionPage(this, handle);
  }

  popup(tab) {
    return this.extensionPage(`popup/popup.html?tab=${tab.id}`);
  }

  options() {
    return this.extensionPage("options/options.html");
  }

  async restart() {
    await this.driver.quit();
    await this.start(false);
  }

  /** Sends `message` to the background from an extension page (as the popup does) and returns the answer. */
  async ask(message) {
    await this.driver.switchTo().window(this.home);
    return this.driver.executeAsyncScript(
      "const done = arguments[arguments.length - 1]; browser.runtime.sendMessage(arguments[0]).then(done, (e) => done({ error: String(e) }));",
      message,
    );
  }

  /**
   * Records every request the browser reports through WebDriver BiDi's
   * network.beforeRequestSent, in every browsing context. Returns `{ log, stop() }`; each entry
   * has url, method, context (the browsing context id, or null) and initiatorType.
   */
  async recordRequests() {
    const log = [];
    const on = (p) => {
      log.push({ url: p.request.url, method: p.request.method, context: p.context ?? null, initiatorType: p.initiator?.type ?? null, destination: p.request.destination ?? null, time: Date.now() });
    };
    this.bidi.on("network.beforeRequestSent", on);
    await this.bidi.subscribe("network.beforeRequestSent");
    return {
      log,
      stop: async () => {
        this.bidi.off("network.beforeRequestSent", on);
        await this.bidi.unsubscribe("network.beforeRequestSent").catch(() => {});
      },
    };
  }

  async close() {
    await this.driver.quit().catch(() => {});
  }
}

class FirefoxTab {
  constructor(browser, handle, id) {
    this.browser = browser;
    this.handle = handle;
    this.id = id;
  }
  get driver() {
    return this.browser.driver;
  }
  async focus() {
    await this.driver.switchTo().window(this.handle);
  }
  async goto(url) {
    await this.focus();
    await this.driver.get(url);
  }
  async reload() {
    await this.focus();
    await this.driver.navigate().refresh();
  }
  async evaluate(fn, ...args) {
    await this.focus();
    return this.driver.executeScript(`return (${fn.toString()})(...arguments)`, ...args);
  }

  /** See ChromiumTab.evaluateExpression: a primitive value computed by the page's own world. */
  async evaluateExpression(expression) {
    const r = await this.browser.bidi.send({
      method: "script.evaluate",
      params: { expression, target: { context: this.handle }, awaitPromise: true, resultOwnership: "none" },
    });
    const out = r.result;
    if (out?.type === "exception") throw new Error(out.exceptionDetails?.text ?? "exception in page");
    const v = out?.result;
    if (!v || v.type === "undefined") return undefined;
    if (v.type === "null") return null;
    if (v.type === "number" && typeof v.value === "string") return Number(v.value); // NaN, Infinity, -0
    return v.value;
  }

  async panel(fn, ...args) {
    return this.#panel(fn, args, false);
  }

  /** Like `panel`, in a WebDriver BiDi sandbox: the page's globals and prototypes cannot reach `fn`. */
  async panelIsolated(fn, ...args) {
    return this.#panel(fn, args, true);
  }

  async #panel(fn, args, isolated) {
    const target = isolated ? { context: this.handle, sandbox: "masthead-tests" } : { context: this.handle };
    const found = await this.browser.bidi.send({
      method: "script.evaluate",
      params: {
        expression: "Array.from(document.documentElement ? document.documentElement.children : []).filter((e) => e.localName === 'div' && e.hasAttribute('popover'))",
        target,
        awaitPromise: false,
        resultOwnership: "root",
        serializationOptions: { maxDomDepth: 0, includeShadowTree: "all" },
      },
    });
    const nodes = found.result?.result?.value ?? [];
    const shadow = nodes.map((n) => n.value?.shadowRoot).find((s) => s && s.value?.mode === "closed");
    if (!shadow) return null;
    const called = await this.browser.bidi.send({
      method: "script.callFunction",
      params: {
        functionDeclaration: wrap(fn),
        arguments: [{ sharedId: shadow.sharedId }, { type: "string", value: JSON.stringify(args) }],
        target,
        awaitPromise: true,
        resultOwnership: "none",
      },
    });
    const r = called.result;
    if (r?.type === "exception") throw new Error(r.exceptionDetails?.text ?? "exception in panel");
    return JSON.parse(r?.result?.value ?? "null");
  }

  async clickPanel(selector) {
    const at = await this.panel((root, sel) => {
      const r = root.querySelector(sel)?.getBoundingClientRect();
      return r && { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
    }, selector);
    if (!at) throw new Error(`no ${selector} in the panel`);
    await this.focus();
    await this.driver.actions().move({ x: at.x, y: at.y, origin: "viewport" }).click().perform();
  }

  async press(key) {
    await this.focus();
    const keys = { Escape: Key.ESCAPE, Tab: Key.TAB, Enter: Key.ENTER };
    await this.driver.actions().sendKeys(keys[key] ?? key).perform();
  }

  async screenshot(file) {
    await this.focus();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(await this.driver.takeScreenshot(), "base64"));
  }

  async close() {
    await this.focus();
    await this.driver.close();
    await this.driver.switchTo().window(this.browser.home);
  }
}

class FirefoxExtensionPage {
  constructor(browser, handle) {
    this.browser = browser;
    this.handle = handle;
  }
  get driver() {
    return this.browser.driver;
  }
  async el(selector) {
    await this.driver.switchTo().window(this.handle);
    return waitFor(async () => (await this.driver.findElements({ css: selector }))[0], { what: selector });
  }
  async click(selector) {
    await (await this.el(selector)).click();
  }
  async checked(selector) {
    return (await this.el(selector)).isSelected();
  }
  async text(selector) {
    return (await this.el(selector)).getText();
  }
  async waitVisible(selector) {
    await waitFor(async () => (await this.el(selector)).isDisplayed(), { what: `${selector} visible` });
  }
  async close() {
    await this.driver.switchTo().window(this.handle);
    await this.driver.close();
    await this.driver.switchTo().window(this.browser.home);
  }
}

/**
 * `BROWSERS[kind](profileDir, options)` launches one. `options.proxy`: a port on 127.0.0.1 (the
 * fixture server's) to send every request of the browser through, so the server's log is a
 * complete record of what the browser, the pages and the extension asked for.
 * `options.args` (Chromium): more command-line switches; `options.prefs` (Firefox): more prefs.
 */
export const BROWSERS = {
  chromium: (profile, options) => ChromiumBrowser.launch(profile, options),
  firefox: (profile, options) => FirefoxBrowser.launch(profile, options),
};

/** Which browsers to run: all, or those named in MASTHEAD_BROWSERS (comma-separated). */
export function browsersUnderTest() {
  const only = process.env.MASTHEAD_BROWSERS?.split(",").map((s) => s.trim()).filter(Boolean);
  return Object.keys(BROWSERS).filter((k) => !only || only.includes(k));
}
