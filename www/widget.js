// intro-status: the page shell around the Rust/wasm core.
//
// `cargo xtask build` wraps this file, a factory for the wasm-bindgen glue (`makeGlue`, returning
// a fresh `wasm_bindgen`) and the gzipped wasm as base64 (`WASM_BASE64`) in one function scope, so
// the one classic script `dist/intro-status.js` works from a web server and from file:// alike,
// and defines no globals except the `<intro-status>` element.
//
// Everything the widget computes, draws or says comes from the core; this file builds the DOM,
// passes attributes in and shows what comes back. It sends nothing anywhere and stores nothing.

var CURRENT_SCRIPT = document.currentScript;

// Shown before (or instead of) the core: when WebAssembly is missing or blocked by a
// Content-Security-Policy, and while it loads.
var BOOT = {
  nb: {
    csp: "Figuren kan ikke vises fordi nettstedets sikkerhetsregler (Content-Security-Policy) stopper WebAssembly. Nettredaktøren må legge til 'wasm-unsafe-eval' i script-src.",
    failed: "Figuren kan ikke vises i denne nettleseren: ",
    crashed: "Det oppstod en feil i figuren, og den ble startet på nytt: ",
    loading: "Laster statistikk …",
    language: "Ukjent språk «{x}»; viser bokmål.",
  },
  nn: {
    csp: "Figuren kan ikkje visast fordi sikkerheitsreglane til nettstaden (Content-Security-Policy) stoppar WebAssembly. Nettredaktøren må leggje til 'wasm-unsafe-eval' i script-src.",
    failed: "Figuren kan ikkje visast i denne nettlesaren: ",
    crashed: "Det oppstod ein feil i figuren, og han vart starta på nytt: ",
    loading: "Lastar statistikk …",
    language: "Ukjent språk «{x}»; viser bokmål.",
  },
  en: {
    csp: "The chart cannot be shown because this site's Content-Security-Policy blocks WebAssembly. The site's editor needs to add 'wasm-unsafe-eval' to script-src.",
    failed: "The chart cannot be shown in this browser: ",
    crashed: "The chart hit an error and was restarted: ",
    loading: "Loading statistics …",
    language: "Unknown language «{x}»; showing Norwegian Bokmål.",
  },
};

