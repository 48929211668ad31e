// intro-status: the page shell around the Rust/wasm core (docs/ARCHITECTURE.md, "The browser").
// `cargo xtask build` wraps it in one function scope with `makeGlue`, `WASM_BASE64` (gzipped),
// `BOOT`, `STYLE` and `TEST_HOOKS` (false in dist/). A host page may have added properties to
// Object.prototype (`onclick`, `hidden`, `kommune`, …): this file reads only own properties.

const CURRENT_SCRIPT = document.currentScript;
// The attributes a `sync-hash` widget keeps in the URL, and those that only shape the widget.
const HASH_ATTRS = ["kommune", "view", "cohort", "lang", "compare"];
const ATTRS = HASH_ATTRS.concat(["theme", "controls", "views", "downloads", "heading-level"]);
// A map, or options for the browser (listener, Response, Blob, observer, event): no prototype.
const dict = (pairs) => Object.assign(Object.create(null), pairs);
const messageOf = (err) => String((err && err.message) || err);
const isCspError = (err) => /Content.Security.Policy|wasm-unsafe-eval|unsafe-eval|disallowed|violates/i.test(messageOf(err));

// The language asked for: the element's own `lang`, or the nearest ancestor's (the page's).
const langTag = (node) => (node.closest("[lang]") || document.documentElement).getAttribute("lang") || "";
// What a widget says before (or instead of) the core, for a tag's primary subtag; bokmål else.
const bootTexts = (tag, primary = String(tag).trim().toLowerCase().split(/[-_]/)[0]) => (Object.hasOwn(BOOT, primary) ? BOOT[primary] : BOOT.nb);

// Shared: the wasm instance (a promise, new after a crash, when `generation` counts up), the
// compiled module, the sheet, `ui` per tag, the last panic (from the core's hook, before it traps).
let [core, compiled, generation, sheet, lastPanic] = [null, null, 0, null, ""];
const uiCache = dict();
window.addEventListener("intro-status:panic", (e) => { lastPanic = String(e.detail || ""); });

function loadCore() {
  if (core) return core;
  core = Promise.resolve().then(() => {
    if (typeof WebAssembly !== "object") throw new Error("no WebAssembly");
    if (compiled) return compiled;
    const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(WASM_BASE64) : Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
    // The wasm travels gzipped; the browser inflates it, and where it can, compiles it meanwhile.
    if (typeof DecompressionStream !== "function") throw new Error("no DecompressionStream");
    const wasm = () => new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")), dict({ headers: [["content-type", "application/wasm"]] }));
    compiled = typeof WebAssembly.compileStreaming === "function" ? WebAssembly.compileStreaming(wasm()) : wasm().arrayBuffer().then((raw) => WebAssembly.compile(raw));
    return compiled;
  }).then((module) => ((glue) => glue({ module_or_path: module }).then(() => glue))(makeGlue()));
  core.catch(() => { core = compiled = null; });
  return core;
}

function el(tag, attrs, content) {
  const node = document.createElement(tag);
  if (attrs) Object.keys(attrs).forEach((k) => node.setAttribute(k, attrs[k]));
  Array.isArray(content) ? node.append(...content) : content != null && (node.textContent = content);
  return node;
}

// A table row: its first cell heads it.
const tableRow = (cells) => el("tr", null, cells.map((c, i) => el(i ? "td" : "th", i ? null : { scope: "row" }, c)));

// Written only when changed: the same text rewritten still costs a layout of the whole widget.
const setProp = (obj, key, value) => { if (obj[key] !== value) obj[key] = value; };
const setText = (node, text) => setProp(node, "textContent", text);
const setAttr = (node, name, value) => { if (node.getAttribute(name) !== value) node.setAttribute(name, value); };

// Whether the page behind `node` is dark: its first opaque background out through ancestors and
// shadow hosts, else the canvas, dark only where the page opts in. So a light page stays light.
function isDarkPage(node) {
  for (let n = node; n; n = n.parentElement || (n.getRootNode() && n.getRootNode().host)) {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(n).backgroundColor || "");
    if (!m || (m[4] !== undefined && +m[4] === 0)) continue;
    const lin = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    return 0.2126 * lin(+m[1]) + 0.7152 * lin(+m[2]) + 0.0722 * lin(+m[3]) < 0.2;
  }
  return /dark/.test(getComputedStyle(document.documentElement).colorScheme || "") && !!window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches;
}

