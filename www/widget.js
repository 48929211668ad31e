// intro-status: the page shell around the Rust/wasm core (docs/ARCHITECTURE.md, "The browser").
// `cargo xtask build` wraps it in one function scope with `makeGlue`, `WASM_BASE64` (gzipped),
// `BOOT`, `STYLE` and `TEST_HOOKS` (false in dist/). A host page may have added properties to
// Object.prototype (`onclick`, `hidden`, `kommune`, …): this file reads only own properties.

const CURRENT_SCRIPT = document.currentScript;
const ATTRS = ["kommune", "view", "cohort", "lang"];
// A map, or options for the browser (listener, Response, Blob, observer, event): no prototype.
const dict = (pairs) => Object.assign(Object.create(null), pairs);
const messageOf = (err) => String((err && err.message) || err);

// The language asked for: the element's own `lang`, the nearest ancestor's, or the page's.
function langTag(node) {
  const owner = node.closest("[lang]");
  return node.getAttribute("lang") || (owner && owner.getAttribute("lang")) || document.documentElement.getAttribute("lang") || "";
}

// What a widget says before (or instead of) the core, for a tag's primary subtag; bokmål else.
function bootTexts(tag) {
  const primary = String(tag).trim().toLowerCase().split(/[-_]/)[0];
  return Object.prototype.hasOwnProperty.call(BOOT, primary) ? BOOT[primary] : BOOT.nb;
}

// Shared by the page's widgets: the wasm instance (its glue's promise, replaced after a crash, when
// `generation` counts up), the compiled module, the sheet, `ui` texts per tag, full kommune lists.
let core = null;
let compiled = null;
let generation = 0;
let sheet;
const uiCache = dict();
const fullLists = dict();
// The last Rust panic's message, sent by the core's panic hook just before the instance traps.
let lastPanic = "";
window.addEventListener("intro-status:panic", (e) => { lastPanic = String(e.detail || ""); });

// After a crash, a fresh instance from the compiled module.
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
  }).then((module) => {
    const glue = makeGlue();
    return glue({ module_or_path: module }).then(() => glue);
  });
  core.catch(() => { core = compiled = null; });
  return core;
}

// One constructed sheet for every widget (it works under a CSP without 'unsafe-inline' too).
function styleSheet() {
  if (sheet === undefined) try { (sheet = new CSSStyleSheet()).replaceSync(STYLE); } catch (e) { sheet = null; }
  return sheet;
}

const isCspError = (err) => /Content.Security.Policy|wasm-unsafe-eval|unsafe-eval|disallowed|violates/i.test(messageOf(err));

function el(tag, attrs, content) {
  const node = document.createElement(tag);
  if (attrs) Object.keys(attrs).forEach((k) => node.setAttribute(k, attrs[k]));
  if (Array.isArray(content)) node.append(...content);
  else if (content != null) node.textContent = content;
  return node;
}

// Text and attributes are only written when they change: rewriting the same text still marks it
// for layout, and a kommune switch would lay out the whole widget for nothing.
const setProp = (obj, key, value) => { if (obj[key] !== value) obj[key] = value; };
const setText = (node, text) => setProp(node, "textContent", text);
const setAttr = (node, name, value) => { if (node.getAttribute(name) !== value) node.setAttribute(name, value); };

// Relative luminance of `node`'s background, to pick the chart's light or dark theme from the
// actual one, whether it comes from the system, the host's tokens or Designsystemet.
function isDark(node) {
  const color = getComputedStyle(node).backgroundColor;
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(color || "");
  if (!m || (m[4] !== undefined && +m[4] === 0)) return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches;
  const lin = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  return 0.2126 * lin(+m[1]) + 0.7152 * lin(+m[2]) + 0.0722 * lin(+m[3]) < 0.2;
}

// Every widget in the page, for printing; `detach` takes a removed one out of it and the draw queue.
let uid = 0;
const widgets = [];
const drop = (list, item) => list.includes(item) && list.splice(list.indexOf(item), 1);

