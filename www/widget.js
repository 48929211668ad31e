// intro-status: the page shell around the Rust/wasm core.
//
// `cargo xtask build` wraps this file, the wasm-bindgen glue (which defines `wasm_bindgen`) and
// the wasm itself as base64 (`WASM_BASE64`) in one function scope, so the one classic script
// `dist/intro-status.js` works from a web server and from file:// alike, and defines no globals
// except the `<intro-status>` element.
//
// Everything the widget computes or draws comes from the core; this file only builds the DOM,
// passes attributes in and shows what comes back.

var CURRENT_SCRIPT = document.currentScript;

// Shown when the core cannot start at all (no wasm, blocked by a Content-Security-Policy).
var BOOT_MESSAGES = {
  nb: {
    csp: "Figuren kan ikke vises: nettstedets sikkerhetsregler (Content-Security-Policy) stopper WebAssembly. Redaktøren må legge til 'wasm-unsafe-eval' i script-src.",
    failed: "Figuren kan ikke vises i denne nettleseren.",
    loading: "Laster statistikk …",
  },
  nn: {
    csp: "Figuren kan ikkje visast: sikkerheitsreglane til nettstaden (Content-Security-Policy) stoppar WebAssembly. Redaktøren må leggje til 'wasm-unsafe-eval' i script-src.",
    failed: "Figuren kan ikkje visast i denne nettlesaren.",
    loading: "Lastar statistikk …",
  },
  en: {
    csp: "The chart cannot be shown: this site's Content-Security-Policy blocks WebAssembly. The editor needs to add 'wasm-unsafe-eval' to script-src.",
    failed: "The chart cannot be shown in this browser.",
    loading: "Loading statistics …",
  },
};

var STYLE = [
  ":host{display:block;box-sizing:border-box;max-width:760px;margin:1rem 0;",
  "font-family:var(--intro-status-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);font-size:1rem;line-height:1.5;",
  "color:var(--intro-status-text,#1a1a1a);background:var(--intro-status-bg,#fff)}",
  ":host([hidden]){display:none}",
  "*,*::before,*::after{box-sizing:inherit}",
  ".is-root{padding:.5rem 0}",
  ".is-controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin-bottom:.5rem}",
  ".is-field{display:flex;flex-direction:column;gap:.125rem;min-width:0;max-width:100%}",
  ".is-count{font-size:.875rem;color:#4a4a4a;min-height:1.3em}",
  "input[type=search]{font:inherit;color:inherit;background:var(--intro-status-bg,#fff);min-height:44px;max-width:100%;",
  "padding:.25rem .5rem;border:1px solid #595959;border-radius:4px}",
  "label{font-weight:600}",
  "select{font:inherit;color:inherit;background:var(--intro-status-bg,#fff);min-height:44px;max-width:100%;",
  "padding:.25rem .5rem;border:1px solid #595959;border-radius:4px}",
  "select:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--intro-status-focus,#1d4f91);outline-offset:2px}",
  "figure{margin:0}",
  "canvas{display:block;width:100%;height:auto;max-width:100%}",
  ".is-notes{margin:.25rem 0 0;padding-left:1.25rem;color:#4a4a4a}",
  ".is-notes:empty{display:none}",
  ".is-table-wrap{overflow-x:auto;margin-top:.75rem}",
  "table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.9375rem}",
  "caption{text-align:left;font-weight:600;padding-bottom:.25rem}",
  "th,td{padding:.25rem .5rem;border-bottom:1px solid #c4c4c4;text-align:right;vertical-align:top}",
  "thead th{font-weight:600}",
  "th[scope=row],thead th:first-child{text-align:left}",
  ".is-footnotes{list-style:none;padding:0;margin:.25rem 0 0;font-size:.875rem;color:#4a4a4a}",
  ".is-source{font-size:.875rem;color:#4a4a4a;margin:.5rem 0 0}",
  ".is-message{border-left:4px solid #b00020;padding:.5rem .75rem;background:#fdf2f2;color:#1a1a1a}",
  ".is-message:empty{display:none}",
  ".is-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}",
].join("");

function bootMessages(lang) {
  return BOOT_MESSAGES[lang] || BOOT_MESSAGES.nb;
}

// The language of an element: its own `lang`, the nearest ancestor's, or the page's.
function langOf(el) {
  var tag = el.getAttribute("lang") || (el.closest && el.closest("[lang]") && el.closest("[lang]").getAttribute("lang")) ||
    document.documentElement.getAttribute("lang") || "nb";
  var primary = tag.toLowerCase().split(/[-_]/)[0];
  return primary === "no" ? "nb" : primary;
}

var corePromise = null;

// Instantiates the wasm once per page, however many widgets there are.
function loadCore() {
  if (!corePromise) {
    corePromise = Promise.resolve().then(function () {
      if (typeof WebAssembly !== "object") {
        throw new Error("no WebAssembly");
      }
      var bin = atob(WASM_BASE64);
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return wasm_bindgen({ module_or_path: bytes });
    }).then(function () {
      return wasm_bindgen;
    });
  }
  return corePromise;
}