// Every widget (for print, a new OS colour scheme), and the charts to draw once this turn's widgets
// are built: all sizes are read first (one layout for the lot), then all are drawn.
let uid = 0;
let drawQueue = [];
const widgets = [];
const drop = (list, item) => list.includes(item) && list.splice(list.indexOf(item), 1);
if (window.matchMedia) matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => widgets.forEach((w) => w.update()));
function queueDraw(widget) {
  if (drawQueue.indexOf(widget) < 0 && drawQueue.push(widget) === 1) Promise.resolve().then(() => {
    const list = drawQueue;
    const boxes = (drawQueue = []) && list.map((w) => (w.figure.hidden ? null : w.measure()));
    // Read in the same layout as the boxes; a scroll moves nothing else.
    list.forEach((w) => w.scrollTabs());
    list.forEach((w, i) => w.drawChart(false, boxes[i]));
  });
}
// Charts far from the screen are drawn when they come within half a screen of it.
const nearby = typeof IntersectionObserver === "function" ? new IntersectionObserver((entries) => entries.forEach((entry) => {
  const w = entry.target._widget;
  if (!entry.isIntersecting || !w || !w.attached) return;
  nearby.unobserve(entry.target);
  if (w.chartWaiting) w.drawChart();
}), dict({ rootMargin: "50% 0px" })) : null;
// A printout shows every chart, drawn or not yet.
window.addEventListener("beforeprint", () => widgets.forEach((w) => (w.fillRows(), w.chartWaiting && w.drawChart(true))));
const [NOTHING, CRASHED] = [{ value: null, error: null, crashed: false }, { value: null, error: null, crashed: true }];

// A WAI-ARIA combobox whose listbox holds the core's ranked matches (`search`): what is picked
// goes to `pick`; leaving the field shows `shown()` again.
class Combo {
  constructor(w, name, pick, shown) {
    const id = w.id + "-" + name;
    [this.w, this.id, this.pick, this.shown, this.active] = [w, id, pick, shown, -1];
    this.label = el("label", { for: id, id: id + "-label" });
    this.input = el("input", { id, type: "text", role: "combobox", autocomplete: "off", spellcheck: "false",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": id + "-list", "aria-describedby": id + "-count" });
    this.list = el("ul", { id: id + "-list", role: "listbox", class: "is-list", "aria-labelledby": id + "-label", hidden: "" });
    this.count = el("span", { id: id + "-count", class: "is-count", "aria-live": "polite" });
    this.field = el("div", { class: "is-field is-combo" }, [this.label, el("div", { class: "is-combo-box" }, [this.input, this.list]), this.count]);
    const on = (node, type, fn) => node.addEventListener(type, fn);
    on(this.input, "input", () => this.searchFor(this.input.value));
    on(this.input, "keydown", (e) => this.key(e));
    // Leaving the field closes the list; what was typed gives way to what is shown.
    on(this.input, "blur", () => this.close(true));
    // A press on an option must not blur the field first, or the list would close under it.
    on(this.list, "mousedown", (e) => e.preventDefault());
    on(this.list, "click", (e) => e.target.closest("[role=option]") && this.choose(e.target.closest("[role=option]")));
  }
  searchFor(query) {
    const res = this.w.call((c) => c.search(query, this.w.lang)).value;
    if (!res) return;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.list.replaceChildren(...res.options.map((o, i) => el("li", { role: "option", id: this.id + "-opt" + i, "data-value": o.value, "aria-selected": "false" },
      o.note ? [o.label, el("span", { class: "is-note" }, " – " + o.note)] : o.label)));
    setText(this.count, query.trim() ? res.count : "");
    this.open(res.options.length > 0);
  }
  open(open) { this.list.hidden = !open, setAttr(this.input, "aria-expanded", String(open)); }
  // Closes the list; `restore`: the field shows what is chosen again, not what was typed.
  close(restore) {
    this.open(false);
    setText(this.count, "");
    if (restore && this.w.page) this.input.value = this.shown();
  }
  // ArrowDown opens (all places if the field shows the choice) and moves; Enter picks; Escape closes.
  key(e) {
    const [options, open] = [this.list.children, !this.list.hidden];
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) this.searchFor(this.input.value === this.shown() ? "" : this.input.value);
      if (!options.length) return;
      if (options[this.active]) options[this.active].setAttribute("aria-selected", "false");
      const next = options[(this.active = Math.max(0, Math.min(options.length - 1, this.active + (e.key === "ArrowDown" ? 1 : -1))))];
      next.setAttribute("aria-selected", "true");
      this.input.setAttribute("aria-activedescendant", next.id);
      next.scrollIntoView(dict({ block: "nearest" }));
    } else if (e.key === "Enter" && open && options.length) {
      e.preventDefault();
      this.choose(options[Math.max(this.active, 0)]);
    } else if (e.key === "Escape") {
      if (open) e.preventDefault();
      this.close(!open);
    }
  }
  choose(option) {
    this.close(false);
    this.input.value = this.shown() && option.firstChild.textContent;
    this.pick(option.getAttribute("data-value"));
  }
}