// Charts to draw once the widgets rendered in this turn are all built: their sizes are read
// first, all together (one layout for the lot, none forced per widget), then they are drawn.
let drawQueue = [];
function queueDraw(widget) {
  if (drawQueue.indexOf(widget) < 0 && drawQueue.push(widget) === 1) Promise.resolve().then(flushDraws);
}
function flushDraws() {
  const list = drawQueue;
  drawQueue = [];
  const boxes = list.map((w) => (w.figure.hidden ? null : w.measure()));
  list.forEach((w, i) => w.drawChart(false, boxes[i]));
}
// Charts far from the screen are drawn when they come within half a screen of it.
const nearby = typeof IntersectionObserver === "function" ? new IntersectionObserver((entries) => entries.forEach((entry) => {
  const w = entry.target._widget;
  if (!entry.isIntersecting || !w || !w.attached) return;
  nearby.unobserve(entry.target);
  if (w.chartWaiting) w.drawChart();
}), dict({ rootMargin: "50% 0px" })) : null;
// A printout shows every chart, drawn or not yet.
window.addEventListener("beforeprint", () => widgets.forEach((w) => w.chartWaiting && w.drawChart(true)));

const NOTHING = { value: null, error: null, crashed: false };
const CRASHED = { value: null, error: null, crashed: true };

class Widget {
  constructor(host) {
    this.host = host;
    // All the widget's state, own properties from the start: none is found on Object.prototype.
    this.core = this.view = this.ui = this.page = this.lang = this.crashNote = this.width = null;
    this.optionsKey = this.lastAnnounced = null;
    this.resize = this.pixelQuery = this.onPixelRatio = this.onHash = this.fullListTimer = null;
    this.attached = this.queued = this.hashChanged = this.syncing = this.waitingForCore = false;
    this.readyPending = this.chartWaiting = this.wantFullList = this.fullListSoon = false;
    this.generation = -1;
    this.code = "";
    // What the tabs, cohorts and notes were last built from (`refill`).
    this.shown = new Map();
    const id = (this.id = "is" + ++uid);
    this.root = host.attachShadow(dict({ mode: "open" }));
    if (styleSheet()) this.root.adoptedStyleSheets = [sheet];
    else this.root.append(el("style", null, STYLE));
    const field = (...children) => el("div", { class: "is-field" }, children);
    const button = () => el("button", { type: "button" });

    this.searchLabel = el("label", { for: id + "-search" });
    this.search = el("input", { id: id + "-search", type: "search", autocomplete: "off", spellcheck: "false", "aria-controls": id + "-kommune", "aria-describedby": id + "-count" });
    this.count = el("span", { id: id + "-count", class: "is-count", "aria-live": "polite" });
    this.label = el("label", { for: id + "-kommune" });
    this.select = el("select", { id: id + "-kommune", class: "is-kommune" });
    this.cohortLabel = el("label", { for: id + "-cohort" });
    this.cohortSelect = el("select", { id: id + "-cohort" });
    this.cohortField = el("div", { class: "is-field", hidden: "" }, [this.cohortLabel, this.cohortSelect]);
    this.controls = el("div", { class: "is-controls" }, [field(this.searchLabel, this.search, this.count), field(this.label, this.select), this.cohortField]);
    this.tabs = el("div", { class: "is-tabs", role: "tablist" });
    this.message = el("p", { class: "is-message", role: "alert" });
    // Not an alert: a page of widgets loading would interrupt a screen reader once per widget.
    this.loading = el("p", { class: "is-loading" });
    this.title = el("p", { class: "is-title", id: id + "-title" });
    this.summary = el("p", { class: "is-summary", id: id + "-summary" });
    this.canvas = el("canvas", { role: "img", "aria-describedby": id + "-summary" });
    this.notes = el("ul", { class: "is-notes" });
    this.figure = el("figure", null, [this.canvas, this.notes]);
    this.tableWrap = el("div", { class: "is-table-wrap", id: id + "-table", hidden: "" });
    this.toggle = el("button", { type: "button", "aria-controls": id + "-table", "aria-expanded": "false" });
    [this.pngButton, this.svgButton, this.csvButton] = [button(), button(), button()];
    this.actions = el("div", { class: "is-actions" }, [this.toggle, this.pngButton, this.svgButton, this.csvButton]);
    this.panel = el("div", { role: "tabpanel", id: id + "-panel" }, [this.title, this.summary, this.figure, this.tableWrap, this.actions]);
    this.source = el("p", { class: "is-source" });
    this.fallback = el("div", { class: "is-fallback" }, [el("slot")]);
    this.live = el("div", { class: "is-sr", "aria-live": "polite" });
    this.wrap = el("div", { class: "is-root" }, [this.controls, this.tabs, this.message, this.loading, this.panel, this.source, this.fallback, this.live]);
    this.root.append(this.wrap);
    this.bind();
  }

