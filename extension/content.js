// Masthead content script: a small shell. On a site that is on, it sends the URL and the
// serialized page to the background once the page is idle, then draws the Report in a closed
// shadow root. Page text and Report fields only ever enter the panel through textContent and
// attribute setters: nothing from the page is parsed as markup here.
"use strict";

(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const t = (key, subs) => api.i18n.getMessage(key, subs) || key;

  /** The page is sent whole up to this size; the core reads what it gets. */
  const MAX_HTML_CHARS = 5 * 1024 * 1024;
  const HIGHLIGHT_NAME = "masthead-evidence";
  const HIGHLIGHT_FOCUS = "masthead-focus";

  let settings = null;
  let ui = null; // { host, root, pill, panel }
  let lastReport = null;
  let analyzedUrl = null;
  let running = false;

  // ---- lifecycle -------------------------------------------------------------------------

  async function start() {
    settings = await MastheadSettings.load();
    MastheadSettings.onChange((next) => {
      const wasOn = settings && MastheadSettings.isOn(settings, location.hostname);
      settings = next;
      const on = MastheadSettings.isOn(settings, location.hostname);
      if (!on) teardown();
      else if (!wasOn) run();
      else if (lastReport) render(lastReport, { keepOpen: true });
    });
    api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
      if (sender.id !== api.runtime.id) return false;
      if (msg?.type === "whoami") {
        sendResponse({ hostname: location.hostname, on: MastheadSettings.isOn(settings, location.hostname) });
      } else if (msg?.type === "togglePanel" && ui) {
        setOpen(ui.panel.hidden);
      }
      return false;
    });
    watchNavigation();
    if (MastheadSettings.isOn(settings, location.hostname)) await run();
  }

  async function run() {
    if (running) return;
    running = true;
    try {
      const html = serialize();
      analyzedUrl = location.href;
      const answer = await api.runtime.sendMessage({ type: "analyze", url: location.href, html });
      if (!answer || answer.error || !answer.report) return;
      // The site may have been switched off while the core was working.
      if (!MastheadSettings.isOn(settings, location.hostname)) return;
      lastReport = answer.report;
      render(answer.report, { keepOpen: false });
    } catch {
      // A page that breaks the shell must not break the page: show nothing.
    } finally {
      running = false;
    }
  }

  function serialize() {
    const html = document.documentElement?.outerHTML ?? "";
    return html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  }

  function teardown() {
    clearHighlights();
    ui?.host.remove();
    ui = null;
    lastReport = null;
    api.runtime.sendMessage({ type: "clearBadge" }).catch(() => {});
  }

  /** Single-page sites: analyze again after a URL change, once the content has settled. */
  function watchNavigation() {
    let timer = 0;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (location.href !== analyzedUrl && settings && MastheadSettings.isOn(settings, location.hostname)) run();
      }, 800);
    };
    if (globalThis.navigation?.addEventListener) {
      navigation.addEventListener("navigatesuccess", changed);
    } else {
      addEventListener("popstate", changed);
      setInterval(() => location.href !== analyzedUrl && analyzedUrl && changed(), 2000);
    }
  }

  // ---- drawing ---------------------------------------------------------------------------

  /** Creates an element with a class and text, never markup. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function link(url, text) {
    const a = el("a", "source", text);
    if (/^https?:\/\//i.test(String(url))) {
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
    return a;
  }

  function mount() {
    const host = document.createElement("div");
    // A closed root: the page's scripts cannot reach the panel, its CSS cannot restyle it.
    const root = host.attachShadow({ mode: "closed" });
    const style = el("style");
    style.textContent = PANEL_CSS;
    root.append(style);
    const pill = el("button", "pill");
    pill.type = "button";
    pill.setAttribute("aria-expanded", "false");
    const panel = el("section", "panel");
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", t("panelLabel"));
    panel.tabIndex = -1;
    const wrap = el("div", "wrap");
    wrap.append(panel, pill);
    root.append(wrap);
    pill.addEventListener("click", () => setOpen(panel.hidden));
    panel.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        setOpen(false);
        pill.focus();
      }
    });
    if ("popover" in HTMLElement.prototype) host.popover = "manual";
    (document.documentElement ?? document).append(host);
    try {
      host.showPopover?.();
    } catch {
      // Not connected or not supported: the fixed position below still works.
    }
    return { host, root, pill, panel };
  }

  function setOpen(open) {
    if (!ui) return;
    ui.panel.hidden = !open;
    ui.pill.setAttribute("aria-expanded", String(open));
    if (open) ui.panel.focus();
  }

  const STATUS_CLASS = { verified: "ok", unknown: "neutral", claimed: "warn", lookalike: "warn" };

  function statusWord(report) {
    const id = report.identity;
    if (id.verdict === "verified" && id.outlet?.stateMedia?.typology === "SC") return t("statusStateControlled");
    return t("verdict_" + id.verdict);
  }

  function render(report, { keepOpen }) {
    const wasOpen = ui && !ui.panel.hidden;
    ui ??= mount();
    const id = report.identity;
    const warn = id.verdict === "claimed" || id.verdict === "lookalike";
    const name = id.outlet?.name ?? id.claims?.[0]?.name ?? id.host?.site ?? location.hostname;

    ui.pill.replaceChildren(el("span", "dot " + (STATUS_CLASS[id.verdict] ?? "neutral")), el("span", "brand", "Masthead"), el("span", "name", name), el("span", "status", statusWord(report)));
    ui.pill.setAttribute("aria-label", t("pillLabel", [name, statusWord(report)]));
    ui.pill.dataset.verdict = id.verdict;

    const panel = ui.panel;
    panel.replaceChildren();
    const head = el("header", "head");
    head.append(el("h2", "title", "Masthead"));
    const close = el("button", "close", "×");
    close.type = "button";
    close.setAttribute("aria-label", t("close"));
    close.addEventListener("click", () => {
      setOpen(false);
      ui.pill.focus();
    });
    head.append(close);
    panel.append(head);

    if (warn) {
      const alert = el("p", "alert", id.reason);
      alert.setAttribute("role", "alert");
      panel.append(alert);
    }
    panel.append(identitySection(report), writingSection(report), madeSection(report), footer());
    panel.dataset.verdict = id.verdict;

    const auto = settings.autoOpen === "always" || (settings.autoOpen === "warnings" && warn);
    setOpen(keepOpen ? wasOpen : auto || wasOpen);
    applyHighlights(report);
  }

  function row(dl, term, ...values) {
    const dd = el("dd");
    dd.append(...values.filter(Boolean).map((v) => (typeof v === "string" ? document.createTextNode(v) : v)));
    dl.append(el("dt", null, term), dd);
  }

  function withSource(text, source) {
    const span = el("span", null, text + " ");
    if (source?.url) span.append(link(source.url, t("source")));
    return span;
  }

  function countryName(code) {
    try {
      return new Intl.DisplayNames([api.i18n.getUILanguage()], { type: "region" }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  function identitySection(report) {
    const id = report.identity;
    const sec = el("section", "identity");
    sec.append(el("h3", null, t("whoIsSpeaking")));
    if (!(id.verdict === "claimed" || id.verdict === "lookalike")) sec.append(el("p", "reason", id.reason));
    const dl = el("dl");
    const claim = id.claims?.[0];
    row(dl, t("pageCallsItself"), claim ? t("claimVia", [claim.name, claim.via]) : t("noClaim"));
    const hostText = id.host ? (id.host.unicode ?? id.host.host) : location.hostname;
    row(dl, t("hostBelongsTo"), id.outlet ? t("hostOf", [hostText, id.outlet.name]) : t("hostUnknown", [hostText]));
    if (id.host?.archive) row(dl, t("archived"), t("archivedVia", [id.host.archive.service]));
    row(dl, t("doTheyAgree"), agreement(id));
    sec.append(dl);
    if (id.outlet) sec.append(outletCard(id.outlet));
    return sec;
  }

  function agreement(id) {
    switch (id.verdict) {
      case "verified":
        return id.claimed ? t("agreeOther", [id.claimed.name]) : t("agreeYes");
      case "claimed":
        return t("agreeNo", [id.claimed?.name ?? "", id.claimed?.domain ?? ""]);
      case "lookalike":
        return t("agreeLookalike", [id.imitates?.name ?? "", id.imitates?.domain ?? ""]);
      default:
        return t("agreeUnknown");
    }
  }

  function outletCard(o) {
    const card = el("div", "card");
    card.append(el("h4", null, o.name));
    const dl = el("dl");
    row(dl, t("country"), withSource(countryName(o.country), o.source));
    const chain = [o.owner, o.parent, o.ultimateOwner].filter(Boolean);
    if (chain.length) {
      const span = el("span");
      chain.forEach((c, i) => {
        if (i) span.append(" → ");
        span.append(withSource(`${c.name} (${t("ownership_" + c.type.replace(/-/g, "_"))})`, c.source));
      });
      row(dl, t("owner"), span);
    }
    if (o.funding) row(dl, t("funding"), withSource(t("funding_" + o.funding.model.replace(/-/g, "_")) + (o.funding.note ? ` — ${o.funding.note}` : ""), o.funding.source));
    if (o.stateMedia) row(dl, t("stateRelation"), withSource(t("typology_" + o.stateMedia.typology), o.stateMedia.source));
    card.append(dl);
    if (o.legalMeasures?.length) {
      card.append(el("h5", null, t("legalMeasures")));
      const ul = el("ul", "measures");
      for (const m of o.legalMeasures) {
        const li = el("li", null, `${m.jurisdiction}: ${m.measure}. ${m.act}, ${t("adopted")} ${m.adopted}${m.effective ? `, ${t("effective")} ${m.effective}` : ""}. `);
        li.append(link(m.url, t("source")));
        ul.append(li);
      }
      card.append(ul);
    }
    if (o.operations?.length) {
      card.append(el("h5", null, t("operations")));
      const ul = el("ul", "operations");
      for (const op of o.operations) {
        const li = el("li", null, `${op.operation}: ${op.report}. `);
        li.append(link(op.url, t("source")));
        ul.append(li);
      }
      card.append(ul);
    }
    return card;
  }

  const FAMILIES = ["framing", "persuasion", "sourcing", "provenance"];

  function writingSection(report) {
    const sec = el("section", "writing");
    sec.append(el("h3", null, t("howItsWritten")));
    const shown = (report.markers ?? []).filter((m) => settings.families[m.family] !== false && m.family !== "provenance");
    if (!shown.length) {
      sec.append(el("p", "muted", t("noMarkers")));
      return sec;
    }
    for (const family of FAMILIES) {
      const items = shown.filter((m) => m.family === family);
      if (!items.length) continue;
      const details = el("details", "family");
      details.append(el("summary", null, `${t("family_" + family)} (${items.length})`));
      for (const m of items) details.append(markerItem(m));
      sec.append(details);
    }
    return sec;
  }

  function markerItem(m) {
    const div = el("div", "marker");
    div.append(el("p", "label", m.label), el("p", "explanation", m.explanation));
    const ul = el("ul", "evidence");
    for (const e of (m.evidence ?? []).slice(0, 12)) {
      const li = el("li");
      const b = el("button", "quote", `“${e.quote?.exact ?? ""}”`);
      b.type = "button";
      b.title = t("showInArticle");
      b.addEventListener("click", () => scrollToQuote(e.quote));
      li.append(b);
      ul.append(li);
    }
    div.append(ul);
    return div;
  }

  function madeSection(report) {
    const p = report.page ?? {};
    const sec = el("section", "made");
    sec.append(el("h3", null, t("howItWasMade")));
    const dl = el("dl");
    row(dl, t("byline"), p.byline ?? t("noByline"));
    row(dl, t("published"), p.published ?? t("notStated"));
    if (p.modified) row(dl, t("modified"), p.modified);
    row(dl, t("length"), t("lengthValue", [String(p.wordCount ?? 0), String(p.paragraphs ?? 0)]));
    row(dl, t("linksInBody"), String(p.links?.length ?? 0));
    sec.append(dl);
    const provenance = (report.markers ?? []).filter((m) => m.family === "provenance" && settings.families.provenance !== false);
    for (const m of provenance) sec.append(markerItem(m));
    if (report.partial) sec.append(el("p", "muted", t("partial")));
    return sec;
  }

  function footer() {
    const f = el("footer", "foot");
    f.append(el("p", "muted", t("why")));
    const options = el("button", "linkish", t("openOptions"));
    options.type = "button";
    options.addEventListener("click", () => api.runtime.sendMessage({ type: "openOptions" }).catch(() => {}));
    f.append(options);
    return f;
  }

  // ---- evidence in the article (CSS Custom Highlight API: the page's DOM is never changed) --

  /** Whitespace-folded text of the page with a map back to (text node, offset). */
  function pageText() {
    const nodes = [];
    const starts = [];
    let text = "";
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        const p = n.parentElement;
        if (!p || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA)$/.test(p.tagName)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    const map = []; // folded index -> [node index, offset]
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n);
      starts.push(text.length);
      const s = n.data;
      for (let i = 0; i < s.length; i++) {
        const ws = /\s/.test(s[i]);
        if (ws && (text.length === 0 || text.endsWith(" "))) continue;
        text += ws ? " " : s[i];
        map.push([nodes.length - 1, i]);
      }
      if (text.length > 3_000_000) break;
    }
    return { text, nodes, map };
  }

  const fold = (s) => String(s ?? "").replace(/\s+/g, " ");

  function rangeFor(index, quote) {
    const exact = fold(quote?.exact).trim();
    if (!exact) return null;
    const prefix = fold(quote.prefix);
    let at = prefix ? index.text.indexOf(prefix.trimStart() + exact) : -1;
    at = at >= 0 ? at + prefix.trimStart().length : index.text.indexOf(exact);
    if (at < 0) return null;
    const first = index.map[at];
    const last = index.map[at + exact.length - 1];
    if (!first || !last) return null;
    const range = new Range();
    range.setStart(index.nodes[first[0]], first[1]);
    range.setEnd(index.nodes[last[0]], last[1] + 1);
    return range;
  }

  let pageIndex = null;
  function clearHighlights() {
    if (globalThis.CSS?.highlights) {
      CSS.highlights.delete(HIGHLIGHT_NAME);
      CSS.highlights.delete(HIGHLIGHT_FOCUS);
    }
    pageIndex = null;
  }

  function applyHighlights(report) {
    clearHighlights();
    if (!settings.highlights || !globalThis.CSS?.highlights || typeof Highlight !== "function") return;
    const evidence = (report.markers ?? []).filter((m) => settings.families[m.family] !== false).flatMap((m) => m.evidence ?? []);
    if (!evidence.length) return;
    pageIndex = pageText();
    const ranges = evidence.slice(0, 500).map((e) => rangeFor(pageIndex, e.quote)).filter(Boolean);
    if (ranges.length) CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
  }

  function scrollToQuote(quote) {
    pageIndex ??= pageText();
    const range = rangeFor(pageIndex, quote);
    if (!range) return;
    const target = range.startContainer.parentElement;
    target?.scrollIntoView({ block: "center", behavior: "smooth" });
    if (globalThis.CSS?.highlights && typeof Highlight === "function") CSS.highlights.set(HIGHLIGHT_FOCUS, new Highlight(range));
  }

  // ---- styles (px units and a full reset: the page's CSS cannot reach in) -----------------

  const PANEL_CSS = `
:host { all: initial !important; position: fixed !important; inset: auto 16px 16px auto !important;
  z-index: 2147483647 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  background: transparent !important; overflow: visible !important; display: block !important;
  width: auto !important; height: auto !important; color-scheme: light dark; }
.wrap { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f;
  display: flex; flex-direction: column; align-items: flex-end; gap: 8px; direction: ltr; text-align: left; }
.pill { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; cursor: pointer;
  padding: 6px 12px; border-radius: 999px; background: #ffffff; color: #1b1b1f; border: 1px solid #8a8a94;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); font: 600 13px/1.2 system-ui, sans-serif; max-width: 340px; }
.pill:focus-visible, button:focus-visible, a:focus-visible, summary:focus-visible, .panel:focus-visible {
  outline: 3px solid #1a56db; outline-offset: 2px; }
.pill .brand { color: #4a4a55; font-weight: 500; }
.pill .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.pill .status { font-weight: 500; color: #4a4a55; }
.dot { width: 10px; height: 10px; border-radius: 50%; flex: none; background: #6b6b76; }
.dot.ok { background: #1e7b34; } .dot.warn { background: #b3261e; } .dot.neutral { background: #6b6b76; }
.panel { box-sizing: border-box; width: 380px; max-width: calc(100vw - 32px); max-height: min(640px, calc(100vh - 80px));
  overflow: auto; background: #ffffff; color: #1b1b1f; border: 1px solid #8a8a94; border-radius: 12px;
  box-shadow: 0 8px 28px rgba(0,0,0,.25); padding: 12px 16px; }
.panel[hidden] { display: none; }
.head { display: flex; align-items: center; justify-content: space-between; }
h2 { font-size: 16px; margin: 0; } h3 { font-size: 14px; margin: 14px 0 6px; } h4 { font-size: 14px; margin: 8px 0 4px; }
h5 { font-size: 13px; margin: 8px 0 4px; }
.close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 2px 8px; border-radius: 6px; color: #1b1b1f; }
.alert { background: #fdecea; color: #5f1410; border: 1px solid #b3261e; border-radius: 8px; padding: 8px 10px;
  margin: 8px 0; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; margin: 4px 0; }
dt { color: #4a4a55; } dd { margin: 0; overflow-wrap: anywhere; }
.card { border: 1px solid #c9c9d1; border-radius: 8px; padding: 6px 10px; margin-top: 8px; }
ul { margin: 4px 0; padding-left: 18px; } li { margin: 2px 0; }
a.source, .linkish { color: #1a56db; text-decoration: underline; font-size: 12px; cursor: pointer; }
.linkish { all: unset; color: #1a56db; text-decoration: underline; cursor: pointer; font-size: 13px; }
.muted { color: #4a4a55; font-size: 12px; }
details.family { margin: 4px 0; } summary { cursor: pointer; font-weight: 600; }
.marker { margin: 6px 0 6px 8px; } .marker .label { font-weight: 600; margin: 0; } .marker .explanation { margin: 0; color: #33333b; }
.quote { all: unset; cursor: pointer; color: #1b1b1f; background: #fff3bf; border-radius: 3px; padding: 0 2px; }
.foot { margin-top: 12px; border-top: 1px solid #c9c9d1; padding-top: 6px; }
@media (prefers-color-scheme: dark) {
  .wrap, .panel, .pill { color: #ececf1; }
  .pill, .panel { background: #1f1f24; border-color: #6b6b76; }
  .pill .brand, .pill .status, dt, .muted { color: #c4c4cc; }
  .marker .explanation { color: #d8d8de; } .close { color: #ececf1; }
  .alert { background: #4a1512; color: #ffe3df; border-color: #ff8a80; }
  .card, .foot { border-color: #4a4a55; }
  a.source, .linkish { color: #9ec1ff; } .quote { background: #5c4d00; color: #fff8d6; }
}
`;

  start();
})();