class Widget {
  constructor(host) {
    // All the widget's state, own properties from the start: none is found on Object.prototype.
    this.host = host;
    this.core = this.view = this.ui = this.page = this.lang = this.crashNote = this.width = this.lastAnnounced = this.takeover = null;
    this.resize = this.pixelQuery = this.onPixelRatio = this.onHash = null;
    this.attached = this.queued = this.hashChanged = this.syncing = this.waitingForCore = this.readyPending = this.chartWaiting = false;
    this.generation = -1;
    this.shown = new Map(); // what the tabs, cohorts and notes were last built from (`refill`)
    const id = (this.id = "is" + ++uid);
    this.root = host.attachShadow(dict({ mode: "open" }));
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(STYLE); // allowed under any CSP
    this.root.adoptedStyleSheets = [sheet];
    const button = () => el("button", { type: "button" });
    // The kommune chooser; the places to compare with: chips, a picker made when first asked for, neighbours.
    this.kommune = new Combo(this, "kommune", (value) => this.set("kommune", value), () => this.chosenLabel());
    this.compare = null;
    this.chips = el("ul", { class: "is-chips" });
    [this.addButton, this.neighbours] = [button(), button()];
    this.addButton.setAttribute("aria-expanded", "false");
    this.compareBox = el("div", { class: "is-compare" }, [this.chips, this.addButton, this.neighbours]);
    this.cohortLabel = el("label", { for: id + "-cohort" });
    this.cohortSelect = el("select", { id: id + "-cohort" });
    this.cohortField = el("div", { class: "is-field", hidden: "" }, [this.cohortLabel, this.cohortSelect]);
    this.controls = el("div", { class: "is-controls" }, [this.kommune.field, this.cohortField]);
    this.tabs = el("div", { class: "is-tabs", role: "tablist" });
    this.message = el("p", { class: "is-message", role: "alert" });
    // Not an alert: a page of widgets loading would interrupt a screen reader once per widget.
    this.loading = el("p", { class: "is-loading" });
    this.title = el("div", { class: "is-title", role: "heading" });
    this.summary = el("p", { class: "is-summary" });
    // One tab stop; the arrow keys, a pointer or a touch explore its points (`explore`).
    this.canvas = el("canvas", { role: "img", tabindex: "0" });
    [this.tip, this.ring, this.points, this.point] = [el("div", { class: "is-tip", hidden: "" }), el("div", { class: "is-ring", hidden: "" }), [], -1];
    this.notes = el("ul", { class: "is-notes" });
    this.figure = el("figure", null, [this.canvas, this.ring, this.tip, this.notes]);
    this.tableWrap = el("div", { class: "is-table-wrap", id: id + "-table", role: "region", tabindex: "0", "aria-labelledby": id + "-caption", hidden: "" });
    this.toggle = el("button", { type: "button", "aria-controls": id + "-table", "aria-expanded": "false" });
    [this.pngButton, this.svgButton, this.csvButton] = [button(), button(), button()];
    this.downloads = el("span", { class: "is-downloads" }, [this.pngButton, this.svgButton, this.csvButton]);
    this.actions = el("div", { class: "is-actions" }, [this.toggle, this.downloads]);
    // Comparison under the chart: on a phone the chart stays near the top, right after a choice.
    this.panel = el("div", { role: "tabpanel", id: id + "-panel" }, [this.title, this.summary, this.figure, this.compareBox, this.actions, this.tableWrap]);
    this.source = el("p", { class: "is-source" });
    this.fallback = el("div", { class: "is-fallback" }, [el("slot")]);
    this.live = el("div", { class: "is-sr", "aria-live": "polite" });
    this.wrap = el("div", { class: "is-root", role: "region" }, [this.controls, this.tabs, this.message, this.loading, this.panel, this.source, this.fallback, this.live]);
    this.root.append(this.wrap);
    this.bind();
  }
  bind() {
    const on = (node, type, fn) => node.addEventListener(type, fn);
    on(this.cohortSelect, "change", () => this.set("cohort", this.cohortSelect.value));
    on(this.addButton, "click", () => this.openCompare());
    on(this.neighbours, "click", () => this.set("compare", this.page.neighbours));
    // A chip's button takes its place out; the focus goes to the picker, not the page's top.
    on(this.chips, "click", (e) => e.target.closest("button") && (this.set("compare", this.page.compare.map((c) => c.value).filter((v) => v !== e.target.closest("button").value).join(" ")), (this.compare ? this.compare.input : this.addButton).focus()));
    // Tabs: arrow keys, Home and End move between views (WAI-ARIA tabs, automatic activation).
    on(this.tabs, "keydown", (e) => {
      const tabs = Array.from(this.tabs.children);
      const i = tabs.indexOf(this.root.activeElement);
      const moves = dict({ ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1 });
      if (i < 0 || !(e.key in moves)) return;
      e.preventDefault();
      const tab = tabs[(moves[e.key] + tabs.length) % tabs.length];
      tab.focus();
      this.set("view", tab.getAttribute("data-view"));
    });
    on(this.canvas, "keydown", (e) => this.exploreKey(e));
    on(this.canvas, "focus", () => this.point < 0 && this.show(this.points.length - 1, true));
    on(this.canvas, "blur", () => this.show(-1));
    // A mouse shows the point under it; a touch, the point it lands near.
    for (const type of ["pointermove", "pointerdown"]) on(this.canvas, type, (e) => this.show(this.nearest(e.offsetX, e.offsetY), type === "pointerdown"));
    // On the map, a click or a tap on a kommune opens the view for it.
    on(this.canvas, "click", (e) => this.pick(this.points[this.nearest(e.offsetX, e.offsetY)]));
    on(this.canvas, "pointerleave", () => this.root.activeElement !== this.canvas && this.show(-1));
    on(this.toggle, "click", () => this.showTable(this.tableWrap.hidden));
    on(this.tableWrap, "click", (e) => e.target.closest(".is-sort") && this.sortBy(e.target.closest(".is-sort")));
    for (const kind of ["png", "svg", "csv"]) on(this[kind + "Button"], "click", () => this.download(kind));
    // A new width (the page's layout, a phone turned, shown after starting hidden): draw again.
    const resized = (entries) => Math.round(entries[0].contentRect.width) && Math.round(entries[0].contentRect.width) !== this.width && this.drawChart();
    if (typeof ResizeObserver === "function") this.resize = new ResizeObserver(resized);
    // The browser tests' build only: make the core panic, to see this widget report it.
    if (TEST_HOOKS) on(this.host, "intro-status:test-panic", () => this.core && this.call(TEST_HOOKS.panic));
  }
  // In the page (again, after a move): bind what `detach` let go of, and render.
  attach() {
    this.attached = true;
    if (widgets.indexOf(this) < 0) widgets.push(this);
    if (this.resize) this.resize.observe(this.figure);
    this.watchPixelRatio();
    if (this.host.hasAttribute("sync-hash")) {
      const first = !this.onHash;
      if (first) this.onHash = this.hashFollower();
      window.addEventListener("popstate", this.onHash);
      if (first && location.hash) return this.onHash();
    }
    this.update();
  }
  // Out of the page: let go of the View and of all outside the widget that holds it.
  detach() {
    this.attached = false; this.release();
    drop(widgets, this); drop(drawQueue, this);
    if (nearby) nearby.unobserve(this.host);
    if (this.resize) this.resize.disconnect();
    if (this.pixelQuery) this.pixelQuery.removeEventListener("change", this.onPixelRatio);
    this.pixelQuery = this.onPixelRatio = null;
    if (this.onHash) window.removeEventListener("popstate", this.onHash);
  }
  // Frees the View; one of a crashed instance is only dropped, never freed into the fresh one.
  release() { (this.view && this.generation === generation && this.view.free(), this.view = null); }
  // Zoom and moving between screens change the pixel ratio: redraw crisply.
  watchPixelRatio() {
    if (!window.matchMedia || this.pixelQuery) return;
    (this.pixelQuery = matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)")).addEventListener("change", (this.onPixelRatio = () => {
      this.pixelQuery.removeEventListener("change", this.onPixelRatio); this.pixelQuery = null;
      this.drawChart(); this.watchPixelRatio();
    }));
  }
  // Changes state through the element's attributes, so the page (and the URL hash) can follow.
  set(name, value) { this.host.setAttribute(name, value); }
  // A point that stands for a kommune (the map's): its view opened.
  pick(p) { return p && p.pick && (this.set("kommune", p.pick), true); }
  attr(name) { return this.host.getAttribute(name) || ""; }
  showMessage(text) { setText(this.message, text || ""); }
  showControls(show) { this.controls.hidden = this.tabs.hidden = this.panel.hidden = !show; }
  // Where the core cannot run: the page's own fallback content, and no dead controls.
  showFallback(show) { this.fallback.classList.toggle("is-show", show), this.showControls(!show); }
  // While the core loads, only a note: empty controls would be no use, and laid out twice.
  showLoading(text) { setText(this.loading, text || ""), this.showControls(!text && !this.fallback.classList.contains("is-show")); }
  // Changes in one task render once, in a microtask, as one history entry (`changed`: attributes).
  update(changed) {
    this.hashChanged ||= !!changed;
    if (!this.queued && (this.queued = true)) Promise.resolve().then(() => {
      this.queued = false;
      if (!this.attached) return;
      if (this.hashChanged && this.host.hasAttribute("sync-hash")) writeHash(this.host);
      this.hashChanged = false;
      this.load();
    });
  }
  load() {
    // A render already waits for the core: it reads the attributes when it runs.
    if (this.waitingForCore) return;
    this.waitingForCore = true;
    const boot = bootTexts(langTag(this.host));
    // A static rendering inside the element (`embed.html`) stands in while the core loads.
    if (!this.core && !this.crashNote) this.host.querySelector(":scope > .is-static") ? this.showFallback(true) : this.showLoading(boot.loading);
    const gen = generation;
    loadCore().then((glue) => {
      [this.waitingForCore, this.core, this.generation] = [false, glue, gen];
      if (this.attached) this.showLoading(null), this.render();
    }, (err) => {
      [this.waitingForCore, this.core] = [false, null];
      this.showLoading(null);
      this.showMessage(isCspError(err) ? boot.csp : boot.failed + messageOf(err));
      this.showFallback(true);
    });
  }
  // Calls `fn(core)`: an error comes back as its message; a crash is said, and the core restarted.
  call(fn) {
    // Otherwise another widget's call crashed the shared instance, and this widget's View with it.
    if (this.generation === generation) {
      try {
        return { value: fn(this.core), error: null, crashed: false };
      } catch (err) {
        // A trap (a Rust panic under panic=abort) leaves the instance unusable: start a new one.
        if (!(err instanceof WebAssembly.RuntimeError)) return { value: null, error: messageOf(err), crashed: false };
        core = null; generation++;
        this.crashNote = bootTexts(this.lang).crashed + (lastPanic.split("\n").slice(0, 2).join(" ") || messageOf(err));
        lastPanic = ""; this.showMessage(this.crashNote);
      }
    }
    this.core = this.view = null;
    this.update(); return CRASHED;
  }
  render() {
    const [tag, offer] = [langTag(this.host), this.attr("views")];
    const key = tag + "|" + offer, first = !uiCache[key];
    const got = this.call((c) => uiCache[key] || (uiCache[key] = c.ui(tag, offer)));
    if (got.crashed) return;
    const [ui, t, controls] = [(this.ui = got.value), got.value.texts, this.attr("controls")];
    if (first && ui.warning) console.warn("intro-status: " + ui.warning);
    // Only when it changes: a new lang restyles every element inside.
    setAttr(this.wrap, "lang", (this.lang = ui.lang));
    setAttr(this.tabs, "aria-label", t.choose_view);
    setAttr(this.canvas, "aria-label", t.chart_explore);
    setAttr(this.title, "aria-level", String(Math.min(6, Math.max(2, Math.round(+this.attr("heading-level")) || 2))));
    [[this.kommune.label, t.choose_kommune], [this.addButton, t.compare_add], [this.neighbours, t.compare_neighbours], [this.cohortLabel, t.choose_cohort], [this.source, ui.source_line], [this.pngButton, t.download_png],
      [this.svgButton, t.download_svg], [this.csvButton, t.download_csv], [this.toggle, this.tableWrap.hidden ? t.show_table : t.hide_table]]
      .forEach(([node, text]) => setText(node, text));
    this.kommune.field.hidden = controls === "views" || controls === "none";
    if (this.compare) setText(this.compare.label, t.compare_add);
    this.downloads.hidden = this.attr("downloads") === "no";
    const problems = [this.crashNote].filter(Boolean);
    this.crashNote = null;
    // A new state: the last View goes, and the core opens one for the attributes (none: wait).
    this.release();
    const offered = ui.views;
    const view = this.attr("view") || offered[0].key;
    const opened = this.host.hasAttribute("kommune") ? this.call((c) => c.View.open(this.attr("kommune"), view, this.attr("cohort"), this.attr("compare"), tag)) : NOTHING;
    if (opened.crashed) return;
    const res = opened.value ? this.call(() => (this.view = opened.value).page()) : NOTHING;
    if (res.crashed) return;
    const page = (this.page = res.value);
    this.showMessage(problems.concat(opened.error || res.error || [], (page && page.notice) || []).join(" "));
    if (this.root.activeElement !== this.kommune.input || this.kommune.list.hidden) this.kommune.input.value = this.chosenLabel();
    setAttr(this.wrap, "aria-label", page ? page.region : t.choose_kommune);
    this.tabs.classList.toggle("is-none", controls === "none" || offered.length < 2);
    if (!page) {
      this.wrap.classList.toggle("is-dark", this.measure().dark);
      const key = this.call((c) => c.view_key(view));
      if (!key.crashed) this.fillTabs(key.value, offered), this.scrollTabs();
      return void (this.panel.hidden = true);
    }
    // Taking over a static rendering: the chart drawn in its box, the widget no shorter, so nothing moves.
    const svg = this.fallback.classList.contains("is-show") && this.host.querySelector(":scope > .is-static svg");
    this.takeover = svg ? svg.getBoundingClientRect() : null;
    setProp(this.wrap.style, "minHeight", svg ? this.fallback.getBoundingClientRect().height + "px" : "");
    this.showFallback(false);
    this.fillTabs(page.view, offered);
    this.compareBox.hidden = !page.compares || controls === "views" || controls === "none";
    this.neighbours.hidden = !page.neighbours || page.neighbours === page.compare.map((c) => c.value).join(" ");
    this.refill(this.chips, this.lang + page.compare.map((c) => c.value).join(), () => page.compare.map((c) =>
      el("li", null, [c.label, el("button", { type: "button", value: c.value, "aria-label": t.compare_remove.replace("{name}", c.label) }, "×")])));
    this.cohortField.hidden = !page.cohort || controls === "none";
    if (page.cohort) {
      this.refill(this.cohortSelect, page.cohorts.join(), () => page.cohorts.map((c) => el("option", { value: String(c) }, String(c))));
      this.cohortSelect.value = String(page.cohort);
    }
    setText(this.title, page.title);
    setText(this.summary, page.summary);
    this.refill(this.notes, page.notes.join("\n"), () => page.notes.map((n) => el("li", null, n)));
    // Each column's header is a button that orders the rows by it (sortBy).
    const head = el("tr", null, page.table.headers.map((c, i) => el("th", { scope: "col" }, [el("button", { type: "button", class: "is-sort", "data-col": i }, c)])));
    this.tableWrap.replaceChildren(el("table", null, [el("caption", { id: this.id + "-caption" }, page.table.caption), el("thead", null, [head]),
      this.tableBody = el("tbody", null, page.table.rows.map(tableRow))]), el("ul", { class: "is-footnotes" }, page.table.footnotes.map((n) => el("li", null, n))));
    this.rowsLater = page.rows_later;
    if (!this.tableWrap.hidden) this.fillRows();
    // Changes of kommune or view are announced once, politely.
    if (this.lastAnnounced !== page.title) this.live.textContent = this.lastAnnounced = page.title;
    this.readyPending = true;
    queueDraw(this);
  }
  // A column's rows in the core's order (numbers as numbers): ascending, then descending.
  sortBy(button) {
    const th = button.parentNode, descending = th.getAttribute("aria-sort") === "ascending";
    const rows = this.call(() => this.view.rows(+button.getAttribute("data-col"), descending)).value;
    if (!rows) return;
    for (const h of th.parentNode.children) h === th ? h.setAttribute("aria-sort", descending ? "descending" : "ascending") : h.removeAttribute("aria-sort");
    this.tableBody.replaceChildren(...rows.map(tableRow));
  }
  // The table under the chart, or not; where the chart cannot be drawn, instead of it.
  // A long table's rows (`rows_later`), in the core's order, once it is to be seen.
  fillRows() {
    if (!this.rowsLater || !this.view) return;
    this.rowsLater = false;
    this.tableBody.replaceChildren(...(this.call(() => this.view.rows(0xffffffff, false)).value || []).map(tableRow));
  }
  showTable(show) {
    if (show) this.fillRows();
    [this.tableWrap.hidden, this.toggle.textContent] = [!show, show ? this.ui.texts.hide_table : this.ui.texts.show_table];
    this.toggle.setAttribute("aria-expanded", String(show));
  }
  chosenLabel() { return this.page && this.page.choice ? this.page.choice.label.trim() : ""; }
  // "Legg til sammenligning": the picker, made the first time, then focused; a choice adds a place.
  openCompare() {
    if (!this.compare) {
      this.compare = new Combo(this, "compare", (value) => this.set("compare", this.page.compare.map((c) => c.value).concat(value).join(" ")), () => "");
      setText(this.compare.label, this.ui.texts.compare_add);
      this.compareBox.append(this.compare.field);
    }
    this.addButton.setAttribute("aria-expanded", "true");
    this.addButton.hidden = true;
    this.compare.input.focus();
  }
  // `intro-status:ready`, once per render, with how the chart stands.
  readyNow(failed) {
    if (!this.readyPending || !this.page) return;
    this.readyPending = false;
    this.emit("intro-status:ready", { chart: failed ? "error" : this.figure.hidden ? "table" : this.chartWaiting ? "waiting" : "drawn" });
  }
  emit(type, more) { this.host.dispatchEvent(new CustomEvent(type, dict({ bubbles: true, composed: true, detail: Object.assign({ kommune: this.page.code, view: this.page.view }, more) }))); }
  // The view switch, with `key`'s tab chosen (none: the first is the one Tab reaches).
  fillTabs(key, offered) {
    this.refill(this.tabs, this.lang + offered.map((v) => v.key).join(), () => offered.map((v) => {
      const tab = el("button", { type: "button", role: "tab", id: this.id + "-tab-" + v.key, "data-view": v.key, "aria-controls": this.id + "-panel" }, v.name);
      tab.addEventListener("click", () => this.set("view", v.key));
      return tab;
    }));
    for (const tab of this.tabs.children) {
      const on = tab.getAttribute("data-view") === key;
      setAttr(tab, "aria-selected", String(on));
      setProp(tab, "tabIndex", on || (!key && tab === this.tabs.firstChild) ? 0 : -1);
      if (on) setAttr(this.panel, "aria-labelledby", tab.id);
      // A narrow widget's tabs scroll sideways: a view chosen elsewhere (the hash, an attribute) is
      // scrolled into sight, the tabs alone (never the page), once the layout is read anyway.
      if (on && this.tabKey !== key) this.tabToShow = tab;
    }
    this.tabKey = key;
  }
  scrollTabs() {
    const tab = this.tabToShow;
    this.tabToShow = null;
    if (tab && this.tabs.scrollWidth > this.tabs.clientWidth) this.tabs.scrollLeft = tab.offsetLeft - this.tabs.offsetLeft - 8;
  }
  // `node`'s children made anew by `make`, only when `key` (what they are made from) changed.
  refill(node, key, make) {
    if (this.shown.get(node) !== key) this.shown.set(node, key), node.replaceChildren(...make());
  }
  // Only reads (width, near the screen?, the page behind dark?), so many widgets share one layout.
  measure() {
    const r = this.host.getBoundingClientRect();
    const h = window.innerHeight || document.documentElement.clientHeight;
    const dark = this.attr("theme") === "dark" || (this.attr("theme") !== "light" && isDarkPage(this.host));
    return { width: this.figure.clientWidth, near: !nearby || (r.bottom >= -h / 2 && r.top <= h * 1.5), dark };
  }
  // Sizes the canvas by the core's layout and draws; far from the screen it waits, unless `now`.
  drawChart(now, box) {
    const view = this.view;
    if (!view || !this.page || this.figure.hidden) return this.readyNow();
    const m = box || this.measure();
    this.wrap.classList.toggle("is-dark", m.dark);
    const [t, canvas, width] = [this.takeover, this.canvas, (this.width = m.width)];
    const size = this.call((c) => c.layout(t ? Math.min(t.width, width) : width, window.devicePixelRatio || 1, t ? t.height : 0)).value;
    if (!size) return;
    // Only what changed: setting a canvas's size, even to the same, clears and reallocates it.
    setProp(canvas, "width", size.width);
    setProp(canvas, "height", size.height);
    setProp(canvas.style, "width", size.css_width + "px");
    setProp(canvas.style, "height", size.css_height + "px");
    if (!now && !m.near) {
      this.chartWaiting = true;
      nearby.observe(this.host);
      return this.readyNow();
    }
    [this.chartWaiting, this.takeover] = [false, null];
    const res = this.call(() => view.draw(canvas, size.scale, this.wrap.classList.contains("is-dark")));
    if (res.crashed) return;
    const k = size.css_width / size.width;
    this.k = k;
    const [at, texts, picks] = res.value || [[], [], ""], pick = picks.split(" ");
    this.points = texts.map((text, i) => ({ x: at[3 * i] * k, y: at[3 * i + 1] * k, series: at[3 * i + 2], text, pick: pick[i] || null }));
    this.show(-1);
    if (res.error) {
      // No chart (say, no 2D canvas): the table, with every figure, takes its place, and says why.
      console.warn("intro-status: " + res.error);
      this.showMessage(this.ui.texts.no_chart);
      this.figure.hidden = true;
      this.showTable(true);
    } else {
      this.emit("intro-status:rendered");
    }
    // A PNG of a chart not drawn would be blank; the SVG and the CSV are made without the canvas.
    this.pngButton.hidden = this.toggle.hidden = !!res.error;
    this.readyNow(!!res.error);
  }
  // The point `i` (none: -1) shown: the ring on it, its tooltip; `say`: and announced.
  show(i, say) {
    const p = this.points[(this.point = i)];
    this.tip.hidden = this.ring.hidden = !p;
    if (!p) return;
    if (p.text == null) p.text = this.call(() => this.view.tip(i)).value || "";
    setText(this.tip, p.text);
    const [x, y, w] = [this.canvas.offsetLeft + p.x, this.canvas.offsetTop + p.y, this.tip.offsetWidth];
    this.tip.classList.toggle("is-below", y < this.tip.offsetHeight + 16);
    Object.assign(this.ring.style, dict({ left: x + "px", top: y + "px" }));
    Object.assign(this.tip.style, dict({ left: Math.max(0, Math.min(this.figure.clientWidth - w, x - w / 2)) + "px", top: y + "px" }));
    if (say) this.live.textContent = p.text;
  }
  // The point whose area (a kommune on the map) holds (x, y), else the nearest within 24 CSS pixels, or -1.
  nearest(x, y) {
    const inside = this.view ? this.call(() => this.view.at(x / this.k, y / this.k)).value : -1;
    if (inside >= 0) return inside;
    let [best, dist] = [-1, 24 * 24];
    this.points.forEach((p, i) => (p.x - x) ** 2 + (p.y - y) ** 2 < dist && ([best, dist] = [i, (p.x - x) ** 2 + (p.y - y) ** 2]));
    return best;
  }
  // The arrow keys, Home and End move as the core says (`step`); Escape closes.
  exploreKey(e) {
    if (e.key === "Escape") return this.show(-1);
    if (e.key === "Enter" && this.pick(this.points[this.point])) return;
    const next = this.view ? this.call(() => this.view.step(this.point, e.key)).value : -1;
    if (next >= 0) e.preventDefault(), this.show(next, true);
  }
  // PNG, SVG or CSV, through a link never in the page, so a host's router cannot catch its click.
  download(kind) {
    const view = this.view;
    if (!view || !this.page) return;
    const save = (blob) => {
      const a = el("a", { href: URL.createObjectURL(blob), download: this.page.file_name + "." + kind });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 0);
    };
    if (kind === "png") return (this.chartWaiting && this.drawChart(true), this.canvas.toBlob(save, "image/png"));
    const res = this.call(() => (kind === "svg" ? view.svg(this.wrap.classList.contains("is-dark")) : view.csv()));
    if (res.value != null) save(new Blob([res.value], dict({ type: kind === "svg" ? "image/svg+xml" : "text/csv;charset=utf-8" })));
  }
  // Back and forward: the attributes become the hash's, or the page's own where the hash has none.
  hashFollower() {
    const initial = dict(Object.fromEntries(HASH_ATTRS.map((k) => [k, this.host.getAttribute(k)])));
    return () => {
      const h = new URLSearchParams(location.hash.slice(1));
      this.syncing = true;
      // A value that did not decode (a malformed link) counts as none.
      const value = (k) => (/\uFFFD/.test(h.get(k) || "") ? "" : h.get(k)) || initial[k];
      HASH_ATTRS.forEach((k) => (value(k) ? this.host.setAttribute(k, value(k)) : this.host.removeAttribute(k)));
      this.syncing = false;
      this.update();
    };
  }
}