  bind() {
    this.select.addEventListener("change", () => this.select.value && this.set("kommune", this.select.value));
    this.cohortSelect.addEventListener("change", () => this.set("cohort", this.cohortSelect.value));
    // The whole kommune list, once the list is used (see `fillOptions`).
    this.fullList = () => {
      this.wantFullList = true;
      this.fillOptions();
    };
    this.search.addEventListener("input", this.fullList);
    for (const type of ["focus", "mousedown", "touchstart"]) this.select.addEventListener(type, this.fullList, dict({ passive: true }));
    // Enter in the search field chooses the first match.
    this.search.addEventListener("keydown", (e) => {
      const first = e.key === "Enter" && this.select.querySelector("option[value]:not([value=''])");
      if (!first) return;
      e.preventDefault();
      this.set("kommune", first.value);
    });
    // Tabs: arrow keys, Home and End move between views (WAI-ARIA tabs, automatic activation).
    this.tabs.addEventListener("keydown", (e) => {
      const tabs = Array.from(this.tabs.querySelectorAll("[role=tab]"));
      const i = tabs.indexOf(this.root.activeElement);
      const moves = dict({ ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1 });
      if (i < 0 || !(e.key in moves)) return;
      e.preventDefault();
      const tab = tabs[(moves[e.key] + tabs.length) % tabs.length];
      tab.focus();
      this.set("view", tab.getAttribute("data-view"));
    });
    this.toggle.addEventListener("click", () => {
      const show = this.tableWrap.hidden;
      this.showTable(show);
      if (!show) this.drawChart();
    });
    for (const kind of ["png", "svg", "csv"]) this[kind + "Button"].addEventListener("click", () => this.download(kind));
    // A new width (the page's layout, a phone turned, shown after starting hidden): draw again.
    if (typeof ResizeObserver === "function") {
      this.resize = new ResizeObserver((entries) => {
        const w = Math.round(entries[0].contentRect.width);
        if (w && w !== this.width) this.drawChart();
      });
    }
    // The browser tests' build only: make the core panic, to see this widget report it.
    if (TEST_HOOKS) this.host.addEventListener("intro-status:test-panic", () => this.core && this.call(TEST_HOOKS.panic));
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
    this.attached = false;
    this.release();
    drop(widgets, this);
    drop(drawQueue, this);
    if (nearby) nearby.unobserve(this.host);
    if (this.resize) this.resize.disconnect();
    if (this.pixelQuery) this.pixelQuery.removeEventListener("change", this.onPixelRatio);
    this.pixelQuery = this.onPixelRatio = null;
    if (this.onHash) window.removeEventListener("popstate", this.onHash);
    if (this.fullListTimer !== null) (window.cancelIdleCallback || clearTimeout)(this.fullListTimer);
    this.fullListTimer = null;
    this.fullListSoon = false;
  }

  // Frees the widget's View; one of a crashed instance is only dropped, never freed into the fresh one.
  release() {
    if (this.view && this.generation === generation) this.view.free();
    this.view = null;
  }

  // Zoom and moving between screens change the pixel ratio: redraw crisply.
  watchPixelRatio() {
    if (!window.matchMedia || this.pixelQuery) return;
    const query = (this.pixelQuery = matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)"));
    this.onPixelRatio = () => {
      query.removeEventListener("change", this.onPixelRatio);
      this.pixelQuery = null;
      this.drawChart();
      this.watchPixelRatio();
    };
    query.addEventListener("change", this.onPixelRatio);
  }

  // Changes state through the element's attributes, so the page (and the URL hash) can follow.
  set(name, value) { this.host.setAttribute(name, value); }

  showMessage(text) { setText(this.message, text || ""); }

  // Where the core cannot run: the page's own fallback content, and no dead controls.
  showFallback(show) {
    this.fallback.classList.toggle("is-show", show);
    this.showControls(!show);
  }

  showControls(show) { this.controls.hidden = this.tabs.hidden = this.panel.hidden = !show; }

  // While the core loads, only a note: empty controls would be no use, and laid out twice.
  showLoading(text) {
    setText(this.loading, text || "");
    this.showControls(!text);
  }