var STYLE = [
  // Host tokens first (--intro-status-*), then Designsystemet's (--ds-*), then our own.
  // :host carries the tokens and the box; the text styles sit on .is-root, which no page rule reaches.
  ":host{all:initial;display:block;box-sizing:border-box;max-width:760px;margin:1em 0;contain:content;",
  "--is-bg:var(--intro-status-bg,var(--ds-color-neutral-background-default,#fff));",
  "--is-text:var(--intro-status-text,var(--ds-color-neutral-text-default,#1a1a1a));",
  "--is-muted:var(--intro-status-muted,var(--ds-color-neutral-text-subtle,#4a4a4a));",
  "--is-border:var(--intro-status-border,var(--ds-color-neutral-border-strong,#595959));",
  "--is-accent:var(--intro-status-accent,var(--ds-color-accent-base-default,#1d4f91));",
  "--is-accent-text:var(--intro-status-accent-text,var(--ds-color-accent-base-contrast-default,#fff));",
  "--is-focus:var(--intro-status-focus,var(--ds-color-focus-outer,#1d4f91));",
  "--is-error:var(--intro-status-error,var(--ds-color-danger-text-default,#b00020));",
  "--is-radius:var(--intro-status-radius,var(--ds-border-radius-md,4px));",
  "--is-font:var(--intro-status-font,var(--ds-font-family,system-ui)),system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}",
  "@media (prefers-color-scheme:dark){:host{",
  "--is-bg:var(--intro-status-bg,var(--ds-color-neutral-background-default,#121212));",
  "--is-text:var(--intro-status-text,var(--ds-color-neutral-text-default,#eee));",
  "--is-muted:var(--intro-status-muted,var(--ds-color-neutral-text-subtle,#c4c4c4));",
  "--is-border:var(--intro-status-border,var(--ds-color-neutral-border-strong,#9a9a9a));",
  "--is-accent:var(--intro-status-accent,var(--ds-color-accent-base-default,#8ab4f8));",
  "--is-accent-text:var(--intro-status-accent-text,var(--ds-color-accent-base-contrast-default,#121212));",
  "--is-focus:var(--intro-status-focus,var(--ds-color-focus-outer,#8ab4f8));",
  "--is-error:var(--intro-status-error,var(--ds-color-danger-text-default,#ff8a80))}}",
  ":host([hidden]){display:none}",
  "*,*::before,*::after{box-sizing:border-box}",
  // The widget paints its own colours, even where the page resets the host element's.
  ".is-root{padding:.5em;background:var(--is-bg);color:var(--is-text);font-family:var(--is-font);",
  // medium: the reader's own text size, also where a site sets html{font-size:62.5%}.
  "font-size:var(--intro-status-font-size,medium);line-height:1.5;text-align:left;font-weight:400;font-style:normal;",
  "letter-spacing:normal;word-spacing:normal;text-transform:none;overflow-wrap:break-word;hyphens:auto}",
  ".is-controls{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:flex-end;margin-bottom:.75em}",
  ".is-field{display:flex;flex-direction:column;gap:.125em;min-width:0;max-width:100%}",
  ".is-field[hidden],.is-controls[hidden],.is-tabs[hidden],.is-actions[hidden]{display:none}",
  "label{font-weight:600}",
  "select,input,button{font:inherit;color:var(--is-text);background:var(--is-bg);min-height:44px;max-width:100%;",
  "padding:.25em .5em;border:1px solid var(--is-border);border-radius:var(--is-radius)}",
  "button{cursor:pointer}",
  // A set width: without one, every change of the chosen kommune makes the browser measure all
  // ~380 options again to size the list (about 20 ms a switch in Chromium).
  ".is-kommune{width:24em}",
  ":focus-visible{outline:3px solid var(--is-focus);outline-offset:2px}",
  ".is-count{font-size:.875em;color:var(--is-muted);min-height:1.3em}",
  ".is-tabs{display:flex;flex-wrap:wrap;gap:.25em;margin:0 0 .75em;padding:0}",
  ".is-tabs button[aria-selected=true]{background:var(--is-accent);color:var(--is-accent-text);border-color:var(--is-accent);font-weight:600}",
  ".is-title{font-weight:600;font-size:1.125em;margin:0 0 .25em}",
  ".is-summary{margin:0 0 .5em}",
  "figure{margin:0}",
  "canvas{display:block;max-width:100%;height:auto}",
  ".is-notes,.is-footnotes{margin:.25em 0 0;padding-left:1.25em;color:var(--is-muted);font-size:.9375em}",
  ".is-notes:empty,.is-footnotes:empty{display:none}",
  ".is-footnotes{list-style:none;padding:0;font-size:.875em}",
  ".is-actions{display:flex;flex-wrap:wrap;gap:.5em;margin:.75em 0 0}",
  ".is-table-wrap{overflow-x:auto;margin-top:.75em}",
  ".is-table-wrap[hidden]{display:none}",
  "table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.9375em}",
  "caption{text-align:left;font-weight:600;padding-bottom:.25em}",
  "th,td{padding:.25em .5em;border-bottom:1px solid var(--is-border);text-align:right;vertical-align:top}",
  "th[scope=row],thead th:first-child{text-align:left}",
  ".is-source{font-size:.875em;color:var(--is-muted);margin:.5em 0 0}",
  ".is-message{border-left:4px solid var(--is-error);padding:.5em .75em;margin:0 0 .5em;color:var(--is-text)}",
  ".is-message:empty{display:none}",
  ".is-loading{margin:0 0 .5em;color:var(--is-muted)}",
  ".is-loading:empty{display:none}",
  ".is-fallback:not(.is-show){display:none}",
  ".is-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}",
  "@media (forced-colors:active){canvas{border:1px solid CanvasText}.is-tabs button[aria-selected=true]{outline:2px solid Highlight}}",
  "@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}",
  "@media print{.is-controls,.is-actions{display:none}.is-table-wrap[hidden]{display:block}}",
].join("");

var sheetCache;
function styleSheet() {
  if (sheetCache === undefined) {
    try {
      sheetCache = new CSSStyleSheet();
      sheetCache.replaceSync(STYLE);
    } catch (e) {
      sheetCache = null;
    }
  }
  return sheetCache;
}

function bootTexts(lang) {
  return BOOT[lang] || BOOT.nb;
}

// The language asked for: the element's own `lang`, the nearest ancestor's, or the page's.
function langTag(el) {
  var owner = el.closest ? el.closest("[lang]") : null;
  return el.getAttribute("lang") || (owner && owner.getAttribute("lang")) || document.documentElement.getAttribute("lang") || "nb";
}

// nb, nn or en; and whether the tag was understood.
function parseLang(tag) {
  var primary = String(tag).toLowerCase().split(/[-_]/)[0];
  if (primary === "no" || primary === "nb") return { lang: "nb", known: true };
  if (primary === "nn" || primary === "en") return { lang: primary, known: true };
  return { lang: "nb", known: false };
}

var core = null;
var compiled = null;
// Bumped when an instance traps: a widget holding an older core must not use it any more.
var generation = 0;
var shared = { choices: null, texts: {}, options: {} };
// The message of the last Rust panic, sent by the core's panic hook just before it traps.
var lastPanic = "";
window.addEventListener("intro-status:panic", function (e) {
  lastPanic = String(e.detail || "");
});