// The URL hash of a `sync-hash` widget: its attributes as `kommune=5001&view=status`.
function writeHash(host) {
  const hash = "#" + new URLSearchParams(HASH_ATTRS.filter((k) => host.getAttribute(k)).map((k) => [k, host.getAttribute(k)]));
  if (hash !== location.hash && !(hash === "#" && !location.hash)) history.pushState(null, "", hash);
}

if (window.customElements && !customElements.get("intro-status")) {
  customElements.define("intro-status", class extends HTMLElement {
    static observedAttributes = ATTRS;
    _widget = null;
    connectedCallback() { (this._widget ||= new Widget(this)).attach(); }
    disconnectedCallback() { if (this._widget) this._widget.detach(); }
    // The builder page's snippets for the view shown (`View.embed`), or null.
    embed(...args) { const w = this._widget; return w && w.view ? w.call(() => w.view.embed(...args)).value : null; }
    attributeChangedCallback(name, was, now) {
      if (this._widget && was !== now && !this._widget.syncing) this._widget.update(HASH_ATTRS.indexOf(name) >= 0);
    }
  });
}

// `<script … data-kommune="4601">` renders a widget where it stands; in `<head>` it says why not.
if (CURRENT_SCRIPT && CURRENT_SCRIPT.hasAttribute("data-kommune") && CURRENT_SCRIPT.closest("head")) {
  console.warn("intro-status: a <script data-kommune> in <head> has nowhere to show the widget. Put it in <body> where the chart should stand, or put <intro-status kommune=\"…\"></intro-status> there and load the script without data-kommune.");
} else if (CURRENT_SCRIPT && CURRENT_SCRIPT.hasAttribute("data-kommune") && CURRENT_SCRIPT.parentNode) {
  const placed = document.createElement("intro-status");
  ATTRS.forEach((k) => CURRENT_SCRIPT.hasAttribute("data-" + k) && placed.setAttribute(k, CURRENT_SCRIPT.getAttribute("data-" + k)));
  CURRENT_SCRIPT.after(placed);
}