function isCspError(err) {
  var text = String(err && (err.message || err));
  return /Content.Security.Policy|wasm-unsafe-eval|unsafe-eval|CompileError: .*disallowed/i.test(text) ||
    (err && err.name === "CompileError" && /WebAssembly/.test(text));
}

function el(tag, attrs, text) {
  var node = document.createElement(tag);
  if (attrs) for (var k in attrs) node.setAttribute(k, attrs[k]);
  if (text != null) node.textContent = text;
  return node;
}

var uid = 0;

function Widget(host) {
  this.host = host;
  this.id = "is" + (++uid);
  this.root = host.attachShadow({ mode: "open" });
  var style = el("style");
  style.textContent = STYLE;
  this.root.appendChild(style);

  var wrap = el("div", { class: "is-root" });
  var controls = el("div", { class: "is-controls" });
  this.searchLabel = el("label", { for: this.id + "-search" });
  this.search = el("input", {
    id: this.id + "-search", type: "search", autocomplete: "off", spellcheck: "false",
    "aria-controls": this.id + "-kommune", "aria-describedby": this.id + "-count",
  });
  this.count = el("span", { id: this.id + "-count", class: "is-count", "aria-live": "polite" });
  this.label = el("label", { for: this.id + "-kommune" });
  this.select = el("select", { id: this.id + "-kommune" });
  var searchRow = el("div", { class: "is-field" });
  searchRow.appendChild(this.searchLabel);
  searchRow.appendChild(this.search);
  searchRow.appendChild(this.count);
  var selectRow = el("div", { class: "is-field" });
  selectRow.appendChild(this.label);
  selectRow.appendChild(this.select);
  controls.appendChild(searchRow);
  controls.appendChild(selectRow);
  this.message = el("p", { class: "is-message", role: "alert" });
  this.figure = el("figure");
  this.canvas = el("canvas", { role: "img" });
  this.notes = el("ul", { class: "is-notes" });
  this.figure.appendChild(this.canvas);
  this.figure.appendChild(this.notes);
  this.tableWrap = el("div", { class: "is-table-wrap" });
  this.source = el("p", { class: "is-source" });
  this.live = el("div", { class: "is-sr", "aria-live": "polite" });
  [controls, this.message, this.figure, this.tableWrap, this.source, this.live].forEach(function (n) {
    wrap.appendChild(n);
  });
  this.root.appendChild(wrap);

  var self = this;
  this.select.addEventListener("change", function () {
    if (self.select.value) self.host.setAttribute("kommune", self.select.value);
  });
  this.search.addEventListener("input", function () {
    self.fillOptions();
  });
  // Enter in the search field chooses the first match.
  this.search.addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    var first = self.select.querySelector("option[value]:not([value=''])");
    if (first) {
      e.preventDefault();
      self.host.setAttribute("kommune", first.value);
    }
  });
  if (typeof ResizeObserver === "function") {
    var lastWidth = 0;
    this.resize = new ResizeObserver(function () {
      var w = self.figure.clientWidth;
      if (w && w !== lastWidth) {
        lastWidth = w;
        self.drawChart();
      }
    });
    this.resize.observe(this.figure);
  }
}

Widget.prototype.showMessage = function (text) {
  this.message.textContent = text || "";
};

Widget.prototype.update = function () {
  var self = this;
  var lang = langOf(this.host);
  if (!this.core) this.showMessage(bootMessages(lang).loading);
  loadCore().then(function (core) {
    self.core = core;
    self.render();
  }, function (err) {
    self.figure.hidden = true;
    self.showMessage(isCspError(err) ? bootMessages(lang).csp : bootMessages(lang).failed);
  });
};

Widget.prototype.render = function () {
  var core = this.core;
  var lang = langOf(this.host);
  this.lang = lang;
  var t = core.ui_texts(lang);
  this.texts = t;
  this.label.textContent = t.choose_kommune;
  this.searchLabel.textContent = t.search_label;
  this.source.textContent = t.source;
  if (!this.choices) this.choices = core.choices();
  var code = (this.host.getAttribute("kommune") || "").trim();
  this.code = code;
  this.fillOptions();
  if (!code) {
    this.page = null;
    this.figure.hidden = true;
    this.tableWrap.textContent = "";
    this.showMessage("");
    return;
  }
  var page;
  try {
    page = core.goal_page(code, lang);
  } catch (err) {
    this.page = null;
    this.figure.hidden = true;
    this.tableWrap.textContent = "";
    this.showMessage(String(err && err.message || err));
    return;
  }
  this.page = page;
  if (page.code !== code) {
    // An old kommune number that lives on in one of today's kommuner.
    this.code = page.code;
    this.fillOptions();
  }
  this.showMessage("");
  this.figure.hidden = false;
  this.canvas.setAttribute("aria-label", page.table.caption);
  this.notes.textContent = "";
  for (var n = 0; n < page.notes.length; n++) this.notes.appendChild(el("li", null, page.notes[n]));
  this.renderTable(page.table);
  this.drawChart();
  this.live.textContent = page.table.caption;
};