// One wasm instance for the whole page, however many widgets. After a crash (a Rust panic
// aborts the instance), the next call builds a fresh one from the compiled module.
function loadCore() {
  if (core) return core;
  core = Promise.resolve().then(function () {
    if (typeof WebAssembly !== "object") throw new Error("no WebAssembly");
    if (!compiled) {
      var bytes;
      if (typeof Uint8Array.fromBase64 === "function") {
        bytes = Uint8Array.fromBase64(WASM_BASE64);
      } else {
        var bin = atob(WASM_BASE64);
        bytes = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      }
      // The wasm travels gzipped; the browser inflates it itself, and where it can, compiles it
      // while inflating.
      if (typeof DecompressionStream !== "function") throw new Error("no DecompressionStream");
      var inflated = function () { return new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")); };
      compiled = typeof WebAssembly.compileStreaming === "function"
        ? WebAssembly.compileStreaming(new Response(inflated(), { headers: { "content-type": "application/wasm" } }))
        : new Response(inflated()).arrayBuffer().then(function (raw) { return WebAssembly.compile(raw); });
    }
    return compiled;
  }).then(function (module) {
    var glue = makeGlue();
    return glue({ module_or_path: module }).then(function () { return glue; });
  });
  core.catch(function () { core = null; compiled = null; });
  return core;
}

function isCspError(err) {
  var text = String(err && (err.message || err));
  return /Content.Security.Policy|wasm-unsafe-eval|unsafe-eval|disallowed|violates/i.test(text);
}

// A trap (a Rust panic under panic=abort) leaves the instance unusable: start a new one.
function isCrash(err) {
  return err instanceof WebAssembly.RuntimeError;
}

function el(tag, attrs, text) {
  var node = document.createElement(tag);
  if (attrs) for (var k in attrs) node.setAttribute(k, attrs[k]);
  if (text != null) node.textContent = text;
  return node;
}

// Text and attributes are only written when they change: rewriting the same text still marks it
// for layout, and a kommune switch would lay out the whole widget for nothing.
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

function messageOf(err) {
  return String((err && err.message) || err);
}

// Relative luminance of a CSS colour, to pick the chart's light or dark theme from the actual
// background, whether it comes from the system, the host's tokens or Designsystemet.
function isDark(color) {
  var m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(color || "");
  if (!m || (m[4] !== undefined && +m[4] === 0)) return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches;
  var lin = function (c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(+m[1]) + 0.7152 * lin(+m[2]) + 0.0722 * lin(+m[3]) < 0.2;
}

var uid = 0;

// Every widget on the page, for printing.
var widgets = [];

// Charts to draw once the widgets rendered in this turn are all built: their sizes are read
// first, all together (one layout for the lot, none forced per widget), then they are drawn.
var drawQueue = [];
function queueDraw(widget) {
  if (drawQueue.indexOf(widget) < 0 && drawQueue.push(widget) === 1) Promise.resolve().then(flushDraws);
}
function flushDraws() {
  var list = drawQueue;
  drawQueue = [];
  var boxes = list.map(function (w) { return w.figure.hidden ? null : w.measure(); });
  list.forEach(function (w, i) { w.drawChart(false, boxes[i]); });
}
// Charts far from the screen are drawn when they come near it (half a screen ahead): on a page
// with many widgets the first screen is ready sooner, and canvases nobody scrolls to cost nothing.
// Everything else of a widget (title, summary, table, controls) is there at once.
var nearby = typeof IntersectionObserver === "function" ? new IntersectionObserver(function (entries) {
  entries.forEach(function (entry) {
    var w = entry.target._widget;
    if (!entry.isIntersecting || !w) return;
    nearby.unobserve(entry.target);
    if (w.chartWaiting) w.drawChart();
  });
}, { rootMargin: "50% 0px" }) : null;
// A printout shows every chart, drawn or not yet.
window.addEventListener("beforeprint", function () {
  widgets.forEach(function (w) { if (w.chartWaiting) w.drawChart(true); });
});

function Widget(host) {
  this.host = host;
  widgets.push(this);
  this.id = "is" + (++uid);
  this.root = host.attachShadow({ mode: "open" });
  // One constructed sheet for every widget: it also works under a CSP without 'unsafe-inline'.
  var sheet = styleSheet();
  if (sheet) {
    this.root.adoptedStyleSheets = [sheet];
  } else {
    var style = el("style");
    style.textContent = STYLE;
    this.root.appendChild(style);
  }
  var id = this.id;

  var wrap = (this.wrap = el("div", { class: "is-root" }));
  var controls = (this.controls = el("div", { class: "is-controls" }));
  this.searchLabel = el("label", { for: id + "-search" });
  this.search = el("input", { id: id + "-search", type: "search", autocomplete: "off", spellcheck: "false", "aria-controls": id + "-kommune", "aria-describedby": id + "-count" });
  this.count = el("span", { id: id + "-count", class: "is-count", "aria-live": "polite" });
  this.label = el("label", { for: id + "-kommune" });
  this.select = el("select", { id: id + "-kommune", class: "is-kommune" });
  this.cohortLabel = el("label", { for: id + "-cohort" });
  this.cohortSelect = el("select", { id: id + "-cohort" });
  this.cohortField = el("div", { class: "is-field", hidden: "" });
  var field = function (a, b, c) { var f = el("div", { class: "is-field" }); f.appendChild(a); f.appendChild(b); if (c) f.appendChild(c); return f; };
  controls.appendChild(field(this.searchLabel, this.search, this.count));
  controls.appendChild(field(this.label, this.select));
  this.cohortField.appendChild(this.cohortLabel);
  this.cohortField.appendChild(this.cohortSelect);
  controls.appendChild(this.cohortField);

  this.tabs = el("div", { class: "is-tabs", role: "tablist" });
  this.message = el("p", { class: "is-message", role: "alert" });
  // Not an alert: a page of widgets loading would interrupt a screen reader once per widget.
  this.loading = el("p", { class: "is-loading" });
  this.panel = el("div", { role: "tabpanel", id: id + "-panel" });
  this.title = el("p", { class: "is-title", id: id + "-title" });
  this.summary = el("p", { class: "is-summary", id: id + "-summary" });
  this.figure = el("figure");
  this.canvas = el("canvas", { role: "img", "aria-describedby": id + "-summary" });
  this.notes = el("ul", { class: "is-notes" });
  this.figure.appendChild(this.canvas);
  this.figure.appendChild(this.notes);
  this.tableWrap = el("div", { class: "is-table-wrap", id: id + "-table", hidden: "" });
  this.actions = el("div", { class: "is-actions" });
  this.toggle = el("button", { type: "button", "aria-controls": id + "-table", "aria-expanded": "false" });
  this.pngButton = el("button", { type: "button" });
  this.svgButton = el("button", { type: "button" });
  this.csvButton = el("button", { type: "button" });
  [this.toggle, this.pngButton, this.svgButton, this.csvButton].forEach(function (b) { this.actions.appendChild(b); }, this);
  this.source = el("p", { class: "is-source" });
  [this.title, this.summary, this.figure, this.tableWrap, this.actions].forEach(function (n) { this.panel.appendChild(n); }, this);
  this.live = el("div", { class: "is-sr", "aria-live": "polite" });
  // The page's own fallback content (e.g. a static table), shown where the core cannot run.
  this.fallback = el("div", { class: "is-fallback" });
  this.fallback.appendChild(el("slot"));
  [controls, this.tabs, this.message, this.loading, this.panel, this.source, this.fallback, this.live].forEach(function (n) { wrap.appendChild(n); });
  this.root.appendChild(wrap);
  this.bind();
}

Widget.prototype.bind = function () {
  var self = this;
  this.select.addEventListener("change", function () {
    if (self.select.value) self.set({ kommune: self.select.value });
  });
  this.cohortSelect.addEventListener("change", function () {
    self.set({ cohort: self.cohortSelect.value });
  });
  this.search.addEventListener("input", function () {
    self.wantFullList = true;
    self.fillOptions();
  });
  var fullList = (this.fullList = function () {
    if (self.wantFullList) return;
    self.wantFullList = true;
    self.fillOptions();
  });
  ["focus", "mousedown", "touchstart"].forEach(function (type) {
    self.select.addEventListener(type, fullList, { passive: true });
  });
  // Enter in the search field chooses the first match.
  this.search.addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    var first = self.select.querySelector("option[value]:not([value=''])");
    if (first) {
      e.preventDefault();
      self.set({ kommune: first.value });
    }
  });
  // Tabs: arrow keys, Home and End move between views (WAI-ARIA tabs, automatic activation).
  this.tabs.addEventListener("keydown", function (e) {
    var tabs = Array.prototype.slice.call(self.tabs.querySelectorAll("[role=tab]"));
    var i = tabs.indexOf(self.root.activeElement);
    if (i < 0) return;
    var next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    var tab = tabs[(next + tabs.length) % tabs.length];
    tab.focus();
    self.set({ view: tab.getAttribute("data-view") });
  });
  this.toggle.addEventListener("click", function () {
    var show = self.tableWrap.hidden;
    self.showTable(show);
    if (!show) self.drawChart();
  });
  this.pngButton.addEventListener("click", function () { self.download("png"); });
  this.svgButton.addEventListener("click", function () { self.download("svg"); });
  this.csvButton.addEventListener("click", function () { self.download("csv"); });
  // A new width (the page's layout, a phone turned): draw again.
  if (typeof ResizeObserver === "function") {
    this.resize = new ResizeObserver(function (entries) {
      var w = Math.round(entries[0].contentRect.width);
      // (Also the first width after starting hidden, when the chart was drawn at a guess.)
      if (w && w !== self.width) self.drawChart();
    });
    this.resize.observe(this.figure);
  }
  // Zoom and moving between screens change the pixel ratio: redraw crisply.
  this.watchPixelRatio();
  // For the browser tests: make the core panic, to see this widget report it and the page and
  // the other widgets carry on.
  this.host.addEventListener("intro-status:test-panic", function () {
    if (self.core) self.call(function (c) { c.test_panic(); });
  });
};