  // Changes made in one task (attributes set by the page, the URL hash applied) are rendered once,
  // in a microtask, and make one history entry of a `sync-hash` widget (`changed`: attributes).
  update(changed) {
    if (changed) this.hashChanged = true;
    if (this.queued) return;
    this.queued = true;
    Promise.resolve().then(() => {
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
    if (!this.core && !this.crashNote) this.showLoading(boot.loading);
    const gen = generation;
    loadCore().then((glue) => {
      this.waitingForCore = false;
      if (!this.attached) return;
      this.showLoading(null);
      this.core = glue;
      this.generation = gen;
      this.render();
    }, (err) => {
      this.waitingForCore = false;
      this.core = null;
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
        core = null;
        generation++;
        this.crashNote = bootTexts(this.lang).crashed + (lastPanic.split("\n").slice(0, 2).join(" ") || messageOf(err));
        lastPanic = "";
        this.showMessage(this.crashNote);
      }
    }
    this.core = this.view = null;
    this.update();
    return CRASHED;
  }

  render() {
    const host = this.host;
    const tag = langTag(host);
    const got = this.call((c) => uiCache[tag] || (uiCache[tag] = c.ui(tag)));
    if (got.crashed) return;
    const ui = (this.ui = got.value);
    const t = ui.texts;
    // Only when it changes: a new lang restyles every element inside, the ~380 options too.
    setAttr(this.wrap, "lang", (this.lang = ui.lang));
    setAttr(this.tabs, "aria-label", t.choose_view);
    [[this.label, t.choose_kommune], [this.searchLabel, t.search_label], [this.cohortLabel, t.choose_cohort], [this.source, ui.source_line],
      [this.toggle, this.tableWrap.hidden ? t.show_table : t.show_chart], [this.pngButton, t.download_png], [this.svgButton, t.download_svg],
      [this.csvButton, t.download_csv]].forEach(([node, text]) => setText(node, text));
    const problems = [this.crashNote, ui.notice].filter(Boolean);
    this.crashNote = null;

    // A new state: the last one's View goes, and the core opens one for the attributes as they
    // stand. Without a kommune attribute at all the widget just waits for a choice.
    this.release();
    const attr = (k) => host.getAttribute(k) || "";
    const opened = host.hasAttribute("kommune") ? this.call((c) => c.View.open(attr("kommune"), attr("view"), attr("cohort"), tag)) : NOTHING;
    if (opened.crashed) return;
    const view = (this.view = opened.value);
    const res = view ? this.call(() => view.page()) : NOTHING;
    if (res.crashed) return;
    const page = (this.page = res.value);
    this.showMessage(problems.concat(opened.error || res.error || []).join(" "));
    // The list shows the place opened (an old kommune number becomes today's), else the attribute.
    this.code = page ? page.code : attr("kommune");
    this.fillOptions();
    if (!page) {
      const key = this.call((c) => c.view_key(attr("view")));
      if (!key.crashed) this.fillTabs(key.value);
      this.panel.hidden = true;
      return;
    }
    this.showFallback(false);
    this.fillTabs(page.view);
    this.fillCohorts(page);
    setText(this.title, page.title);
    setText(this.summary, page.summary);
    setAttr(this.canvas, "aria-label", page.title);
    this.refill(this.notes, page.notes.join("\n"), () => page.notes.map((n) => el("li", null, n)));
    this.renderTable(page.table);
    // Changes of kommune or view are announced once, politely.
    if (this.lastAnnounced !== page.title) this.live.textContent = this.lastAnnounced = page.title;
    this.readyPending = true;
    queueDraw(this);
  }

  // The table in the chart's place, or the chart back.
  showTable(show) {
    this.tableWrap.hidden = !show;
    this.figure.hidden = show;
    this.toggle.setAttribute("aria-expanded", String(show));
    this.toggle.textContent = show ? this.ui.texts.show_chart : this.ui.texts.show_table;
  }

  // `intro-status:ready`, once per render, with how the chart stands.
  readyNow(failed) {
    if (!this.readyPending || !this.page) return;
    this.readyPending = false;
    this.emit("intro-status:ready", { chart: failed ? "error" : this.figure.hidden ? "table" : this.chartWaiting ? "waiting" : "drawn" });
  }

  emit(type, more) {
    const detail = Object.assign({ kommune: this.page.code, view: this.page.view }, more);
    this.host.dispatchEvent(new CustomEvent(type, dict({ bubbles: true, composed: true, detail })));
  }

  // The view switch, with `key`'s tab chosen (none: the first is the one Tab reaches).
  fillTabs(key) {
    this.refill(this.tabs, this.lang, () => this.ui.views.map((v) => {
      const tab = el("button", { type: "button", role: "tab", id: this.id + "-tab-" + v.key, "data-view": v.key, "aria-controls": this.id + "-panel" }, v.name);
      tab.addEventListener("click", () => this.set("view", v.key));
      return tab;
    }));
    for (const tab of this.tabs.children) {
      const on = tab.getAttribute("data-view") === key;
      setAttr(tab, "aria-selected", String(on));
      const index = on || (!key && tab === this.tabs.firstChild) ? 0 : -1;
      setProp(tab, "tabIndex", index);
      if (on) setAttr(this.panel, "aria-labelledby", tab.id);
    }
  }

  // `node`'s children made anew by `make`, only when `key` (what they are made from) changed.
  refill(node, key, make) {
    if (this.shown.get(node) === key) return;
    this.shown.set(node, key);
    node.replaceChildren(...make());
  }

  fillCohorts(page) {
    this.cohortField.hidden = !page.cohort;
    if (!page.cohort) return;
    this.refill(this.cohortSelect, page.cohorts.join(), () => page.cohorts.map((c) => el("option", { value: String(c) }, String(c))));
    this.cohortSelect.value = String(page.cohort);
  }

  fillOptions() {
    if (!this.ui) return;
    const query = this.search.value.trim();
    const code = this.code;
    // Until the list is first used (focus, pointer, search) or the browser has a quiet moment, a
    // widget with a kommune chosen holds only that option: ~380 options in each of many widgets
    // cost style work before the first chart. A closed list shows only its value anyway.
    const short = !query && this.page && !this.wantFullList;
    if (short && !this.fullListSoon) {
      this.fullListSoon = true;
      const idle = () => {
        this.fullListTimer = null;
        this.fullList();
      };
      this.fullListTimer = window.requestIdleCallback ? requestIdleCallback(idle, dict({ timeout: 1000 })) : setTimeout(idle, 200);
    }
    // Choosing another kommune only moves the selection; the list is rebuilt when the search or
    // the language changes, or the kommune chosen is not among those shown.
    const key = (short ? "short:" + code : query) + "|" + this.lang;
    if (key !== this.optionsKey || (code && !this.select.querySelector('option[value="' + code.replace(/[^0-9]/g, "") + '"]'))) {
      let list = short ? { placeholder: this.ui.placeholder, groups: [], current: this.page.choice, count: "" } : null;
      // The whole list is the same in every widget of a language: made once, then copied.
      let options = !short && !query && fullLists[this.lang] ? fullLists[this.lang].cloneNode(true) : null;
      if (!list && !options) {
        list = this.call((c) => c.kommune_list(query, this.lang, query ? code : "")).value;
        if (!list) return;
        if (!query) options = (fullLists[this.lang] = listOptions(list)).cloneNode(true);
      }
      this.optionsKey = key;
      this.select.replaceChildren(options || listOptions(list));
      setText(this.count, list ? list.count : "");
    }
    this.select.value = code;
  }

  renderTable(table) {
    const row = (cells, head) => el("tr", null, cells.map((c, i) => (head || i === 0 ? el("th", { scope: head ? "col" : "row" }, c) : el("td", null, c))));
    this.tableWrap.replaceChildren(
      el("table", null, [el("caption", null, table.caption), el("thead", null, [row(table.headers, true)]), el("tbody", null, table.rows.map((r) => row(r)))]),
      el("ul", { class: "is-footnotes" }, table.footnotes.map((n) => el("li", null, n))),
    );
  }

  // What drawing needs from the layout: only reads (the figure's width, and whether the widget is
  // within half a screen of view), so that many widgets are measured with one layout between them.
  measure() {
    const r = this.host.getBoundingClientRect();
    const h = window.innerHeight || document.documentElement.clientHeight;
    return { width: this.figure.clientWidth, near: !nearby || (r.bottom >= -h / 2 && r.top <= h * 1.5) };
  }

  // Sizes the canvas as the core lays the chart out, and has the core draw; a chart far from the
  // screen waits, unless `now` (print, PNG). `box`: what `measure` read, if the caller measured.
  drawChart(now, box) {
    const view = this.view;
    if (!view || !this.page || this.figure.hidden) return this.readyNow();
    const m = box || this.measure();
    this.width = m.width;
    const size = this.call((c) => c.layout(m.width, window.devicePixelRatio || 1)).value;
    if (!size) return;
    const canvas = this.canvas;
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
    this.chartWaiting = false;
    const res = this.call(() => view.draw(canvas, size.scale, isDark(this.wrap)));
    if (res.crashed) return;
    if (res.error) {
      // Whatever stopped the chart (a browser that gives no 2D canvas, say), the table has every
      // figure: it takes the chart's place, under a message that says why.
      this.showMessage(bootTexts(this.lang).failed + res.error);
      this.showTable(true);
    } else {
      this.emit("intro-status:rendered");
    }
    // A PNG of a chart not drawn would be blank; the SVG and the CSV are made without the canvas.
    this.pngButton.hidden = !!res.error;
    this.readyNow(!!res.error);
  }

  // Saves the chart (PNG at device resolution, or SVG drawn by the same code) or the table's CSV.
  download(kind) {
    const view = this.view;
    if (!view || !this.page) return;
    const name = this.page.file_name + "." + kind;
    const save = (blob) => {
      const a = el("a", { href: URL.createObjectURL(blob), download: name });
      a.style.display = "none";
      document.body.append(a);
      a.click();
      setTimeout(() => (URL.revokeObjectURL(a.href), a.remove()), 0);
    };
    if (kind === "png") {
      if (this.figure.hidden) this.figure.hidden = false, this.drawChart(true), this.figure.hidden = true;
      else if (this.chartWaiting) this.drawChart(true);
      return this.canvas.toBlob(save, "image/png");
    }
    const res = this.call(() => (kind === "svg" ? view.svg(isDark(this.wrap)) : view.csv()));
    if (res.value != null) save(new Blob([res.value], dict({ type: kind === "svg" ? "image/svg+xml" : "text/csv;charset=utf-8" })));
  }

  // Follows the URL hash on back and forward (`popstate`): the attributes become the hash's, or
  // what the page itself set where the hash has none (back to a link without a hash shows that).
  hashFollower() {
    const initial = dict(Object.fromEntries(ATTRS.map((k) => [k, this.host.getAttribute(k)])));
    return () => {
      const h = readHash();
      this.syncing = true;
      ATTRS.forEach((k) => (h[k] || initial[k] ? this.host.setAttribute(k, h[k] || initial[k]) : this.host.removeAttribute(k)));
      this.syncing = false;
      this.update();
    };
  }
}

// A kommune list's options: the prompt, the fylker's groups, and the one chosen if the search hides it.
function listOptions(list) {
  const frag = document.createDocumentFragment();
  const option = (o) => el("option", { value: o.value }, o.label);
  const groups = list.groups.map((g) => el("optgroup", { label: g.label }, g.options.map(option)));
  frag.append(option({ value: "", label: list.placeholder }), ...groups);
  if (list.current) frag.append(option(list.current));
  return frag;
}

// The URL hash of a `sync-hash` widget.
function readHash() {
  const out = dict();
  for (const pair of location.hash.replace(/^#/, "").split("&")) {
    const kv = pair.split("=");
    if (ATTRS.indexOf(kv[0]) < 0) continue;
    try {
      out[kv[0]] = decodeURIComponent(kv[1] || "");
    } catch (e) {
      // A malformed pair is skipped: the rest of the link still counts.
    }
  }
  return out;
}

function writeHash(host) {
  const hash = "#" + ATTRS.filter((k) => host.getAttribute(k)).map((k) => k + "=" + encodeURIComponent(host.getAttribute(k))).join("&");
  if (hash !== location.hash && !(hash === "#" && !location.hash)) history.pushState(null, "", hash);
}

if (window.customElements && !customElements.get("intro-status")) {
  customElements.define("intro-status", class extends HTMLElement {
    static observedAttributes = ATTRS;
    _widget = null;
    connectedCallback() { (this._widget ||= new Widget(this)).attach(); }
    disconnectedCallback() { if (this._widget) this._widget.detach(); }
    attributeChangedCallback(name, was, now) {
      if (this._widget && was !== now && !this._widget.syncing) this._widget.update(true);
    }
  });
}

// `<script src="intro-status.js" data-kommune="4601">` renders a widget where the tag stands.
if (CURRENT_SCRIPT && CURRENT_SCRIPT.hasAttribute("data-kommune") && CURRENT_SCRIPT.parentNode) {
  const placed = document.createElement("intro-status");
  ATTRS.forEach((k) => CURRENT_SCRIPT.hasAttribute("data-" + k) && placed.setAttribute(k, CURRENT_SCRIPT.getAttribute("data-" + k)));
  CURRENT_SCRIPT.after(placed);
}
