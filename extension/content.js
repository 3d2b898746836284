// Masthead content script: a small shell. On a site that is on, it sends the URL and the
// serialized page to the background once the page is idle, then draws the Report in a closed
// shadow root. Page text and Report fields only ever enter the panel through textContent and
// attribute setters: nothing from the page is parsed as markup here.
//
// Direction: the panel's text is in the browser's UI language, so the panel takes that
// language's direction (`@@bidi_dir`), never the page's; on a right-to-left page it stays in
// the same corner and in the UI's direction, and every piece of page text inside it (names,
// quotes) is isolated with dir="auto" so it renders in its own direction.
"use strict";

(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const t = (key, subs) => api.i18n.getMessage(key, subs) || "";
  const UI_LANG = api.i18n.getUILanguage();
  const UI_DIR = api.i18n.getMessage("@@bidi_dir") || "ltr";
  /** The core writes its sentences in English; other UI languages get the shell's own. */
  const ENGLISH_UI = /^en\b/i.test(UI_LANG);

  /** The page is sent whole up to this size; the core reads what it gets. */
  const MAX_HTML_CHARS = 5 * 1024 * 1024;
  const HIGHLIGHT_NAME = "masthead-evidence";
  const HIGHLIGHT_FOCUS = "masthead-focus";
  /** How many times the host is put back when the page removes it (see mount). */
  const MAX_REATTACH = 3;
  /** SPA: how often, and how long at most, to wait for a new route's content to stop changing. */
  const SETTLE_STEP_MS = 300;
  /** Settled: this many steps in a row without a change (content often arrives in bursts). */
  const SETTLE_QUIET_STEPS = 2;
  const SETTLE_MAX_MS = 5000;

  let settings = null;
  /** { host, root, pill, panel, report: the report shown, bodyFor: the report the panel's body
   *  was built for (null until the panel is first opened) } */
  let ui = null;
  let lastReport = null;
  let analyzedUrl = null;
  let running = false;
  /** The panel's own highlight switch, for this page only; null follows the settings. */
  let highlightsHere = null;
  /** Where focus was before the reader opened the panel (restored when it closes). */
  let returnFocus = null;

  // ---- lifecycle -------------------------------------------------------------------------

  async function start() {
    // HTML documents only (XHTML included): an SVG or XML file shown on its own has no article
    // and no place for the panel, so Masthead neither reads it nor adds anything to it.
    if (document.documentElement?.namespaceURI !== "http://www.w3.org/1999/xhtml") return;
    mark("idle");
    settings = await MastheadSettings.load();
    MastheadSettings.onChange((next) => {
      const wasOn = settings && MastheadSettings.isOn(settings, location.hostname);
      const highlightsChanged = settings?.highlights !== next.highlights;
      settings = next;
      if (highlightsChanged) highlightsHere = null;
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
        if (ui.panel.hidden) {
          rememberFocus();
          setOpen(true, { focus: true });
        } else {
          close();
        }
      }
      return false;
    });
    watchNavigation();
    if (MastheadSettings.isOn(settings, location.hostname)) await run();
  }

  /** Benchmark hook (tests/bench/browser.mjs): User Timing marks around the main-thread work,
   *  only on a URL that asks for them with `masthead-bench` in its query, so no site's own
   *  performance monitoring ever sees them. Elsewhere it costs one string search per run. */
  const mark = (name, detail) => BENCH && performance.mark("masthead:" + name, { detail });
  const BENCH = /[?&]masthead-bench\b/.test(location.search);

  async function run() {
    if (running) return;
    running = true;
    try {
      mark("start");
      const html = serialize();
      mark("serialized", { chars: html.length });
      analyzedUrl = location.href;
      const answer = await api.runtime.sendMessage({ type: "analyze", url: location.href, html });
      mark("answered", { ms: answer?.ms });
      if (!answer || answer.error || !answer.report) return;
      // The site may have been switched off while the core was working.
      if (!MastheadSettings.isOn(settings, location.hostname)) return;
      const sameVerdict = lastReport?.identity?.verdict === answer.report.identity?.verdict;
      lastReport = answer.report;
      render(answer.report, { keepOpen: sameVerdict });
      mark("rendered");
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

  /**
   * Single-page sites: after a URL change without a reload (the Navigation API's
   * navigatesuccess; otherwise popstate plus a slow URL poll), wait until the title and the
   * amount of text stop changing, then analyze again. No MutationObserver watches the document.
   */
  function watchNavigation() {
    let generation = 0;
    const fingerprint = () => `${document.title}\u0000${document.body?.textContent?.length ?? 0}`;
    const changed = async () => {
      const mine = ++generation;
      let last = fingerprint();
      let quiet = 0;
      const end = Date.now() + SETTLE_MAX_MS;
      while (quiet < SETTLE_QUIET_STEPS && Date.now() < end) {
        await new Promise((ok) => setTimeout(ok, SETTLE_STEP_MS));
        if (mine !== generation) return; // a newer navigation took over
        const now = fingerprint();
        quiet = now === last ? quiet + 1 : 0;
        last = now;
      }
      if (location.href === analyzedUrl || !settings || !MastheadSettings.isOn(settings, location.hostname)) return;
      clearHighlights();
      if (running) setTimeout(changed, SETTLE_STEP_MS);
      else run();
    };
    let nav = null;
    try {
      nav = globalThis.navigation?.addEventListener ? globalThis.navigation : null;
    } catch {
      nav = null;
    }
    if (nav) {
      nav.addEventListener("navigatesuccess", changed);
    } else {
      addEventListener("popstate", changed);
      addEventListener("hashchange", changed);
      setInterval(() => analyzedUrl && location.href !== analyzedUrl && !running && changed(), 1000);
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

  /** Text from the page or the registry, isolated so that it keeps its own direction. */
  function bdi(text, className) {
    const node = el("bdi", className, text);
    node.dir = "auto";
    return node;
  }

  function link(url, text, label) {
    const a = el("a", "source", text);
    if (/^https?:\/\//i.test(String(url))) {
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
    if (label) a.setAttribute("aria-label", label);
    return a;
  }

  function button(className, text, onClick) {
    const b = el("button", className, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function mount() {
    const host = document.createElement("div");
    // A closed root: the page's scripts cannot reach the panel, its CSS cannot restyle it.
    const root = host.attachShadow({ mode: "closed" });
    root.append(el("style", null, PILL_CSS));
    const wrap = el("div", "wrap");
    wrap.dir = UI_DIR;
    wrap.lang = UI_LANG;
    const panel = el("section", "panel");
    panel.id = "masthead-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "masthead-title");
    panel.tabIndex = -1;
    const pill = el("button", "pill");
    pill.type = "button";
    pill.setAttribute("aria-expanded", "false");
    pill.setAttribute("aria-controls", panel.id);
    wrap.append(panel, pill);
    root.append(wrap);
    pill.addEventListener("click", () => {
      if (panel.hidden) {
        returnFocus = null; // back to the pill
        setOpen(true, { focus: true });
      } else {
        setOpen(false);
      }
    });
    wrap.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !panel.hidden) {
        e.stopPropagation();
        e.preventDefault();
        close();
      }
    });
    if ("popover" in HTMLElement.prototype) host.popover = "manual";
    const attach = () => {
      (document.documentElement ?? document).append(host);
      try {
        host.showPopover?.();
      } catch {
        // Not connected or not supported: the fixed position below still works.
      }
    };
    attach();
    // A page may remove nodes it did not create (whole-document hydration does, once): put the
    // host back, MAX_REATTACH times at most, then give up rather than fight the page forever.
    // Only <html>'s own child list is watched, not the document.
    let reattached = 0;
    const keep = new MutationObserver(() => {
      if (ui?.host !== host) return keep.disconnect(); // torn down (the site was switched off)
      if (host.isConnected) return;
      if (++reattached > MAX_REATTACH) return keep.disconnect();
      attach();
    });
    if (document.documentElement) keep.observe(document.documentElement, { childList: true });
    return { host, root, pill, panel };
  }

  function rememberFocus() {
    const active = document.activeElement;
    returnFocus = active && active !== document.body && active !== ui?.host ? active : null;
  }

  function setOpen(open, { focus = false } = {}) {
    if (!ui) return;
    if (open) ensureBody();
    ui.panel.hidden = !open;
    ui.pill.setAttribute("aria-expanded", String(open));
    if (open && focus) ui.panel.focus();
  }

  /** Closes the panel and gives focus back where it was before the reader opened it. */
  function close() {
    if (!ui) return;
    const inside = ui.root.activeElement !== null;
    setOpen(false);
    const back = returnFocus;
    returnFocus = null;
    if (back?.isConnected) back.focus();
    else if (inside || !back) ui.pill.focus();
  }

  const STATUS_CLASS = { verified: "ok", unknown: "neutral", claimed: "warn", lookalike: "warn" };
  const isMismatch = (id) => id.verdict === "claimed" || id.verdict === "lookalike";

  function statusWord(report) {
    const id = report.identity;
    if (id.verdict === "verified" && id.outlet?.stateMedia?.typology === "SC") return t("statusStateControlled");
    return t("verdict_" + id.verdict) || id.verdict;
  }

  /** The outlet the page is about: the genuine one, the one imitated, or the one claimed. */
  function subjectName(report) {
    const id = report.identity;
    return id.outlet?.name ?? id.imitates?.name ?? id.claimed?.name ?? id.claims?.[0]?.name ?? id.host?.site ?? location.hostname;
  }

  function hostText(id) {
    return id.host ? (id.host.unicode ?? id.host.host) : location.hostname;
  }

  /** The identity sentence: the core's own in English, the shell's in other UI languages. */
  function identitySentence(id) {
    if (ENGLISH_UI && id.reason) return id.reason;
    const host = hostText(id);
    const site = id.host?.site ?? host;
    switch (id.verdict) {
      case "lookalike":
        if (id.claimed && id.claimed.id === id.imitates?.id) {
          return t("sentenceLookalikeClaimed", [id.imitates.name, host, id.imitates.domain]);
        }
        return t("sentenceLookalike", [host, id.imitates?.domain ?? "", id.imitates?.name ?? ""]);
      case "claimed":
        return t("sentenceClaimed", [id.claimed?.name ?? "", host, id.claimed?.domain ?? ""]);
      case "verified": {
        const s = t("sentenceVerified", [host, id.outlet?.name ?? ""]);
        return id.claimed ? `${s} ${t("sentenceCredits", [id.claimed.name])}` : s;
      }
      default: {
        const s = t("sentenceUnknown", [site]);
        const name = id.claims?.[0]?.name;
        return name ? `${s} ${t("sentenceCallsItself", [name])}` : s;
      }
    }
  }

  function panelHighlights() {
    return highlightsHere ?? settings.highlights;
  }

  /**
   * Draws the pill for `report`, and the panel only if it is to be open now. At load on a page
   * whose panel stays closed (a verified or unknown page, under the default settings) this is
   * all the main thread does before the pill is up: the panel's body (with the outlet card's
   * country name, whose Intl.DisplayNames costs 17–53 ms the first time in Chromium) is built
   * when the reader first opens it (setOpen), and the evidence highlights in idle time after
   * the pill (scheduleHighlights). A closed panel is kept empty, so a stale body is never shown.
   */
  function render(report, { keepOpen }) {
    const wasOpen = ui && !ui.panel.hidden;
    const hadFocus = ui && ui.root.activeElement !== null && ui.root.activeElement !== ui.pill;
    ui ??= mount();
    const id = report.identity;
    const warn = isMismatch(id);
    const name = subjectName(report);
    const status = statusWord(report);

    ui.pill.replaceChildren(el("span", "dot " + (STATUS_CLASS[id.verdict] ?? "neutral")), bdi(name, "name"), el("span", "status", status));
    ui.pill.setAttribute("aria-label", t("pillLabel", [name, status]));
    ui.pill.dataset.verdict = id.verdict;

    ui.report = report;
    ui.bodyFor = null; // the body, if any, is of an earlier report: rebuilt when shown
    ui.panel.replaceChildren();
    ui.panel.dataset.verdict = id.verdict;

    // The panel opens by itself for a claimed or lookalike page ("warnings", the default), or
    // always, or never; a re-render (new settings, same verdict) keeps it as it was.
    const auto = settings.autoOpen === "always" || (settings.autoOpen === "warnings" && warn);
    setOpen(keepOpen ? Boolean(wasOpen) : auto || Boolean(wasOpen), { focus: hadFocus });
    scheduleHighlights(report);
  }

  /** The panel's body for ui.report, built once per report, when the panel is first shown. */
  function ensureBody() {
    if (!ui?.report || ui.bodyFor === ui.report) return;
    const t0 = BENCH ? performance.now() : 0;
    const report = ui.report;
    ui.bodyFor = report;
    if (!ui.panelStyled) {
      ui.root.append(el("style", null, PANEL_CSS));
      ui.panelStyled = true;
    }
    const id = report.identity;
    const panel = ui.panel;
    panel.replaceChildren();
    const head = el("div", "head");
    const title = el("h2", "title", "Masthead");
    title.id = "masthead-title";
    const tools = el("div", "tools");
    if (hasEvidence(report) && globalThis.CSS?.highlights) {
      const on = panelHighlights();
      const toggle = button("hl-toggle", t("highlightsToggle"), () => {
        highlightsHere = !panelHighlights();
        toggle.setAttribute("aria-pressed", String(highlightsHere));
        applyHighlights(report);
      });
      toggle.setAttribute("aria-pressed", String(on));
      toggle.title = t("highlightsToggleHint");
      tools.append(toggle);
    }
    const closeButton = button("close", "×", close);
    closeButton.setAttribute("aria-label", t("close"));
    tools.append(closeButton);
    head.append(title, tools);
    panel.append(head);

    if (isMismatch(id)) {
      const alert = el("p", "alert", identitySentence(id));
      alert.setAttribute("role", "alert");
      panel.append(alert);
    }
    panel.append(topLines(report), identitySection(report), writingSection(report), madeSection(report), footer());
    if (BENCH) mark("built", { ms: performance.now() - t0 });
  }

  // ---- the three lines read at a glance --------------------------------------------------

  function shownMarkers(report) {
    return (report.markers ?? []).filter((m) => settings.families[m.family] !== false);
  }

  function hasEvidence(report) {
    return shownMarkers(report).some((m) => m.evidence?.length);
  }

  function topLines(report) {
    const id = report.identity;
    const ul = el("ul", "top");
    ul.setAttribute("aria-label", t("atAGlance"));
    const line = (kind, ...parts) => {
      const li = el("li", kind);
      li.append(...parts.map((p) => (typeof p === "string" ? document.createTextNode(p) : p)));
      ul.append(li);
    };
    // 1. Who is speaking.
    const o = id.outlet;
    if (isMismatch(id)) {
      // The identity sentence above the lines already says who the page is not, and where the
      // real outlet is: nothing to repeat here.
    } else if (o) {
      const what = o.stateMedia ? t("typologyShort_" + o.stateMedia.typology) : o.owner ? t("ownership_" + o.owner.type.replace(/-/g, "_")) : "";
      line("who", bdi(o.name, "strong"), what ? ` — ${what}, ${countryName(o.country)}` : ` — ${countryName(o.country)}`);
    } else {
      line("who", identitySentence(id));
    }
    // 2. What is on the record about the outlet.
    if (o && !isMismatch(id)) {
      const measures = o.legalMeasures ?? [];
      if (measures.length) {
        const where = [...new Set(measures.map((m) => m.jurisdiction))].join(", ");
        line("record", t("topMeasures", [String(measures.length), where]));
      } else if (o.owner) {
        line("record", t("topOwner", [o.owner.name]));
      }
    }
    // 3. How it is written: the families with something to show, from the Report's summary.
    const families = (report.summary?.families ?? []).filter((f) => f.markers > 0 && f.family !== "provenance" && settings.families[f.family] !== false);
    if (families.length) {
      line("writing", `${t("howItsWritten")}: ${families.map((f) => `${familyName(f.family)} ${f.markers}`).join(" · ")}`);
    } else {
      line("writing", t("topNoMarkers"));
    }
    return ul;
  }

  function familyName(f) {
    return t("family_" + f) || f;
  }

  // ---- details on demand -----------------------------------------------------------------

  function section(className, heading, open = false) {
    const d = el("details", "sec " + className);
    d.open = open;
    const s = el("summary", null);
    s.append(el("h3", null, heading));
    d.append(s);
    return d;
  }

  function row(dl, term, ...values) {
    const dd = el("dd");
    dd.append(...values.filter(Boolean).map((v) => (typeof v === "string" ? document.createTextNode(v) : v)));
    dl.append(el("dt", null, term), dd);
  }

  function withSource(text, source, what) {
    const span = el("span", null, text + " ");
    if (source?.url) span.append(link(source.url, t("source"), t("sourceFor", [what || text])));
    return span;
  }

  /** Made on first use and kept: the first Intl.DisplayNames in a page's content script costs
   *  17–53 ms in Chromium (ICU's region data is loaded then), so only an opened panel pays it. */
  let regionNames = null;
  function countryName(code) {
    try {
      regionNames ??= new Intl.DisplayNames([UI_LANG], { type: "region" });
      return regionNames.of(code) ?? code;
    } catch {
      return code;
    }
  }

  function identitySection(report) {
    const id = report.identity;
    const sec = section("identity", t("whoIsSpeaking"));
    if (!isMismatch(id)) sec.append(el("p", "reason", identitySentence(id)));
    const dl = el("dl");
    const claim = id.claims?.[0];
    row(dl, t("pageCallsItself"), claim ? t("claimVia", [claim.name, claim.via === "title" ? t("viaTitle") : claim.via]) : t("noClaim"));
    const host = hostText(id);
    row(dl, t("hostBelongsTo"), id.outlet ? withSource(t("hostOf", [host, id.outlet.name]), id.domainSource, t("hostBelongsTo")) : t("hostUnknown", [host]));
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
    card.setAttribute("role", "group");
    card.setAttribute("aria-label", t("outletCard", [o.name]));
    card.append(bdi(o.name, "card-title"));
    const dl = el("dl");
    row(dl, t("country"), withSource(countryName(o.country), o.source, t("country")));
    const chain = [o.owner, o.parent, o.ultimateOwner].filter(Boolean);
    if (chain.length) {
      const span = el("span");
      chain.forEach((c, i) => {
        if (i) span.append(" → ");
        span.append(withSource(`${c.name} (${t("ownership_" + c.type.replace(/-/g, "_")) || c.type})`, c.source, c.name));
      });
      row(dl, t("owner"), span);
    }
    if (o.funding) {
      const model = t("funding_" + o.funding.model.replace(/-/g, "_")) || o.funding.model;
      row(dl, t("funding"), withSource(model + (o.funding.note && ENGLISH_UI ? ` — ${o.funding.note}` : ""), o.funding.source, t("funding")));
    }
    if (o.stateMedia) row(dl, t("stateRelation"), withSource(t("typology_" + o.stateMedia.typology) || o.stateMedia.typology, o.stateMedia.source, t("stateRelation")));
    card.append(dl);
    if (o.legalMeasures?.length) {
      card.append(el("h4", null, t("legalMeasures")));
      const ul = el("ul", "measures");
      for (const m of o.legalMeasures) {
        const when = m.effective ? t("measureDatesEffective", [m.adopted, m.effective]) : t("measureDates", [m.adopted]);
        const li = el("li", null, `${m.jurisdiction}: ${m.measure}. ${m.act}, ${when}. `);
        li.append(link(m.url, t("source"), t("sourceFor", [m.act])));
        ul.append(li);
      }
      card.append(ul);
    }
    if (o.operations?.length) {
      card.append(el("h4", null, t("operations")));
      const ul = el("ul", "operations");
      for (const op of o.operations) {
        const li = el("li", null, `${op.operation}: ${op.report}. `);
        li.append(link(op.url, t("source"), t("sourceFor", [op.report])));
        ul.append(li);
      }
      card.append(ul);
    }
    return card;
  }

  const FAMILIES = ["framing", "persuasion", "sourcing"];

  function writingSection(report) {
    const shown = shownMarkers(report).filter((m) => m.family !== "provenance");
    const sec = section("writing", t("howItsWritten"));
    if (!shown.length) {
      sec.append(el("p", "muted", t("noMarkers")));
      return sec;
    }
    const summary = new Map((report.summary?.families ?? []).map((f) => [f.family, f]));
    for (const family of FAMILIES) {
      const items = shown.filter((m) => m.family === family);
      if (!items.length) continue;
      const f = summary.get(family);
      const counted = f ? t("familyCount", [String(f.markers), String(f.occurrences)]) : String(items.length);
      const group = el("div", "family");
      group.append(el("h4", null, `${familyName(family)} · ${counted}`));
      for (const m of items) group.append(markerItem(m));
      sec.append(group);
    }
    return sec;
  }

  // ---- marker text: keyed by the marker's rule in _locales, the core's English otherwise ----

  const ruleKey = (rule) => "mk_" + String(rule).replace(/[^A-Za-z0-9]/g, "_");
  /** Rules whose explanation is the rule's sentence plus a sentence of details about the page. */
  const DETAILED = new Set(["provenance.dates_disagree", "provenance.links", "sourcing.no_source"]);

  function markerText(m) {
    if (ENGLISH_UI) return { label: m.label, explanation: m.explanation };
    const key = ruleKey(m.rule);
    let label = t(key + "_label");
    let explanation = t(key + "_explain");
    if (!label || !explanation) return { label: m.label, explanation: m.explanation };
    const detail = DETAILED.has(m.rule) ? m.explanation.slice(m.explanation.indexOf(". ") + 2) : "";
    let got;
    if (m.rule === "sourcing.quotation") {
      if ((got = /^Quotes (.+)$/.exec(m.label))) {
        label = t("mkQuotes", [got[1]]);
        explanation = t("mkQuotesExplain", [got[1]]);
      } else if (/no named speaker/.test(m.label)) {
        label = t("mkQuotesUnattributed");
      }
    } else if (m.rule === "sourcing.named_source" && (got = /^Source named: (.+)$/.exec(m.label))) {
      label = t("mkSourceNamed", [got[1]]);
    } else if (m.rule === "provenance.links") {
      const total = /^(\d+) link/.exec(m.label)?.[1];
      const other = /to (\d+) other/.exec(m.label)?.[1];
      label = !total ? t("mkLinksNone") : other ? t("mkLinksOther", [total, other]) : t("mkLinksSame", [total]);
      if ((got = /^Other sites: (.+)\.$/.exec(detail))) explanation += " " + t("mkOtherSites", [got[1]]);
    } else if (m.rule === "sourcing.no_source" && (got = /(\d+) words/.exec(detail))) {
      explanation += " " + t("mkNoSourceDetail", [got[1]]);
    } else if (detail && detail !== m.explanation) {
      // Details the shell cannot phrase itself (dates quoted from the page): in the core's words.
      explanation += " " + detail;
    }
    if (String(m.id).includes("~quoted")) label += " " + t("mkInQuotation");
    return { label, explanation };
  }

  function markerItem(m) {
    const { label, explanation } = markerText(m);
    const d = el("details", "marker");
    d.dataset.rule = m.rule;
    const s = el("summary", null);
    s.append(el("span", "label", label));
    if (m.evidence?.length) s.append(el("span", "count", ` (${m.evidence.length})`));
    d.append(s);
    d.append(el("p", "explanation", explanation));
    if (m.narrative) {
      const p = el("p", "narrative", `${t("narrative")}: `);
      p.append(bdi(ENGLISH_UI ? m.narrative : t(ruleKey(m.rule) + "_narrative") || m.narrative));
      d.append(p);
    }
    if (m.reference) {
      const url = /https?:\/\/\S+/.exec(m.reference)?.[0];
      const p = el("p", "reference", `${t("documentedBy")}: `);
      if (url) p.append(link(url.replace(/[.,;)]+$/, ""), m.reference.replace(url, "").replace(/[:\s]+$/, "") || url));
      else p.append(document.createTextNode(m.reference));
      d.append(p);
    }
    if (m.evidence?.length) {
      const ul = el("ul", "evidence");
      ul.setAttribute("aria-label", t("evidence"));
      for (const e of m.evidence.slice(0, 12)) {
        const li = el("li");
        const b = button("quote", null, () => scrollToQuote(e.quote));
        b.append(bdi(`“${e.quote?.exact ?? ""}”`));
        b.setAttribute("aria-label", t("showQuote", [e.quote?.exact ?? ""]));
        li.append(b);
        ul.append(li);
      }
      d.append(ul);
    }
    return d;
  }

  function madeSection(report) {
    const p = report.page ?? {};
    const sec = section("made", t("howItWasMade"));
    const dl = el("dl");
    row(dl, t("byline"), p.byline ? bdi(p.byline) : t("noByline"));
    row(dl, t("published"), p.published ?? t("notStated"));
    if (p.modified) row(dl, t("modified"), p.modified);
    row(dl, t("length"), t("lengthValue", [String(p.wordCount ?? 0), String(p.paragraphs ?? 0)]));
    row(dl, t("linksInBody"), String(p.links?.length ?? 0));
    sec.append(dl);
    const provenance = shownMarkers(report).filter((m) => m.family === "provenance");
    for (const m of provenance) sec.append(markerItem(m));
    if (report.partial) sec.append(el("p", "muted", t("partial")));
    return sec;
  }

  function footer() {
    const f = el("div", "foot");
    const why = el("details", "why");
    const s = el("summary", null, t("whyTitle"));
    why.append(s, el("p", "muted", t("why")));
    const options = button("linkish", t("openOptions"), () => api.runtime.sendMessage({ type: "openOptions" }).catch(() => {}));
    f.append(why, options);
    return f;
  }

  // ---- evidence in the article (CSS Custom Highlight API: the page's DOM is never changed) --

  /** The text nodes whose text is searched (not script, style and the like). */
  const SKIPPED_PARENTS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA"]);
  /** The page text indexed stops past this many characters (a quote is searched in it all). */
  const MAX_INDEXED_CHARS = 3_000_000;

  /**
   * The page's text with every run of whitespace folded to one space (fold does the same to
   * the quotes searched in it), indexed per text node: `starts[i]` is where node i's text begins in `text`,
   * and `lead[i]` says whether the node's leading whitespace was dropped (the text before it
   * already ended in a space). Per node, not per character: one string operation per node;
   * the offset inside a node is worked out only for a quote's two ends (locate).
   */
  function pageText() {
    const nodes = [];
    const starts = [];
    const lead = [];
    let text = "";
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        const p = n.parentElement;
        return !p || SKIPPED_PARENTS.has(p.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      let folded = n.data.replace(/\s+/g, " ");
      const dropLead = folded.startsWith(" ") && (text.length === 0 || text.endsWith(" "));
      if (dropLead) folded = folded.slice(1);
      if (!folded) continue; // adds nothing to the text
      nodes.push(n);
      starts.push(text.length);
      lead.push(dropLead);
      text += folded;
      if (text.length > MAX_INDEXED_CHARS) break;
    }
    return { text, nodes, starts, lead };
  }

  const WS = /\s/;

  /** The text node and the offset in it of character `at` of the folded text, or null. */
  function locate(index, at) {
    // The last node that starts at or before `at` (binary search over the start offsets).
    let lo = 0;
    let hi = index.starts.length - 1;
    if (hi < 0 || at < 0) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (index.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    // Walk the node's own text, folding as pageText did, to the wanted character. A run of
    // whitespace stands for one space, at the run's first character.
    const node = index.nodes[lo];
    const s = node.data;
    const want = at - index.starts[lo];
    let count = 0;
    for (let i = 0; i < s.length; i++) {
      if (WS.test(s[i]) && (i === 0 ? index.lead[lo] : WS.test(s[i - 1]))) continue;
      if (count === want) return [node, i];
      count++;
    }
    return null; // past the node's end (the page changed its text since it was indexed)
  }

  const fold = (s) => String(s ?? "").replace(/\s+/g, " ");

  function rangeFor(index, quote) {
    const exact = fold(quote?.exact).trim();
    if (!exact) return null;
    const prefix = fold(quote.prefix);
    let at = prefix ? index.text.indexOf(prefix.trimStart() + exact) : -1;
    at = at >= 0 ? at + prefix.trimStart().length : index.text.indexOf(exact);
    if (at < 0) return null;
    const first = locate(index, at);
    const last = locate(index, at + exact.length - 1);
    if (!first || !last) return null;
    try {
      const range = new Range();
      range.setStart(first[0], first[1]);
      range.setEnd(last[0], last[1] + 1);
      return range;
    } catch {
      return null; // the page changed the nodes since they were indexed
    }
  }

  let pageIndex = null;
  /** Cancels the highlights waiting for idle time (see scheduleHighlights), if any. */
  let cancelPending = null;

  function clearHighlights() {
    cancelPending?.();
    cancelPending = null;
    if (globalThis.CSS?.highlights) {
      CSS.highlights.delete(HIGHLIGHT_NAME);
      CSS.highlights.delete(HIGHLIGHT_FOCUS);
    }
    pageIndex = null;
  }

  /** Runs `fn` when the main thread is idle (within a second at the latest); returns a cancel. */
  function whenIdle(fn) {
    if (typeof requestIdleCallback === "function") {
      const id = requestIdleCallback(fn, { timeout: 1000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(fn, 0);
    return () => clearTimeout(id);
  }

  /**
   * The highlights are shown at load (the panel closed or not), but they are not needed for
   * the pill: the page text is indexed and the ranges are set in idle time after it.
   */
  function scheduleHighlights(report) {
    clearHighlights();
    cancelPending = whenIdle(() => {
      cancelPending = null;
      const t0 = BENCH ? performance.now() : 0;
      applyHighlights(report);
      if (BENCH) mark("highlighted", { ms: performance.now() - t0 });
    });
  }

  function applyHighlights(report) {
    clearHighlights();
    if (!panelHighlights() || !globalThis.CSS?.highlights || typeof Highlight !== "function") return;
    const evidence = shownMarkers(report).flatMap((m) => m.evidence ?? []);
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
    const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
    target?.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    if (globalThis.CSS?.highlights && typeof Highlight === "function") CSS.highlights.set(HIGHLIGHT_FOCUS, new Highlight(range));
  }

  // ---- styles (px units and a full reset: the page's CSS cannot reach in) -----------------
  // Colours meet WCAG 2.2 AA (4.5:1 for text, 3:1 for focus rings and borders) in both schemes.

  // Two sheets: the pill's, parsed at load on every page, and the panel's, added when the panel
  // is first shown (most pages never open it). A mount probe in Chromium measured 2.9 ms instead
  // of 4.4; the browser benchmark cannot see it through its run-to-run noise (BENCHMARKS.md).
  const PILL_CSS = `
:host { all: initial !important; position: fixed !important; inset: auto 16px 16px auto !important;
  z-index: 2147483647 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  background: transparent !important; overflow: visible !important; display: block !important;
  width: auto !important; height: auto !important; max-width: none !important; max-height: none !important;
  min-width: 0 !important; min-height: 0 !important; transform: none !important; opacity: 1 !important;
  visibility: visible !important; clip-path: none !important; filter: none !important; pointer-events: auto !important;
  direction: ltr !important; unicode-bidi: isolate !important; color-scheme: light dark; }
:host::backdrop { display: none !important; }
.wrap { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f;
  display: flex; flex-direction: column; align-items: flex-end; gap: 8px; text-align: start;
  -webkit-text-size-adjust: 100%; letter-spacing: normal; word-spacing: normal; }
.pill { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; cursor: pointer;
  padding: 6px 12px; border-radius: 999px; background: #ffffff; color: #1b1b1f; border: 1px solid #6b6b76;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); font: 600 13px/1.2 system-ui, sans-serif; max-width: 320px; }
.pill[data-verdict="claimed"], .pill[data-verdict="lookalike"] { border-color: #b3261e; border-width: 2px; }
.pill:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.pill .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 200px; }
.pill .status { font-weight: 500; color: #45454f; white-space: nowrap; }
.pill[data-verdict="claimed"] .status, .pill[data-verdict="lookalike"] .status { color: #9c1c15; font-weight: 700; }
.dot { width: 10px; height: 10px; border-radius: 50%; flex: none; background: #6b6b76; }
.dot.ok { background: #1e7b34; } .dot.warn { background: #b3261e; } .dot.neutral { background: #6b6b76; }
@media (prefers-color-scheme: dark) {
  .wrap, .pill { color: #ececf1; }
  .pill { background: #1f1f24; border-color: #8a8a94; }
  .pill .status { color: #c4c4cc; }
  .pill[data-verdict="claimed"], .pill[data-verdict="lookalike"] { border-color: #ff8a80; }
  .pill[data-verdict="claimed"] .status, .pill[data-verdict="lookalike"] .status { color: #ffb4ab; }
  .pill:focus-visible { outline-color: #9ec1ff; }
}
`;

  const PANEL_CSS = `
button:focus-visible, a:focus-visible, summary:focus-visible, .panel:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.panel { box-sizing: border-box; width: 400px; max-width: calc(100vw - 32px); max-height: min(640px, calc(100vh - 80px));
  overflow: auto; overscroll-behavior: contain; background: #ffffff; color: #1b1b1f; border: 1px solid #6b6b76;
  border-radius: 12px; box-shadow: 0 8px 28px rgba(0,0,0,.25); padding: 12px 16px; }
.panel[hidden] { display: none; }
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.tools { display: flex; align-items: center; gap: 6px; }
h2 { font-size: 16px; margin: 0; font-weight: 700; }
h3 { font-size: 14px; margin: 0; display: inline; font-weight: 700; }
h4 { font-size: 13px; margin: 10px 0 4px; font-weight: 700; }
p { margin: 4px 0; }
.close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 2px 8px; border-radius: 6px; color: #1b1b1f; }
.hl-toggle { all: unset; cursor: pointer; font-size: 12px; padding: 3px 8px; border-radius: 999px;
  border: 1px solid #6b6b76; color: #1b1b1f; }
.hl-toggle[aria-pressed="true"] { background: #fff3bf; border-color: #7a5d00; }
.hl-toggle[aria-pressed="true"]::before { content: "✓ "; }
.alert { background: #fdecea; color: #5f1410; border: 1px solid #b3261e; border-radius: 8px; padding: 8px 10px;
  margin: 8px 0; font-weight: 600; }
.top { list-style: none; margin: 8px 0; padding: 0; }
.top li { margin: 4px 0; padding-inline-start: 12px; border-inline-start: 3px solid #c9c9d1; }
.top .strong { font-weight: 700; }
details.sec { border-top: 1px solid #c9c9d1; padding: 6px 0; }
summary { cursor: pointer; border-radius: 4px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; margin: 6px 0; }
dt { color: #45454f; } dd { margin: 0; overflow-wrap: anywhere; }
.card { border: 1px solid #c9c9d1; border-radius: 8px; padding: 6px 10px; margin-top: 8px; }
.card-title { display: block; font-weight: 700; margin: 2px 0; }
ul { margin: 4px 0; padding-inline-start: 18px; } li { margin: 2px 0; }
a.source { color: #1a56db; text-decoration: underline; font-size: 12px; cursor: pointer; }
.linkish { all: unset; color: #1a56db; text-decoration: underline; cursor: pointer; font-size: 13px; }
.muted { color: #45454f; font-size: 12px; }
.family h4 { color: #1b1b1f; }
details.marker { margin: 4px 0 4px 4px; } details.marker summary .label { font-weight: 600; }
details.marker .count { color: #45454f; }
.explanation, .narrative, .reference { color: #33333b; font-size: 13px; }
.evidence { padding-inline-start: 14px; }
.quote { all: unset; cursor: pointer; color: #1b1b1f; background: #fff3bf; border-radius: 3px; padding: 0 2px; }
.foot { margin-top: 6px; border-top: 1px solid #c9c9d1; padding-top: 6px; display: flex; flex-direction: column; gap: 4px; align-items: flex-start; }
@media (prefers-color-scheme: dark) {
  .panel, .family h4, .close, .hl-toggle, .quote { color: #ececf1; }
  .panel { background: #1f1f24; border-color: #8a8a94; }
  dt, .muted, details.marker .count { color: #c4c4cc; }
  .explanation, .narrative, .reference { color: #d8d8de; }
  .alert { background: #4a1512; color: #ffe3df; border-color: #ff8a80; }
  .card, .foot, details.sec, .top li { border-color: #4a4a55; }
  a.source, .linkish { color: #9ec1ff; }
  .quote { background: #5c4d00; color: #fff8d6; }
  .hl-toggle { border-color: #8a8a94; } .hl-toggle[aria-pressed="true"] { background: #5c4d00; border-color: #e0c050; }
  button:focus-visible, a:focus-visible, summary:focus-visible, .panel:focus-visible { outline-color: #9ec1ff; }
}
`;

  start();
})();