Widget.prototype.watchPixelRatio = function () {
  if (!window.matchMedia) return;
  var self = this;
  var query = matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
  var onChange = function () {
    query.removeEventListener("change", onChange);
    self.drawChart();
    self.watchPixelRatio();
  };
  query.addEventListener("change", onChange);
};

// Changes state through the element's attributes, so the page (and the URL hash) can follow.
Widget.prototype.set = function (changes) {
  for (var k in changes) {
    if (changes[k] == null || changes[k] === "") this.host.removeAttribute(k);
    else this.host.setAttribute(k, changes[k]);
  }
};

Widget.prototype.showMessage = function (text) {
  setText(this.message, text || "");
};

// Where the core cannot run: the page's own fallback content, and no dead controls.
Widget.prototype.showFallback = function (show) {
  this.fallback.classList.toggle("is-show", show);
  this.showControls(!show);
};

// The controls, the view tabs and the panel, or none of them.
Widget.prototype.showControls = function (show) {
  this.controls.hidden = this.tabs.hidden = this.panel.hidden = !show;
};

// While the core loads (`text`), only a note that says so: empty controls would be no use, and
// laying them out (a list, a search field, tabs, in every widget on the page) while the wasm
// compiles would be done again once they are filled.
Widget.prototype.showLoading = function (text) {
  setText(this.loading, text || "");
  this.showControls(!text);
};