// Lower case without diacritics, so "porsangu" finds Porsáŋgu and "tråante" Tråante.
function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/ŋ/g, "n").replace(/đ/g, "d").replace(/ŧ/g, "t").replace(/[-–]/g, " ");
}

// The kommune list, grouped by today's fylke, filtered by the search field.
Widget.prototype.fillOptions = function () {
  var c = this.choices;
  var t = this.texts;
  if (!c || !t) return;
  var query = fold(this.search.value.trim());
  var matches = function (code, names) {
    if (!query) return true;
    if (code.indexOf(query) === 0) return true;
    for (var i = 0; i < names.length; i++) if (fold(names[i]).indexOf(query) !== -1) return true;
    return false;
  };
  var select = this.select;
  select.textContent = "";
  select.appendChild(el("option", { value: "" }, t.choose_kommune + " …"));
  var shown = 0;
  var self = this;
  c.fylker.forEach(function (f) {
    var group = el("optgroup", { label: f.name });
    c.kommuner.forEach(function (k) {
      if (k.fylke !== f.code || !matches(k.code, [k.name].concat(k.other_names))) return;
      group.appendChild(el("option", { value: k.code }, k.name + " (" + k.code + ")"));
      shown++;
      if (k.code === "0301") {
        c.bydeler.forEach(function (b) {
          if (!matches(b.code, [b.name, k.name])) return;
          group.appendChild(el("option", { value: b.code }, "\u2003" + k.name + " – " + b.name + " (" + t.bydel + ")"));
        });
      }
    });
    if (group.children.length) select.appendChild(group);
  });
  // Keep the current kommune choosable even when the filter hides it.
  if (this.code && !select.querySelector('option[value="' + this.code.replace(/[^0-9]/g, "") + '"]')) {
    var current = c.kommuner.filter(function (k) { return k.code === self.code; })[0];
    if (current) select.appendChild(el("option", { value: current.code }, current.name + " (" + current.code + ")"));
  }
  select.value = this.code || "";
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
  if (table.footnotes.length) {
    var notes = el("ul", { class: "is-footnotes" });
    table.footnotes.forEach(function (n) { notes.appendChild(el("li", null, n)); });
    this.tableWrap.appendChild(notes);
  }
};

// Sizes the canvas to its box at the device's pixel ratio and lets the core draw.
Widget.prototype.drawChart = function () {
  if (!this.core || !this.page) return;
  var cssWidth = Math.min(this.figure.clientWidth || 720, 720);
  var cssHeight = Math.round(Math.max(280, Math.min(420, cssWidth * 0.6)));
  var dpr = window.devicePixelRatio || 1;
  this.canvas.width = Math.round(cssWidth * dpr);
  this.canvas.height = Math.round(cssHeight * dpr);
  this.canvas.style.width = cssWidth + "px";
  this.canvas.style.height = cssHeight + "px";
  var shrink = Math.max(0.6, Math.min(1, cssWidth / 720));
  try {
    this.core.draw_goal_chart(this.canvas, this.page.code, this.lang, dpr * shrink);
  } catch (err) {
    this.showMessage(String(err && err.message || err));
    return;
  }
  // For pages (and the benchmark) that want to know when a chart is on the canvas.
  this.host.dispatchEvent(new CustomEvent("intro-status:rendered", { bubbles: true, composed: true, detail: { kommune: this.page.code } }));
};

function defineElement() {
  if (!window.customElements || customElements.get("intro-status")) return;
  class IntroStatusElement extends HTMLElement {
    static get observedAttributes() {
      return ["kommune", "lang"];
    }
    connectedCallback() {
      if (!this._widget) this._widget = new Widget(this);
      this._widget.update();
    }
    attributeChangedCallback(name, oldValue, newValue) {
      if (this._widget && oldValue !== newValue) this._widget.update();
    }
  }
  customElements.define("intro-status", IntroStatusElement);
}

defineElement();

// `<script src="intro-status.js" data-kommune="0301">` renders a widget where the tag stands.
if (CURRENT_SCRIPT && CURRENT_SCRIPT.hasAttribute("data-kommune") && CURRENT_SCRIPT.parentNode) {
  var placed = document.createElement("intro-status");
  placed.setAttribute("kommune", CURRENT_SCRIPT.getAttribute("data-kommune"));
  if (CURRENT_SCRIPT.hasAttribute("data-lang")) placed.setAttribute("lang", CURRENT_SCRIPT.getAttribute("data-lang"));
  CURRENT_SCRIPT.parentNode.insertBefore(placed, CURRENT_SCRIPT.nextSibling);
}