Widget.prototype.update = function () {
  var self = this;
  var asked = parseLang(langTag(this.host));
  if (!this.core && !this.crashNote) this.showLoading(bootTexts(asked.lang).loading);
  var gen = generation;
  loadCore().then(function (core) {
    self.showLoading(null);
    self.core = core;
    self.generation = gen;
    self.render();
  }, function (err) {
    self.core = null;
    self.showLoading(null);
    var t = bootTexts(asked.lang);
    self.showMessage(isCspError(err) ? t.csp : t.failed + messageOf(err));
    self.showFallback(true);
  });
};

// Calls into the core; a crash is reported in this widget and the core restarted for the next call.
Widget.prototype.call = function (fn) {
  if (this.generation !== generation) {
    // Another widget's call crashed the shared instance: start again on a fresh one.
    this.core = null;
    this.update();
    return { crashed: true };
  }
  try {
    return { value: fn(this.core) };
  } catch (err) {
    if (isCrash(err)) {
      core = null;
      generation++;
      shared = { choices: null, texts: {}, options: {} };
      this.core = null;
      this.crashNote = bootTexts(this.lang).crashed + (lastPanic.split("\n").slice(0, 2).join(" ") || messageOf(err));
      lastPanic = "";
      this.showMessage(this.crashNote);
      this.update();
      return { crashed: true };
    }
    return { error: messageOf(err) };
  }
};

Widget.prototype.render = function () {
  var asked = parseLang(langTag(this.host));
  var lang = (this.lang = asked.lang);
  // The texts are the same for every widget on the page: ask once.
  var got = this.call(function (c) {
    if (!shared.texts[lang]) shared.texts[lang] = c.ui_texts(lang);
    return shared.texts[lang];
  });
  if (got.crashed) return;
  var t = (this.texts = got.value);
  // Only when it changes: a new lang restyles every element inside, the ~380 options too.
  if (this.wrap.getAttribute("lang") !== lang) this.wrap.setAttribute("lang", lang);
  setText(this.label, t.choose_kommune);
  setText(this.searchLabel, t.search_label);
  setText(this.cohortLabel, t.choose_cohort);
  setText(this.source, t.source_line);
  setAttr(this.tabs, "aria-label", t.choose_view);
  setText(this.toggle, this.tableWrap.hidden ? t.show_table : t.show_chart);
  setText(this.pngButton, t.download_png);
  setText(this.svgButton, t.download_svg);
  setText(this.csvButton, t.download_csv);
  var problems = asked.known ? [] : [bootTexts(lang).language.replace("{x}", langTag(this.host).slice(0, 20))];
  if (this.crashNote) {
    problems.unshift(this.crashNote);
    this.crashNote = null;
  }

  var code = (this.host.getAttribute("kommune") || "").trim();
  var view = (this.host.getAttribute("view") || "goal").trim();
  var cohortAttr = this.host.getAttribute("cohort");
  var cohort = cohortAttr && /^\d{4}$/.test(cohortAttr.trim()) ? +cohortAttr : undefined;
  this.code = code;
  this.fillOptions();
  this.fillTabs(view);
  if (!code) {
    this.page = null;
    this.panel.hidden = true;
    // kommune="" is a mistake worth saying; no attribute at all just waits for a choice.
    if (this.host.hasAttribute("kommune")) problems.push(t.unknown_kommune + ": «»");
    this.showMessage(problems.join(" "));
    return;
  }
  var res = this.call(function (c) { return c.view_page(code, view, cohort, lang); });
  if (res.crashed) return;
  if (res.error) {
    this.page = null;
    this.panel.hidden = true;
    problems.push(res.error);
    this.showMessage(problems.join(" "));
    return;
  }
  var page = (this.page = res.value);
  this.showMessage(problems.join(" "));
  this.showFallback(false);
  if (page.code !== code) {
    // An old kommune number that lives on in one of today's kommuner.
    this.code = page.code;
    this.fillOptions();
  }
  this.fillTabs(page.view);
  this.fillCohorts(page);
  setText(this.title, page.title);
  setText(this.summary, page.summary);
  setAttr(this.canvas, "aria-label", page.title);
  if (this.notesShown !== page.notes.join("\n")) {
    this.notesShown = page.notes.join("\n");
    this.notes.textContent = "";
    for (var n = 0; n < page.notes.length; n++) this.notes.appendChild(el("li", null, page.notes[n]));
  }
  this.renderTable(page.table);
  this.announce(page.title);
  this.readyPending = true;
  queueDraw(this);
};

// The table in the chart's place, or the chart back.
Widget.prototype.showTable = function (show) {
  this.tableWrap.hidden = !show;
  this.figure.hidden = show;
  this.toggle.setAttribute("aria-expanded", String(show));
  this.toggle.textContent = show ? this.texts.show_chart : this.texts.show_table;
};

// The widget's content is in place, and its chart drawn (`intro-status:rendered`), waiting
// until it comes near the screen, or failed (`failed`): said once per render.
Widget.prototype.readyNow = function (failed) {
  if (!this.readyPending || !this.page) return;
  this.readyPending = false;
  var chart = failed ? "error" : this.figure.hidden ? "table" : this.chartWaiting ? "waiting" : "drawn";
  this.host.dispatchEvent(new CustomEvent("intro-status:ready", { bubbles: true, composed: true, detail: { kommune: this.page.code, view: this.page.view, chart: chart } }));
};

// Changes of kommune or view are announced once, politely.
Widget.prototype.announce = function (text) {
  if (this.lastAnnounced === text) return;
  this.lastAnnounced = text;
  this.live.textContent = text;
};

Widget.prototype.fillTabs = function (active) {
  var self = this;
  var views = this.texts.views;
  if (this.tabs.children.length !== views.length || this.tabsLang !== this.lang) {
    this.tabs.textContent = "";
    views.forEach(function (v) {
      var tab = el("button", { type: "button", role: "tab", id: self.id + "-tab-" + v.key, "data-view": v.key, "aria-controls": self.id + "-panel" }, v.name);
      tab.addEventListener("click", function () { self.set({ view: v.key }); });
      self.tabs.appendChild(tab);
    });
    this.tabsLang = this.lang;
  }
  var key = views.some(function (v) { return v.key === active; }) ? active : active === "trend" ? "goal" : null;
  Array.prototype.forEach.call(this.tabs.children, function (tab) {
    var on = tab.getAttribute("data-view") === key;
    setAttr(tab, "aria-selected", String(on));
    var index = on || (!key && tab === self.tabs.firstChild) ? 0 : -1;
    if (tab.tabIndex !== index) tab.tabIndex = index;
    if (on) setAttr(self.panel, "aria-labelledby", tab.id);
  });
};

Widget.prototype.fillCohorts = function (page) {
  this.cohortField.hidden = !page.cohort;
  if (!page.cohort) return;
  var select = this.cohortSelect;
  if (this.cohortsShown !== page.cohorts.join()) {
    this.cohortsShown = page.cohorts.join();
    select.textContent = "";
    page.cohorts.forEach(function (c) { select.appendChild(el("option", { value: String(c) }, String(c))); });
  }
  select.value = String(page.cohort);
};

// Lower case without diacritics, so "porsangu" finds Porsáŋgu and "tråante" Tråante.
function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/ŋ/g, "n").replace(/đ/g, "d").replace(/ŧ/g, "t").replace(/[-–]/g, " ");
}

// What the kommune list says for a kommune and for a bydel, in the short list as in the whole.
function kommuneLabel(k) {
  return k.name + " (" + k.code + ")";
}
function bydelLabel(kommuneName, b, t) {
  return "\u2003" + kommuneName + " – " + b.name + " (" + t.bydel + ")";
}

// The kommune list, grouped by today's fylke, filtered by the search field. Returns the options
// and how many kommuner match.
function kommuneOptions(c, t, query) {
  var matches = function (code, names) {
    if (!query) return true;
    if (code.indexOf(query) === 0) return true;
    for (var i = 0; i < names.length; i++) if (fold(names[i]).indexOf(query) !== -1) return true;
    return false;
  };
  var frag = document.createDocumentFragment();
  frag.appendChild(el("option", { value: "" }, t.choose_kommune + " …"));
  var shown = 0;
  c.fylker.forEach(function (f) {
    var group = el("optgroup", { label: f.name });
    c.kommuner.forEach(function (k) {
      if (k.fylke !== f.code) return;
      var kommuneMatches = matches(k.code, [k.name].concat(k.other_names));
      if (kommuneMatches) {
        group.appendChild(el("option", { value: k.code }, kommuneLabel(k)));
        shown++;
      }
      // Its bydeler after it: all where the kommune matches, else those that match themselves
      // (each then counted as a match).
      c.bydeler.forEach(function (b) {
        if (b.kommune !== k.code || !matches(b.code, [b.name, k.name])) return;
        group.appendChild(el("option", { value: b.code }, bydelLabel(k.name, b, t)));
        if (!kommuneMatches) shown++;
      });
    });
    if (group.children.length) frag.appendChild(group);
  });
  return { options: frag, shown: shown, matches: matches };
}

// The whole kommune list, the same for every widget on the page: asked for once, when a list is
// first used.
Widget.prototype.allChoices = function () {
  var got = this.call(function (c) {
    return shared.choices || (shared.choices = c.choices());
  });
  return got.value || null;
};

Widget.prototype.fillOptions = function () {
  var t = this.texts;
  if (!t) return;
  var query = fold(this.search.value.trim());
  var select = this.select;
  var code = this.code || "";
  // Until the list is first used (focus, pointer, search), a widget with a kommune chosen holds
  // only that option: ~380 options in each of many widgets on a page cost style work before
  // the first chart, and the list itself ~15 ms to make. Nothing is lost to the eye or to
  // assistive technology: a closed list shows only its value, and the full list is there
  // before it opens.
  var short = !query && code && !this.wantFullList;
  // ... or until the browser has a quiet moment, whichever comes first.
  if (short && !this.fullListSoon) {
    this.fullListSoon = true;
    if (window.requestIdleCallback) requestIdleCallback(this.fullList, { timeout: 1000 });
    else setTimeout(this.fullList, 200);
  }
  var c = short ? null : this.allChoices();
  if (!short && !c) return;
  var key = (short ? "short:" + code : query) + "|" + this.lang;
  // Choosing another kommune only moves the selection; the list is rebuilt when the search or
  // the language changes (357 options, or the kommune chosen is not among those shown).
  if (key === this.optionsKey && (!code || select.querySelector('option[value="' + code.replace(/[^0-9]/g, "") + '"]'))) {
    select.value = code;
    return;
  }
  this.optionsKey = key;
  var list;
  if (short) {
    list = { options: document.createDocumentFragment(), shown: 0, matches: function () { return true; } };
    list.options.appendChild(el("option", { value: "" }, t.choose_kommune + " …"));
    var one = this.call(function (core) { return core.choice(code); }).value;
    if (one) {
      list.options.appendChild(el("option", { value: one.code }, one.kommune ? bydelLabel(one.kommune, one, t) : kommuneLabel(one)));
    }
  } else if (query) {
    list = kommuneOptions(c, t, query);
  } else {
    // The full list is the same in every widget on the page: built once per language, then
    // copied (cloning ~380 options is much cheaper than creating them).
    var full = shared.options[this.lang] || (shared.options[this.lang] = kommuneOptions(c, t, ""));
    list = { options: full.options.cloneNode(true), shown: full.shown, matches: full.matches };
  }
  // Keep the current kommune choosable even when the filter hides it.
  var current = null;
  if (c) c.kommuner.forEach(function (k) { if (k.code === code) current = k; });
  if (current && !list.matches(current.code, [current.name].concat(current.other_names))) {
    list.options.appendChild(el("option", { value: current.code }, kommuneLabel(current)));
  }
  select.textContent = "";
  select.appendChild(list.options);
  select.value = code;
  var shown = list.shown;
  this.count.textContent = !query ? "" : shown === 1 ? t.search_count_one : t.search_count.replace("{n}", String(shown));
};

Widget.prototype.renderTable = function (table) {
  var t = el("table");
  t.appendChild(el("caption", null, table.caption));
  var head = el("thead");
  var tr = el("tr");
  table.headers.forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
  head.appendChild(tr);
  t.appendChild(head);
  var body = el("tbody");
  table.rows.forEach(function (row) {
    var r = el("tr");
    row.forEach(function (cell, i) { r.appendChild(i === 0 ? el("th", { scope: "row" }, cell) : el("td", null, cell)); });
    body.appendChild(r);
  });
  t.appendChild(body);
  this.tableWrap.textContent = "";
  this.tableWrap.appendChild(t);
  var notes = el("ul", { class: "is-footnotes" });
  table.footnotes.forEach(function (n) { notes.appendChild(el("li", null, n)); });
  this.tableWrap.appendChild(notes);
};

Widget.prototype.chartTheme = function () {
  return isDark(getComputedStyle(this.wrap).backgroundColor);
};

// Whether the widget is on the screen or within half a screen of it.
Widget.prototype.isNear = function () {
  var r = this.host.getBoundingClientRect();
  var h = window.innerHeight || document.documentElement.clientHeight;
  return r.bottom >= -h / 2 && r.top <= h * 1.5;
};

// What drawing needs from the layout: only reads, so that many widgets are measured with one
// layout between them.
Widget.prototype.measure = function () {
  return { width: this.figure.clientWidth, near: !nearby || this.isNear() };
};

// Sizes the canvas to its box at the device's pixel ratio and lets the core draw; a chart far
// from the screen waits until it comes near (unless `now`: printing, saving as PNG). `box` is
// what `measure` read, if the caller measured already.
Widget.prototype.drawChart = function (now, box) {
  if (!this.core || !this.page || this.figure.hidden) return this.readyNow();
  var m = box || this.measure();
  this.width = m.width;
  var cssWidth = Math.min(m.width || 720, 720);
  var cssHeight = Math.round(Math.max(300, Math.min(420, cssWidth * 0.62)));
  var dpr = window.devicePixelRatio || 1;
  // Only what changed: setting a canvas's size, even to the same, clears and reallocates it.
  var w = Math.round(cssWidth * dpr);
  var h = Math.round(cssHeight * dpr);
  if (this.canvas.width !== w) this.canvas.width = w;
  if (this.canvas.height !== h) this.canvas.height = h;
  if (this.cssSize !== cssWidth + "x" + cssHeight) {
    this.cssSize = cssWidth + "x" + cssHeight;
    this.canvas.style.width = cssWidth + "px";
    this.canvas.style.height = cssHeight + "px";
  }
  if (!now && !m.near) {
    this.chartWaiting = true;
    nearby.observe(this.host);
    return this.readyNow();
  }
  this.chartWaiting = false;
  // The chart's text shrinks with its width, but on a phone (360 px) no further than to 0.7 of its
  // size: 9 px, not 7. From 515 px down it keeps 515 px's proportions, as the chart tests check
  // (tests/all_views.rs, LAYOUTS), and never below 0.55.
  var shrink = Math.max(0.55, Math.min(1, Math.max(cssWidth / 720, Math.min(0.7, cssWidth / 515))));
  var page = this.page;
  var canvas = this.canvas;
  var lang = this.lang;
  var dark = this.chartTheme();
  var res = this.call(function (c) { c.draw_view(canvas, page.code, page.view, page.cohort, lang, dpr * shrink, dark); });
  if (res.error) {
    // Whatever stopped the chart (a browser that gives no 2D canvas, say), the table has every
    // figure: it takes the chart's place, under a message that says why.
    this.showMessage(bootTexts(lang).failed + res.error);
    this.showTable(true);
    // A PNG would be blank; the SVG and the CSV are made without the canvas.
    this.pngButton.hidden = true;
    return this.readyNow(true);
  }
  if (res.crashed) return;
  this.pngButton.hidden = false;
  // For pages (and the benchmark) that want to know when a chart is on the canvas.
  this.host.dispatchEvent(new CustomEvent("intro-status:rendered", { bubbles: true, composed: true, detail: { kommune: page.code, view: page.view } }));
  this.readyNow();
};

// Saves the chart (PNG at device resolution, or SVG drawn by the same code) or the table's
// figures (CSV), made here in the page: nothing is fetched or sent.
Widget.prototype.download = function (kind) {
  if (!this.page) return;
  var page = this.page;
  var name = "intro-status-" + page.code + "-" + page.view + (page.cohort ? "-" + page.cohort : "");
  var save = function (blob, ext) {
    var a = el("a", { href: URL.createObjectURL(blob), download: name + "." + ext });
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  };
  if (kind === "png") {
    if (this.figure.hidden) this.figure.hidden = false, this.drawChart(true), this.figure.hidden = true;
    else if (this.chartWaiting) this.drawChart(true);
    this.canvas.toBlob(function (blob) { save(blob, "png"); }, "image/png");
    return;
  }
  var lang = this.lang;
  var dark = this.chartTheme();
  var res = this.call(function (c) {
    return kind === "svg" ? c.view_svg(page.code, page.view, page.cohort, lang, dark) : c.view_csv(page.code, page.view, page.cohort, lang);
  });
  if (res.value == null) return;
  save(new Blob([res.value], { type: kind === "svg" ? "image/svg+xml" : "text/csv;charset=utf-8" }), kind);
};

// The standalone page keeps kommune, view, cohort and language in the URL hash, so a link
// reproduces the view and back/forward work. Only with the `sync-hash` attribute: a widget on
// someone else's page leaves their URL alone.
function readHash() {
  var out = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
    var kv = pair.split("=");
    if (!kv[0] || !/^(kommune|view|cohort|lang)$/.test(kv[0])) return;
    try {
      out[kv[0]] = decodeURIComponent(kv[1] || "");
    } catch (e) {
      // A malformed pair is skipped: the rest of the link still counts.
    }
  });
  return out;
}

function writeHash(host) {
  var parts = [];
  ["kommune", "view", "cohort", "lang"].forEach(function (k) {
    var v = host.getAttribute(k);
    if (v) parts.push(k + "=" + encodeURIComponent(v));
  });
  var hash = "#" + parts.join("&");
  if (hash !== location.hash && !(hash === "#" && !location.hash)) history.pushState(null, "", hash);
}

function defineElement() {
  if (!window.customElements || customElements.get("intro-status")) return;
  class IntroStatusElement extends HTMLElement {
    static get observedAttributes() {
      return ["kommune", "view", "cohort", "lang"];
    }
    connectedCallback() {
      if (!this._widget) {
        this._widget = new Widget(this);
        if (this.hasAttribute("sync-hash")) {
          var self = this;
          // What the page itself set: back to a link without a hash shows that again.
          var initial = {};
          ["kommune", "view", "cohort", "lang"].forEach(function (k) { initial[k] = self.getAttribute(k); });
          var apply = function () {
            var h = readHash();
            self._syncing = true;
            ["kommune", "view", "cohort", "lang"].forEach(function (k) {
              var v = h[k] || initial[k];
              if (v) self.setAttribute(k, v);
              else self.removeAttribute(k);
            });
            self._syncing = false;
            self._widget.update();
          };
          window.addEventListener("popstate", apply);
          if (location.hash) return apply();
        }
      }
      this._widget.update();
    }
    attributeChangedCallback(name, oldValue, newValue) {
      if (!this._widget || oldValue === newValue || this._syncing) return;
      if (this.hasAttribute("sync-hash")) writeHash(this);
      this._widget.update();
    }
  }
  customElements.define("intro-status", IntroStatusElement);
}

defineElement();

// `<script src="intro-status.js" data-kommune="4601">` renders a widget where the tag stands.
if (CURRENT_SCRIPT && CURRENT_SCRIPT.hasAttribute("data-kommune") && CURRENT_SCRIPT.parentNode) {
  var placed = document.createElement("intro-status");
  ["kommune", "view", "cohort", "lang"].forEach(function (k) {
    if (CURRENT_SCRIPT.hasAttribute("data-" + k)) placed.setAttribute(k, CURRENT_SCRIPT.getAttribute("data-" + k));
  });
  CURRENT_SCRIPT.parentNode.insertBefore(placed, CURRENT_SCRIPT.nextSibling);
}
