// Issue 7, "Embed anywhere", in headless Chromium: the two ways in, attributes that change later,
// 20 widgets on one wasm instance, hostile CSS, a Designsystemet site, file://, strict CSP with and
// without 'wasm-unsafe-eval', nothing leaving the page, the URL hash, downloads, the no-JS
// fallback of the standalone file and bad input.
//
// Pages are in tests/pages/; those that need HTTP headers (CSP) or a real origin are served by a
// tiny server on 127.0.0.1 started here. One browser for the whole file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serve, fileUrl, canvasInk, tableText, pick, ROOT, SCREENSHOTS, TEST_BUILD } from "./helpers.mjs";

let browser;
let server;
let base;

// Path → extra response headers.
const HEADERS = {
  "/tests/pages/csp-header.html": { "Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" },
};

before(async () => {
  browser = await launch();
  server = serve(HEADERS);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
});

// Runs in every page before its own scripts: counts what the widget could use to compile wasm,
// store, send or show things, and records the widgets' rendered events, CSP violations, dialogs
// and the nodes added to the page outside the widgets' own elements.
function recorder() {
  const calls = {};
  const count = (name) => { calls[name] = (calls[name] || 0) + 1; };
  window.__calls = calls;
  window.__rendered = [];
  window.__ready = [];
  window.__violations = [];
  const wrap = (obj, name, label) => {
    const orig = obj && obj[name];
    if (typeof orig !== "function") return;
    obj[name] = function () { count(label); return orig.apply(this, arguments); };
  };
  const wrapCtor = (obj, name, label) => {
    if (!obj || typeof obj[name] !== "function") return;
    obj[name] = new Proxy(obj[name], { construct(target, args, nt) { count(label); return Reflect.construct(target, args, nt); } });
  };
  for (const f of ["compile", "instantiate", "compileStreaming", "instantiateStreaming", "validate"]) wrap(WebAssembly, f, `WebAssembly.${f}`);
  wrapCtor(WebAssembly, "Module", "new WebAssembly.Module");
  wrapCtor(WebAssembly, "Instance", "new WebAssembly.Instance");
  // Storage: touching window.localStorage / sessionStorage at all counts, and every Storage call.
  for (const name of ["localStorage", "sessionStorage"]) {
    const owner = Object.getOwnPropertyDescriptor(window, name) ? window : Window.prototype;
    const desc = Object.getOwnPropertyDescriptor(owner, name);
    if (desc && desc.get) Object.defineProperty(window, name, { configurable: true, get() { count(name); return desc.get.call(window); } });
  }
  for (const f of ["getItem", "setItem", "removeItem", "clear", "key"]) wrap(Storage.prototype, f, `Storage.${f}`);
  wrap(IDBFactory.prototype, "open", "indexedDB.open");
  wrap(IDBFactory.prototype, "deleteDatabase", "indexedDB.deleteDatabase");
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    configurable: true,
    get() { count("document.cookie get"); return cookie.get.call(this); },
    set(v) { count("document.cookie set"); cookie.set.call(this, v); },
  });
  if (window.caches) wrap(CacheStorage.prototype, "open", "caches.open");
  // Everything that can send: the recorder of requests sees the result, this sees the attempt.
  wrap(window, "fetch", "fetch");
  wrap(XMLHttpRequest.prototype, "open", "XMLHttpRequest.open");
  wrap(navigator, "sendBeacon", "navigator.sendBeacon");
  wrapCtor(window, "WebSocket", "new WebSocket");
  wrapCtor(window, "EventSource", "new EventSource");
  wrapCtor(window, "Worker", "new Worker");
  wrapCtor(window, "SharedWorker", "new SharedWorker");
  if (navigator.serviceWorker) wrap(ServiceWorkerContainer.prototype, "register", "serviceWorker.register");
  for (const f of ["alert", "confirm", "prompt"]) wrap(window, f, `window.${f}`);
  document.addEventListener("intro-status:rendered", (e) => {
    window.__rendered.push({ index: Array.prototype.indexOf.call(document.querySelectorAll("intro-status"), e.target), ...e.detail });
  });
  document.addEventListener("intro-status:ready", (e) => {
    // What the kommune combobox holds and shows at that moment.
    const combo = e.target.shadowRoot?.querySelector("[role=combobox]");
    const options = combo ? e.target.shadowRoot.querySelectorAll("[role=option]").length : null;
    const chosen = combo ? combo.value : null;
    window.__ready.push({ index: Array.prototype.indexOf.call(document.querySelectorAll("intro-status"), e.target), ...e.detail, options, chosen });
  });
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, line: e.lineNumber });
  });
  // Nodes the page's DOM gains outside the widgets: those added after the page was parsed, and
  // those added and taken out again at any time (the parser never takes a node out).
  let parsed = false;
  const added = [];
  const note = (records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeName === "INTRO-STATUS" || (r.target.closest && r.target.closest("intro-status"))) continue;
        added.push({ n, late: parsed, what: `${n.nodeName}${n.getAttribute && n.getAttribute("style") ? ` style="${n.getAttribute("style")}"` : ""}` });
      }
    }
  };
  const observer = new MutationObserver(note);
  observer.observe(document, { childList: true, subtree: true });
  // Records are delivered later, in a microtask: take the parser's last ones before the flag flips.
  document.addEventListener("DOMContentLoaded", () => {
    note(observer.takeRecords());
    parsed = true;
  });
  Object.defineProperty(window, "__added", { get: () => added.filter((a) => a.late || !a.n.isConnected).map((a) => a.what) });
}

// Opens a page with the recorder installed; collects page errors, console errors, requests, dialogs.
async function visit(url, { context = browser.context, allowConsole = [] } = {}) {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  const dialogs = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !allowConsole.some((re) => re.test(m.text()))) problems.push(`console.error: ${m.text()}`);
  });
  page.on("request", (r) => requests.push(r.url()));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.addInitScript(recorder);
  await page.goto(url);
  return { page, problems, requests, dialogs };
}

// Waits until `n` different widgets of the page have drawn a chart.
async function rendered(page, n = 1, timeout = 20000) {
  await page.waitForFunction((n) => new Set(window.__rendered.map((r) => r.index)).size >= n, n, { timeout });
}

// Waits until `n` different widgets of the page have their content in place (charts far from the
// screen wait until they come near it).
async function ready(page, n = 1, timeout = 20000) {
  await page.waitForFunction((n) => new Set(window.__ready.map((r) => r.index)).size >= n, n, { timeout });
}

// Waits until `n` widgets have their content, then scrolls each whose chart waits for the screen
// into view and waits for it to be drawn: every chart of the page drawn, as a reader scrolling sees them.
async function allDrawn(page, n, timeout = 20000) {
  await ready(page, n, timeout);
  for (const i of await page.evaluate(() => [...new Set(window.__ready.map((r) => r.index))])) {
    if (await page.evaluate((i) => window.__rendered.some((r) => r.index === i), i)) continue;
    await page.locator(`intro-status >> nth=${i}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((i) => window.__rendered.some((r) => r.index === i), i, { timeout });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

// How often the page compiled wasm, whichever way.
const compiles = (c) => (c["WebAssembly.compile"] || 0) + (c["WebAssembly.compileStreaming"] || 0);

const calls = (page) => page.evaluate(() => ({ ...window.__calls }));

// Every widget's title, message and whether its chart has a canvas drawn at the device's resolution.
function widgetStates(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("intro-status"), (host) => {
      const r = host.shadowRoot;
      const canvas = r.querySelector("canvas");
      return {
        kommune: host.getAttribute("kommune"),
        view: host.getAttribute("view"),
        title: r.querySelector(".is-title").textContent,
        message: r.querySelector(".is-message").textContent,
        panelHidden: r.querySelector("[role=tabpanel]").hidden,
        canvasWidth: canvas.width,
        cssWidth: canvas.getBoundingClientRect().width,
        lang: r.querySelector(".is-root").getAttribute("lang"),
        id: host.id,
      };
    })
  );
}

// Non-background pixels of the n-th widget's canvas.
async function inkOf(page, n) {
  return (await canvasInk(page, `intro-status >> nth=${n} >> canvas`, [0, 0, 0])).ink;
}

const nbsp = (s) => s.replace(/\u00a0/g, " ");

// ---------------------------------------------------------------------------------------------
// Two ways in, attributes that change later.

test("the script-tag form places a widget where each tag stands, from data-* attributes", async () => {
  const { page, problems } = await visit(fileUrl("tests/pages/script-tag.html"));
  await allDrawn(page, 2);
  // Each widget stands right after its own script tag, between the paragraphs around it.
  const order = await page.evaluate(() => Array.from(document.body.children, (e) => e.id || e.nodeName.toLowerCase()));
  assert.deepEqual(order, ["h1", "before", "script", "intro-status", "between", "script", "intro-status", "after"]);
  const [bergen, trondheim] = await widgetStates(page);
  assert.deepEqual([bergen.kommune, bergen.view, bergen.lang], ["4601", "status", "nn"]);
  assert.match(bergen.title, /^Bergen: .*2012/);
  assert.equal(await page.locator("intro-status >> nth=0 >> [id$=-cohort]").inputValue(), "2012");
  assert.match(trondheim.title, /^Trondheim/);
  // The snippet pasted twice defines the element once and still compiles the wasm once.
  const c = await calls(page);
  assert.equal(compiles(c), 1, JSON.stringify(c));
  assert.equal(c["WebAssembly.instantiate"], 1);
  assert.ok((await inkOf(page, 0)) > 5000 && (await inkOf(page, 1)) > 5000);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a custom element's attributes can change later and the widget follows", async () => {
  const { page, problems } = await visit(fileUrl("tests/pages/script-tag.html"));
  await allDrawn(page, 2);
  // Made by the page's own script after the widget script ran, then changed attribute by attribute.
  await page.evaluate(() => {
    const el = document.createElement("intro-status");
    el.id = "late";
    el.setAttribute("kommune", "0301");
    document.body.appendChild(el);
  });
  const late = page.locator("#late");
  await late.locator(".is-title").filter({ hasText: /^Oslo: / }).waitFor();
  await late.evaluate((el) => el.setAttribute("kommune", "5001"));
  await late.locator(".is-title").filter({ hasText: /^Trondheim/ }).waitFor();
  await late.evaluate((el) => el.setAttribute("view", "gender"));
  await late.locator("[role=tab][aria-selected=true]").filter({ hasText: /menn|kvinner|kjønn/i }).waitFor();
  const tabsNb = await late.locator("[role=tab]").allTextContents();
  await late.evaluate((el) => el.setAttribute("lang", "en"));
  await late.locator(".is-root[lang=en]").waitFor();
  const tabsEn = await late.locator("[role=tab]").allTextContents();
  assert.notDeepEqual(tabsEn, tabsNb, "the view names follow the language");
  assert.match(await late.locator(".is-source").textContent(), /^Source: Statistics Norway/);
  await late.evaluate((el) => el.setAttribute("view", "status"));
  await late.evaluate((el) => el.setAttribute("cohort", "2011"));
  await late.locator(".is-title").filter({ hasText: /2011/ }).waitFor();
  assert.equal(await late.locator("[id$=-cohort]").inputValue(), "2011");
  // Taken out of the page and put back elsewhere: still alive, still follows.
  await page.evaluate(() => {
    const el = document.getElementById("late");
    el.remove();
    document.body.insertBefore(el, document.body.firstChild);
    el.setAttribute("kommune", "4601");
  });
  await late.locator(".is-title").filter({ hasText: /^Bergen/ }).waitFor();
  // The widget's own controls set the attributes, so the page sees the choice.
  await pick(late, "sarpsborg", "3105");
  assert.equal(await late.getAttribute("kommune"), "3105");
  await late.locator(".is-title").filter({ hasText: /^Sarpsborg/ }).waitFor();
  // The other widgets did not move.
  const states = (await widgetStates(page)).filter((s) => s.id !== "late");
  assert.match(states[0].title, /^Bergen: .*2012/);
  assert.match(states[1].title, /^Trondheim/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a widget that starts hidden is drawn again at its real width once shown", async () => {
  const { page, problems } = await visit(fileUrl("tests/pages/script-tag.html"));
  await allDrawn(page, 2);
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.id = "box";
    box.hidden = true;
    box.style.width = "420px";
    const el = document.createElement("intro-status");
    el.id = "hidden-widget";
    el.setAttribute("kommune", "4601");
    box.appendChild(el);
    document.body.insertBefore(box, document.body.firstChild);
  });
  await page.locator("#hidden-widget .is-title").filter({ hasText: /^Bergen/ }).waitFor({ state: "attached" });
  await page.evaluate(() => { document.getElementById("box").hidden = false; });
  // Crisp: the canvas holds as many pixels as it shows, at the device's ratio, in the 420 px box.
  await page.waitForFunction(() => {
    const c = document.getElementById("hidden-widget").shadowRoot.querySelector("canvas");
    const shown = c.getBoundingClientRect().width;
    return shown > 300 && shown <= 420 && c.width === Math.round(shown * devicePixelRatio);
  }, null, { timeout: 5000 });
  assert.ok((await canvasInk(page, "#hidden-widget >> canvas", [0, 0, 0])).ink > 5000);
  assert.deepEqual(problems, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Many per page, hostile CSS, Designsystemet.

test("20 widgets under a hostile stylesheet share one wasm instance, each with its own kommune and state", async () => {
  const t0 = Date.now();
  const { page, problems } = await visit(fileUrl("tests/pages/hostile.html"));
  await ready(page, 20, 30000);
  const ms = Date.now() - t0;
  // Charts on the first screen and half a screen below are drawn at once, the rest wait.
  const first = await page.evaluate(() => window.__ready.map((r) => r.chart));
  assert.equal(first[0], "drawn");
  assert.equal(first[19], "waiting");
  const drawnAtOnce = await page.evaluate(() => new Set(window.__rendered.map((r) => r.index)).size);
  assert.ok(drawnAtOnce >= 1 && drawnAtOnce < 20, `${drawnAtOnce} charts drawn before any scrolling`);
  const c = await calls(page);
  assert.equal(compiles(c), 1, JSON.stringify(c));
  assert.equal(c["WebAssembly.instantiate"], 1, JSON.stringify(c));
  assert.equal(c["new WebAssembly.Module"], undefined);
  assert.equal(c["new WebAssembly.Instance"], undefined);

  const states = await widgetStates(page);
  assert.equal(states.length, 20);
  const expected = [
    [/^Oslo: /, "nb"], [/^Bergen: /, "nb"], [/^Asker: /, "nn"], [/^Sarpsborg: /, "en"], [/^Trondheim/, "nb"],
    [/^Stavanger/, "nn"], [/^Drammen/, "en"], [/^Kristiansand/, "nb"], [/2013|2014|country|Norway/i, "en"], [/^Ålesund/, "nb"],
    [/^Bodø.*2011/, "nn"], [/^Tromsø/, "en"], [/^Bærum/, "nb"], [/^Sandefjord/, "nb"], [/^Porsgrunn/, "nn"],
    [/^Hamar/, "en"], [/Gamle Oslo/, "nb"], [/^Bergen/, "nb"], [/^Alta/, "nn"], [/^Kongsberg/, "en"],
  ];
  states.forEach((s, i) => {
    assert.match(s.title, expected[i][0], `widget ${i} (${s.kommune}, ${s.view}): ${s.title}`);
    assert.equal(s.lang, expected[i][1], `widget ${i} language`);
    assert.equal(s.message, "", `widget ${i} message`);
    // Drawn, visible (the host's `canvas {display:none !important}` does not reach in), at device resolution.
    assert.ok(s.cssWidth > 200, `widget ${i} canvas is ${s.cssWidth}px wide`);
    assert.equal(s.canvasWidth, Math.round(s.cssWidth * 2), `widget ${i} canvas resolution`);
  });
  // A widget's kommune combobox shows its choice and holds no options until it is used;
  // ArrowDown then brings every place at once.
  const atReady = await page.evaluate(() => window.__ready.filter((r) => r.index === 1 || r.index === 16).map((r) => [r.options, r.chosen]));
  assert.deepEqual(atReady.slice(0, 2), [[0, "Bergen (4601)"], [0, "Oslo – Gamle Oslo (bydel)"]]);
  const second = page.locator("intro-status >> nth=1 >> [role=combobox]");
  await second.focus();
  await page.keyboard.press("ArrowDown");
  const all = await page.locator("intro-status >> nth=1 >> [role=option]").allTextContents();
  assert.equal(all.filter((o) => /\(\d{4}\)$/.test(o)).length, 357);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  assert.equal(await second.inputValue(), "Bergen (4601)");
  // Scrolled to, each waiting chart is drawn.
  for (let i = 0; i < 20; i++) {
    await page.locator(`intro-status >> nth=${i}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((i) => window.__rendered.some((r) => r.index === i), i, { timeout: 5000 });
    assert.ok((await inkOf(page, i)) > 5000, `widget ${i} canvas looks blank`);
  }

  // No rule of the page reached inside: nothing is lime or 41px, the canvases are displayed.
  const leakedIn = await page.evaluate(() =>
    Array.from(document.querySelectorAll("intro-status")).flatMap((h) =>
      Array.from(h.shadowRoot.querySelectorAll("*"))
        .filter((e) => e.nodeName !== "STYLE" && e.nodeName !== "SLOT")
        .map((e) => getComputedStyle(e))
        .filter((cs) => cs.color === "rgb(0, 255, 0)" || cs.fontSize === "41px" || cs.fontSize === "60px")
        .map((cs) => `${cs.color} ${cs.fontSize}`)
    )
  );
  assert.deepEqual(leakedIn, []);
  // And nothing of the widgets reached out: the page's own elements look as before the script ran.
  const [beforeStyles, nowStyles] = await page.evaluate(() => [window.hostStylesBefore, window.hostStylesNow()]);
  assert.deepEqual(nowStyles, beforeStyles);

  // Each widget keeps its own state: changing one changes no other.
  const titles = states.map((s) => s.title);
  const third = page.locator("intro-status >> nth=2");
  await pick(third, "stavanger", "1103");
  await third.locator(".is-title").filter({ hasText: /^Stavanger/ }).waitFor();
  await page.locator("intro-status >> nth=4 >> [role=tab][data-view=goal]").click();
  await page.locator("intro-status >> nth=4 >> .is-title").filter({ hasNotText: titles[4] }).waitFor();
  const after = (await widgetStates(page)).map((s) => s.title);
  after.forEach((t, i) => {
    if (i !== 2 && i !== 4) assert.equal(t, titles[i], `widget ${i} changed`);
  });
  assert.notEqual(after[2], titles[2]);
  assert.notEqual(after[4], titles[4]);
  assert.equal((await calls(page))["WebAssembly.instantiate"], 1);

  // The first four widgets (the whole page is some 70 000 CSS pixels tall at these font sizes).
  await page.screenshot({ path: join(SCREENSHOTS, "embed-hostile-20.png"), fullPage: true, scale: "css", clip: { x: 0, y: 0, width: 900, height: 15000 } });
  await page.locator("intro-status >> nth=0").screenshot({ path: join(SCREENSHOTS, "embed-hostile-first.png") });
  assert.deepEqual(problems, []);
  console.log(`20 widgets drawn ${ms} ms after navigation started`);
  await page.close();
});

test("hostile CSS does not change the widget's own typography or box", async () => {
  const { page } = await visit(fileUrl("tests/pages/hostile.html"));
  await ready(page, 20, 30000);
  const looks = await page.evaluate(() =>
    Array.from(document.querySelectorAll("intro-status"), (h) => {
      const root = getComputedStyle(h.shadowRoot.querySelector(".is-root"));
      return { font: root.fontSize, weight: root.fontWeight, transform: root.textTransform, spacing: root.letterSpacing, color: root.color };
    })
  );
  for (const l of looks) {
    // The host's `* { all: unset }` beats `:host { all: initial }`; its 900 weight, upper case,
    // letter spacing and red text must still stay outside.
    assert.equal(l.weight, "400");
    assert.equal(l.transform, "none");
    assert.equal(l.spacing, "normal");
    assert.notEqual(l.color, "rgb(204, 0, 0)");
    // 1rem of a page that sets `html { font-size: 48px }` (or the common 62.5 % = 10px) is not the
    // reader's text size; `medium` is.
    assert.equal(l.font, "16px");
  }
  await page.close();
});

test("drawing a chart adds nothing to the page outside the widget (text is measured inside it)", async () => {
  const { page } = await visit(fileUrl("tests/pages/hostile.html"));
  await ready(page, 20, 30000);
  // Printing draws every chart still waiting to come into view.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await rendered(page, 20, 30000);
  const added = await page.evaluate(() => window.__added);
  assert.deepEqual(added, []);
  await page.close();
});

test("a Designsystemet kommune site: the widget takes its tokens, the site keeps its looks", async () => {
  const { page, problems } = await visit(fileUrl("tests/pages/designsystemet.html"));
  await allDrawn(page, 2);
  const ds = await page.evaluate(() => {
    const probe = document.createElement("div");
    probe.style.cssText = "background: var(--ds-color-accent-base-default); color: var(--ds-color-neutral-text-default); border-radius: var(--ds-border-radius-md)";
    document.body.appendChild(probe);
    const cs = getComputedStyle(probe);
    const out = { accent: cs.backgroundColor, text: cs.color, radius: cs.borderTopLeftRadius, font: getComputedStyle(document.documentElement).getPropertyValue("--ds-font-family").trim() };
    probe.remove();
    return out;
  });
  const widget = page.locator("intro-status >> nth=0");
  const tab = await widget.locator("[role=tab][aria-selected=true]").evaluate((t) => {
    const cs = getComputedStyle(t);
    return { bg: cs.backgroundColor, radius: cs.borderTopLeftRadius, font: cs.fontFamily };
  });
  assert.equal(tab.bg, ds.accent, "the selected view takes the site's accent colour");
  assert.equal(tab.radius, ds.radius, "and its border radius");
  assert.match(tab.font, new RegExp(ds.font), "and its font");
  assert.equal(await widget.locator(".is-root").evaluate((e) => getComputedStyle(e).color), ds.text);
  // The site's own components look as they did before the widget script ran.
  const [beforeStyles, nowStyles] = await page.evaluate(() => [window.hostStylesBefore, window.hostStylesNow()]);
  assert.deepEqual(nowStyles, beforeStyles);
  for (let i = 0; i < 2; i++) assert.ok((await inkOf(page, i)) > 5000);
  const states = await widgetStates(page);
  assert.match(states[0].title, /^Bergen/);
  assert.match(states[1].title, /^Oslo/);
  await page.screenshot({ path: join(SCREENSHOTS, "embed-designsystemet.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("a site font that is not available falls back to a sans-serif, not the browser's serif default", async () => {
  // Designsystemet's theme names Inter; a site that has not loaded Inter gets the next family.
  const { page } = await visit(fileUrl("tests/pages/designsystemet.html"));
  await rendered(page, 1);
  const family = await page.locator("intro-status >> nth=0 >> .is-root").evaluate((e) => getComputedStyle(e).fontFamily);
  assert.match(family, /^Inter,.*(sans-serif|system-ui)/, family);
  await page.close();
});

test("a Designsystemet site in its dark scheme gets a dark widget with a dark chart", async () => {
  const { page, problems } = await visit(fileUrl("tests/pages/designsystemet.html") + "?dark");
  await allDrawn(page, 2);
  await page.screenshot({ path: join(SCREENSHOTS, "embed-designsystemet-dark.png"), fullPage: true });
  const host = await page.locator("intro-status >> nth=0").evaluate((h) => getComputedStyle(h).backgroundColor);
  const corner = await page.locator("intro-status >> nth=0 >> canvas").evaluate((c) => Array.from(c.getContext("2d").getImageData(2, 2, 1, 1).data));
  assert.notEqual(host, "rgb(255, 255, 255)", "the widget takes the dark background token");
  assert.ok(corner[0] < 80 && corner[1] < 80 && corner[2] < 80, `chart background ${corner} on a widget of ${host}`);
  assert.deepEqual(problems, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Offline.

test("offline from disk: dist/index.html, a page using the file and the standalone file", async () => {
  await browser.context.setOffline(true);
  try {
    for (const [url, kommune] of [
      [fileUrl("dist/index.html") + "#kommune=0301", /^Oslo/],
      [fileUrl("tests/pages/script-tag.html"), /^Bergen/],
      [fileUrl("dist/intro-status-standalone.html") + "#kommune=0301", /^Oslo/],
    ]) {
      const { page, problems, requests } = await visit(url);
      await rendered(page, 1);
      assert.match((await widgetStates(page))[0].title, kommune, url);
      assert.ok((await inkOf(page, 0)) > 5000, url);
      assert.deepEqual(requests.filter((r) => !r.startsWith("file:")), [], url);
      assert.deepEqual(problems, [], url);
      await page.close();
    }
  } finally {
    await browser.context.setOffline(false);
  }
  // The standalone file refers to nothing outside itself and runs under its own strict CSP.
  const html = readFileSync(join(ROOT, "dist/intro-status-standalone.html"), "utf8");
  const markup = html.slice(0, html.lastIndexOf("<script>")) + html.slice(html.lastIndexOf("</script>"));
  const refs = markup.match(/\s(src|href|action|srcset|poster|data)=["'][^#][^"']*|url\([^)]*\)|@import/g);
  assert.equal(refs, null, `external references: ${refs && refs.slice(0, 5)}`);
  assert.equal(markup.match(/<script/g), null, "one script element, the inline one");
  const { page, requests } = await visit(fileUrl("dist/intro-status-standalone.html") + "#kommune=3105");
  await rendered(page, 1);
  assert.deepEqual(requests, [fileUrl("dist/intro-status-standalone.html") + "#kommune=3105"].map((u) => u.replace(/#.*/, "")));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  const sizes = { standalone: statSync(join(ROOT, "dist/intro-status-standalone.html")).size, script: statSync(join(ROOT, "dist/intro-status.js")).size };
  console.log(`standalone ${sizes.standalone} bytes (script ${sizes.script} bytes)`);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Strict CSP.

test("strict CSP with 'wasm-unsafe-eval' draws, with no violation", async () => {
  const { page, problems } = await visit(`${base}/tests/pages/csp-wasm.html`);
  await rendered(page, 1);
  assert.match((await widgetStates(page))[0].title, /^Oslo/);
  assert.ok((await inkOf(page, 0)) > 5000);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // The editor's static content stays hidden behind the chart.
  assert.equal(await page.locator("p.static").isVisible(), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test("strict CSP without 'wasm-unsafe-eval': a message naming the directive, in the page's language, and the static content", async () => {
  const { page, problems } = await visit(`${base}/tests/pages/csp-no-wasm.html`, {
    // Chromium reports the blocked compile on the console itself; that is the browser, not the widget.
    allowConsole: [/Content Security Policy|wasm-unsafe-eval|WebAssembly/i],
  });
  const nn = page.locator("#nn .is-message").filter({ hasText: "'wasm-unsafe-eval'" });
  const en = page.locator("#en .is-message").filter({ hasText: "'wasm-unsafe-eval'" });
  await nn.waitFor();
  await en.waitFor();
  assert.match(await nn.textContent(), /^Figuren kan ikkje visast .*Content-Security-Policy.*script-src/);
  assert.match(await en.textContent(), /^The chart cannot be shown .*Content-Security-Policy.*script-src/);
  assert.equal(await nn.getAttribute("role"), "alert");
  // Never a blank box: the page's own fallback content shows, the empty chart panel does not.
  assert.ok(await page.locator("#nn table.static").isVisible());
  assert.ok(await page.locator("#en p.static").isVisible());
  assert.equal(await page.locator("#nn [role=tabpanel]").isVisible(), false);
  assert.deepEqual(await page.evaluate(() => window.__violations.map((v) => v.directive)).then((d) => [...new Set(d)]), ["script-src"]);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: join(SCREENSHOTS, "embed-csp-no-wasm.png"), fullPage: true });
  await page.close();
});

test("where the core cannot run, the widget shows no dead, unlabelled controls", async () => {
  const { page } = await visit(`${base}/tests/pages/csp-no-wasm.html`, { allowConsole: [/Content Security Policy|wasm-unsafe-eval|WebAssembly/i] });
  await page.locator("#nn .is-message").filter({ hasText: "'wasm-unsafe-eval'" }).waitFor();
  assert.equal(await page.locator("#nn [role=combobox]").isVisible(), false);
  await page.close();
});

test("a browser that gives no 2D canvas: the table takes the chart's place, under a message in the widget's language", async () => {
  // As some hardened browsers and extensions do.
  const context = await browser.context.browser().newContext({ viewport: { width: 900, height: 1100 } });
  await context.addInitScript(() => { HTMLCanvasElement.prototype.getContext = () => null; });
  const { page, problems } = await visit(fileUrl("tests/pages/script-tag.html"), { context });
  await ready(page, 2);
  const states = await page.evaluate(() => window.__ready.map((r) => [r.kommune, r.chart]));
  assert.deepEqual(states, [["4601", "error"], ["5001", "error"]]);
  const nn = page.locator("intro-status >> nth=0");
  await assert.doesNotReject(nn.locator(".is-message").filter({ hasText: "Diagrammet kunne ikkje teiknast i denne nettlesaren. Tabellen under har alle tala." }).waitFor());
  assert.equal(await nn.locator("figure").isVisible(), false);
  assert.equal(await nn.locator("table").isVisible(), true);
  assert.ok((await nn.locator("tbody tr").count()) >= 3);
  // No PNG of a blank canvas, no toggle to a chart that is not there; SVG and CSV need no canvas.
  assert.deepEqual(await nn.locator(".is-actions button:visible").allTextContents(), ["Last ned SVG", "Last ned tal (CSV)"]);
  assert.equal(await page.locator("#after").isVisible(), true);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: join(SCREENSHOTS, "embed-no-canvas.png"), fullPage: true });
  await context.close();
});

test("while the core loads, a widget says so in its language and shows no empty controls", async () => {
  const context = await browser.context.browser().newContext({ viewport: { width: 900, height: 1100 } });
  // Compiling waits until the test lets it go on.
  await context.addInitScript(() => {
    let open;
    const opened = new Promise((resolve) => (open = resolve));
    window.__release = () => open();
    for (const name of ["compile", "compileStreaming"]) {
      const real = WebAssembly[name];
      WebAssembly[name] = (...args) => opened.then(() => real.apply(WebAssembly, args));
    }
  });
  const { page, problems } = await visit(fileUrl("tests/pages/script-tag.html"), { context });
  const [nn, nb] = [page.locator("intro-status >> nth=0"), page.locator("intro-status >> nth=1")];
  await nn.locator(".is-loading").filter({ hasText: "Lastar statistikk …" }).waitFor();
  await nb.locator(".is-loading").filter({ hasText: "Laster statistikk …" }).waitFor();
  for (const w of [nn, nb]) {
    // A note, not an alert: twenty widgets loading would interrupt a screen reader twenty times.
    assert.equal(await w.locator("[role=alert]:not(:empty), [aria-live=assertive]").count(), 0);
    for (const part of [".is-controls", "[role=tablist]", "[role=tabpanel]"]) assert.equal(await w.locator(part).isVisible(), false, part);
  }
  await page.screenshot({ path: join(SCREENSHOTS, "embed-loading.png"), fullPage: true });
  await page.evaluate(() => window.__release());
  await ready(page, 2);
  for (const w of [nn, nb]) {
    assert.equal(await w.locator(".is-loading").isVisible(), false);
    for (const part of ["[role=combobox]", "[role=tablist]", "canvas"]) assert.equal(await w.locator(part).first().isVisible(), true, part);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a typical site CSP without inline styles (default-src 'self' + 'wasm-unsafe-eval') keeps the widget styled", async () => {
  const { page } = await visit(`${base}/tests/pages/csp-header.html`, { allowConsole: [/Content Security Policy/] });
  await rendered(page, 1);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  const looks = await page.locator("intro-status").evaluate((h) => ({
    host: getComputedStyle(h).display,
    tab: getComputedStyle(h.shadowRoot.querySelector("[role=tab]")).minHeight,
    fallback: getComputedStyle(h.shadowRoot.querySelector(".is-fallback")).display,
  }));
  assert.deepEqual(looks, { host: "block", tab: "44px", fallback: "none" });
  await page.close();
});

test("the SRI hash printed by the build matches dist/intro-status.js; a wrong one blocks it", async () => {
  const script = readFileSync(join(ROOT, "dist/intro-status.js"));
  const integrity = `sha384-${createHash("sha384").update(script).digest("base64")}`;
  const page = await browser.context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(recorder);
  await page.goto(`${base}/tests/pages/script-tag.html`);
  for (const [hash, works] of [[integrity, true], ["sha384-" + "A".repeat(64), false]]) {
    await page.evaluate(([hash]) => {
      document.body.textContent = "";
      window.__rendered = [];
      const s = document.createElement("script");
      s.src = "../../dist/intro-status.js";
      s.integrity = hash;
      s.dataset.kommune = "0301";
      window.__loaded = new Promise((resolve) => { s.onload = () => resolve(true); s.onerror = () => resolve(false); });
      document.body.appendChild(s);
    }, [hash]);
    assert.equal(await page.evaluate(() => window.__loaded), works, hash);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Nothing leaves the page.

test("nothing leaves the page: no request after the script, no cookie, no storage of any kind", async () => {
  for (const path of ["/dist/index.html#kommune=4601", "/tests/pages/designsystemet.html", "/dist/intro-status-standalone.html#kommune=0301"]) {
    const { page, problems, requests } = await visit(base + path);
    await rendered(page, 1);
    const loaded = requests.length;
    // Use everything the widget offers: search, another kommune, every view, a cohort, the table, downloads.
    const w = page.locator("intro-status >> nth=0");
    await pick(w, "tromsø", "5501");
    const tabs = await w.locator("[role=tab]").count();
    for (let i = 0; i < tabs; i++) {
      const tab = w.locator(`[role=tab] >> nth=${i}`);
      await tab.click();
      await w.locator(`[role=tab][aria-selected=true][data-view=${await tab.getAttribute("data-view")}]`).waitFor();
    }
    await w.locator("[role=tab] >> nth=1").click();
    const cohort = w.locator("select[id$=-cohort]");
    if (await cohort.isVisible()) await cohort.selectOption({ index: 0 });
    await w.locator(".is-actions button >> nth=0").click();
    await w.locator(".is-actions button >> nth=0").click();
    for (const i of [1, 2, 3]) {
      const [download] = await Promise.all([page.waitForEvent("download"), w.locator(`.is-actions button >> nth=${i}`).click()]);
      await download.path();
    }
    await page.waitForTimeout(300);
    // Only the page, the script and (for the kommune site) its stylesheets were ever requested.
    const after = requests.slice(loaded).filter((r) => !r.startsWith("blob:"));
    assert.deepEqual(after, [], `${path}: requests after load`);
    assert.ok(requests.slice(0, loaded).every((r) => r.startsWith(base)), `${path}: ${requests}`);
    const c = await calls(page);
    assert.equal(await page.evaluate(() => document.cookie), "");
    const used = Object.keys(c).filter((k) => !k.startsWith("WebAssembly.") && !k.startsWith("new WebAssembly"));
    assert.deepEqual(used, [], `${path}: ${JSON.stringify(c)}`);
    // The browser's own view agrees: nothing stored for this origin.
    const stored = await page.evaluate(async () => {
      const dbs = indexedDB.databases ? await indexedDB.databases() : [];
      return { dbs: dbs.length, caches: window.caches ? (await caches.keys()).length : 0 };
    });
    assert.deepEqual(stored, { dbs: 0, caches: 0 });
    assert.deepEqual(problems, [], path);
    await page.close();
  }
  const cookies = await browser.context.cookies();
  assert.deepEqual(cookies, []);
});

// ---------------------------------------------------------------------------------------------
// URL hash.

test("the URL hash holds kommune, view, cohort and language; a link reproduces the view; back and forward work", async () => {
  for (const file of ["dist/index.html", "dist/intro-status-standalone.html"]) {
    const { page, problems } = await visit(fileUrl(file) + "#kommune=4601&view=status&cohort=2012");
    await rendered(page, 1);
    const w = page.locator("intro-status");
    const state = async () => ({
      kommune: await w.getAttribute("kommune"),
      tab: await w.locator("[role=tab][aria-selected=true]").getAttribute("data-view"),
      title: await w.locator(".is-title").textContent(),
      hash: new URL(page.url()).hash,
    });
    const first = await state();
    assert.equal(first.kommune, "4601");
    assert.equal(first.tab, "status");
    assert.match(first.title, /^Bergen: .*2012/);
    assert.equal(await w.locator("select[id$=-cohort]").inputValue(), "2012");

    await w.locator("[role=tab][data-view=gender]").click();
    await w.locator(".is-title").filter({ hasNotText: /2012/ }).waitFor();
    const second = await state();
    assert.equal(second.tab, "gender");
    assert.match(second.hash, /kommune=4601/);
    assert.match(second.hash, /view=gender/);

    await pick(w, "oslo", "0301");
    await w.locator(".is-title").filter({ hasText: /^Oslo/ }).waitFor();
    assert.match(new URL(page.url()).hash, /kommune=0301/);
    const third = await state();

    await page.goBack();
    await w.locator(".is-title").filter({ hasText: /^Bergen/ }).waitFor();
    assert.deepEqual(await state(), second);
    await page.goBack();
    await w.locator("[role=tab][data-view=status][aria-selected=true]").waitFor();
    assert.deepEqual(await state(), first);
    await page.goForward();
    await w.locator("[role=tab][data-view=gender][aria-selected=true]").waitFor();
    assert.deepEqual(await state(), second);
    await page.goForward();
    await w.locator(".is-title").filter({ hasText: /^Oslo/ }).waitFor();
    assert.deepEqual(await state(), third);

    // The link, opened fresh, shows the same view.
    const copy = await visit(page.url());
    await rendered(copy.page, 1);
    assert.equal(await copy.page.locator("intro-status .is-title").textContent(), third.title);
    assert.deepEqual(copy.problems, []);
    await copy.page.close();
    assert.deepEqual(problems, [], file);
    await page.close();
  }
});

test("back undoes a language change, and back to the page's first, hashless state shows that state", async () => {
  const { page, problems } = await visit(fileUrl("dist/index.html"));
  const w = page.locator("intro-status");
  await w.locator("[role=combobox]").waitFor({ state: "attached" });
  await pick(w, "oslo", "0301");
  await w.locator(".is-title").filter({ hasText: /^Oslo/ }).waitFor();
  await w.evaluate((el) => el.setAttribute("lang", "en"));
  await w.locator(".is-root[lang=en]").waitFor();
  assert.match(new URL(page.url()).hash, /lang=en/);
  await page.goBack();
  await w.locator(".is-root[lang=nb]").waitFor({ timeout: 3000 });
  await page.goBack();
  assert.equal(new URL(page.url()).hash, "");
  await page.waitForTimeout(300);
  assert.equal(await w.locator("[role=combobox]").inputValue(), "");
  assert.equal(await w.getAttribute("kommune"), null);
  assert.equal(await w.locator("[role=tabpanel]").isVisible(), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a malformed hash in a link gives the page's default view, not an exception", async () => {
  const { page, problems } = await visit(fileUrl("dist/index.html") + "#kommune=0301&view=%E0%A4%A");
  await page.locator("intro-status [role=combobox]").waitFor({ state: "attached" });
  await page.waitForTimeout(500);
  assert.deepEqual(problems, []);
  assert.equal(await page.locator("intro-status [role=combobox]").inputValue(), "Oslo (0301)");
  assert.equal(await page.locator("intro-status [role=tab][aria-selected=true]").getAttribute("data-view"), "goal");
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Downloads.

test("downloads: PNG at device resolution, SVG by the same chart code, CSV of exactly the figures shown", async () => {
  const { page, problems } = await visit(fileUrl("dist/index.html") + "#kommune=3105");
  await rendered(page, 1);
  const w = page.locator("intro-status");
  const save = async (i) => {
    const [download] = await Promise.all([page.waitForEvent("download"), w.locator(`.is-actions button >> nth=${i}`).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const png = await save(1);
  assert.equal(png.name, "intro-status-3105-goal.png");
  assert.equal(png.bytes.subarray(1, 4).toString(), "PNG");
  const cssWidth = await w.locator("canvas").evaluate((c) => c.getBoundingClientRect().width);
  const cssHeight = await w.locator("canvas").evaluate((c) => c.getBoundingClientRect().height);
  // IHDR: width and height, big-endian, at bytes 16 and 20; the device scale factor is 2.
  assert.equal(png.bytes.readUInt32BE(16), Math.round(cssWidth * 2));
  assert.equal(png.bytes.readUInt32BE(20), Math.round(cssHeight * 2));

  const svg = await save(2);
  assert.equal(svg.name, "intro-status-3105-goal.svg");
  const svgText = svg.bytes.toString("utf8");
  const title = await w.locator(".is-title").textContent();
  assert.match(svgText, /^<svg /);
  assert.ok(svgText.includes(`>${title}<`) || svgText.includes(title.replace(/&/g, "&amp;")), `SVG lacks the title ${title}`);
  assert.ok(svgText.includes("Kilde: SSB, statistikkbanken tabell 10824"));

  const csv = await save(3);
  assert.equal(csv.name, "intro-status-3105-goal.csv");
  const text = csv.bytes.toString("utf8");
  const lines = text.split("\r\n");
  assert.equal(lines[0], title);
  assert.equal(lines.at(-2), '"Kilde: SSB, statistikkbanken tabell 10824"', "the source line, last");
  // Every row of the table the widget shows, in the same order, cell for cell.
  const rows = await tableText(page);
  const field = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const shown = rows.map((r) => r.map((c) => field(nbsp(c))).join(","));
  assert.deepEqual(lines.slice(1, 1 + shown.length), shown);
  // Sarpsborg, cohort 2012: 30 finished, share suppressed ("skjult"), with the footnote saying why.
  assert.ok(lines.includes("2012,30,skjult,skjult,52 %,62 %,SSB tabell 10824"), text);
  const footnotes = (await w.locator(".is-footnotes li").allTextContents()).map(nbsp);
  assert.ok(footnotes.some((f) => /^Skjult: /.test(f)), footnotes.join("\n"));
  for (const f of footnotes) assert.ok(lines.includes(field(f)), `CSV lacks footnote ${f}`);
  assert.deepEqual(problems, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// No-JS fallback.

test("no JavaScript: the standalone file shows every kommune's chart and table, with the real figures", async () => {
  const context = await browser.context.browser().newContext({ javaScriptEnabled: false, viewport: { width: 900, height: 1100 } });
  try {
    const page = await context.newPage();
    await page.goto(fileUrl("dist/intro-status-standalone.html"));
    assert.equal(await page.locator("details").count(), 357);
    const oslo = page.locator("details#k0301");
    await oslo.locator("summary").click();
    assert.equal(await oslo.locator("summary").textContent(), "Oslo (0301)");
    // Cohort 2013, one year after: 251 finished, 140 in work or education, 56 %; Hele landet 62 %.
    const rows = await oslo.locator("tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent.replace(/\u00a0/g, " "))));
    assert.deepEqual(rows.find((r) => r[0] === "2013"), ["2013", "251", "140", "56 %", "62 %", "SSB tabell 10824"]);
    assert.match(await oslo.locator("svg").getAttribute("aria-label"), /^Oslo: /);
    const box = await oslo.locator("svg").boundingBox();
    assert.ok(box.width > 600 && box.height > 300, JSON.stringify(box));
    await oslo.locator("svg").screenshot({ path: join(SCREENSHOTS, "embed-nojs-oslo.png") });
    // Sarpsborg's suppressed cohort is "skjult" with its footnote, as in the widget.
    const sarpsborg = page.locator("details#k3105");
    assert.ok((await sarpsborg.locator("tr").allTextContents()).some((t) => /^2012\s*30\s*skjult\s*skjult/.test(t)));
    assert.ok((await sarpsborg.locator("li").allTextContents()).some((t) => /^Skjult: /.test(t)));
    await page.close();
  } finally {
    await context.close();
  }
});

// Oslo's goal view as the widget's SVG download gives it, and as the standalone file draws it
// statically: its chart with the shared parts it draws with <use> (defined once for all kommuner).
async function osloCharts() {
  const { page } = await visit(fileUrl("dist/index.html") + "#kommune=0301");
  await rendered(page, 1);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("intro-status .is-actions button >> nth=2").click()]);
  const widget = readFileSync(await download.path(), "utf8");
  await page.close();
  const html = readFileSync(join(ROOT, "dist/intro-status-standalone.html"), "utf8");
  const defs = html.match(/<svg width="0"[\s\S]*?<\/defs><\/svg>/)[0];
  const oslo = html.slice(html.indexOf('<details id="k0301">'));
  const chart = oslo.slice(oslo.indexOf("<svg"), oslo.indexOf("</svg>") + 6);
  return { widget, defs, chart };
}

// The elements of a static chart with every <use> replaced by what it refers to.
function expandUses(chart, defs) {
  const byId = new Map();
  for (const m of defs.matchAll(/<(\w+) id="(\w+)"([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g)) byId.set(m[2], m[0].replace(` id="${m[2]}"`, ""));
  let out = chart;
  for (let i = 0; i < 3 && out.includes("<use "); i++) {
    out = out.replace(/<use href="#(\w+)"\/>/g, (_, id) => {
      const d = byId.get(id);
      return d.startsWith("<g>") ? d.slice(3, -4) : d;
    });
  }
  return out;
}

const svgTexts = (svg) => Array.from(svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g), (m) => m[1].trim()).filter(Boolean);

test("no JavaScript: the static chart says what the widget's chart says", async () => {
  const { widget, defs, chart } = await osloCharts();
  const expanded = expandUses(chart, defs);
  assert.doesNotMatch(expanded, /<use /);
  // The same texts (title, axes, ticks, labels, legend, source) in the same order, and the same marks.
  assert.deepEqual(svgTexts(expanded), svgTexts(widget));
  for (const mark of ["circle", "polygon"]) {
    assert.equal((expanded.match(new RegExp(`<${mark} `, "g")) || []).length, (widget.match(new RegExp(`<${mark} `, "g")) || []).length, mark);
  }
  assert.equal((expanded.match(/<rect /g) || []).length, (widget.match(/<rect /g) || []).length);
});

// Pixels that differ clearly between two PNG screenshots of the same size, counted in a page.
async function pixelDiff(a, b) {
  const page = await browser.context.newPage();
  try {
    return await page.evaluate(async ([a, b]) => {
      const load = (b64) => new Promise((resolve) => { const img = new Image(); img.onload = () => resolve(img); img.src = "data:image/png;base64," + b64; });
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      const px = (img) => { const c = document.createElement("canvas"); c.width = img.width; c.height = img.height; const x = c.getContext("2d"); x.drawImage(img, 0, 0); return x.getImageData(0, 0, img.width, img.height).data; };
      if (ia.width !== ib.width || ia.height !== ib.height) return { size: [ia.width, ia.height, ib.width, ib.height] };
      const [da, db] = [px(ia), px(ib)];
      let differ = 0;
      for (let i = 0; i < da.length; i += 4) if (Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]) > 48) differ++;
      return { differ, total: da.length / 4 };
    }, [a.toString("base64"), b.toString("base64")]);
  } finally {
    await page.close();
  }
}

test("no JavaScript: the static chart is the very picture of the widget's SVG", async () => {
  const { widget, defs, chart } = await osloCharts();
  const context = await browser.context.browser().newContext({ javaScriptEnabled: false, deviceScaleFactor: 1 });
  try {
    const still = await context.newPage();
    await still.setContent(`<body style="margin:0">${defs}${chart}</body>`);
    const compact = await still.locator("svg[role=img]").screenshot();
    await still.setContent(`<body style="margin:0">${widget}</body>`);
    const drawn = await still.locator("svg").screenshot();
    writeFileSync(join(SCREENSHOTS, "embed-nojs-compare-static.png"), compact);
    writeFileSync(join(SCREENSHOTS, "embed-nojs-compare-widget.png"), drawn);
    const diff = await pixelDiff(compact, drawn);
    assert.equal(diff.size, undefined, JSON.stringify(diff));
    assert.ok(diff.differ < diff.total / 1000, `${diff.differ} of ${diff.total} pixels differ`);
  } finally {
    await context.close();
  }
});

test("the chart under the hostile stylesheet is the chart of a plain page", async () => {
  const hostile = await visit(fileUrl("tests/pages/hostile.html"));
  await rendered(hostile.page, 1);
  const plain = await visit(fileUrl("dist/index.html") + "#kommune=0301");
  await rendered(plain.page, 1);
  const shot = (page, n) => page.locator(`intro-status >> nth=${n} >> canvas`).evaluate((c) => c.toDataURL("image/png").split(",")[1]).then((b) => Buffer.from(b, "base64"));
  const a = await shot(hostile.page, 0);
  const b = await shot(plain.page, 0);
  await hostile.page.close();
  await plain.page.close();
  const diff = await pixelDiff(a, b);
  assert.equal(diff.size, undefined, JSON.stringify(diff));
  assert.ok(diff.differ < diff.total / 200, `${diff.differ} of ${diff.total} pixels differ`);
});

// ---------------------------------------------------------------------------------------------
// Bad input.

test("bad kommune, view or language: a translated message in that widget, the others keep working", async () => {
  const { page, problems, dialogs } = await visit(fileUrl("tests/pages/bad-input.html"));
  await allDrawn(page, 2);
  await page.waitForFunction(() => Array.from(document.querySelectorAll("intro-status")).every((h) => h.shadowRoot.querySelector(".is-loading").textContent === ""));
  const states = Object.fromEntries((await widgetStates(page)).map((s, i) => [["good", "letters", "unknown", "markup", "empty", "view", "lang", "lang-en-view", "good2"][i], s]));
  for (const id of ["letters", "unknown", "markup"]) assert.equal(states[id].panelHidden, true, id);
  assert.match(states.unknown.message, /^Ukjent kommunenummer/);
  for (const id of ["letters", "markup"]) assert.match(states[id].message, /^Fant ingen kommune eller bydel som heter/, id);
  assert.match(states.letters.message, /«abcd»/);
  assert.match(states.unknown.message, /«9999»/);
  // Shown as text, never as markup: no element made, no script run, no dialog.
  assert.match(states.markup.message, /«<img src=x onerror=alert\(1\)>»/);
  assert.equal(await page.evaluate(() => document.querySelectorAll("img").length + Array.from(document.querySelectorAll("intro-status")).reduce((n, h) => n + h.shadowRoot.querySelectorAll("img, b").length, 0)), 0);
  assert.deepEqual(dialogs, []);
  assert.equal((await calls(page))["window.alert"], undefined);
  assert.match(states.view.message, /pie<b>/);
  assert.match(states.view.message, /^Ukjent visning/);
  // An unknown language gives bokmål, with a warning in the console, not a message box.
  assert.equal(states.lang.message, "");
  assert.match(states.lang.title, /^Trondheim/);
  assert.equal(states.lang.lang, "nb");
  assert.match(states["lang-en-view"].message, /^Unknown view/);
  // The good ones drew.
  assert.match(states.good.title, /^Oslo/);
  assert.match(states.good2.title, /^Sarpsborg/);
  assert.ok((await inkOf(page, 0)) > 5000 && (await inkOf(page, 8)) > 5000);
  // A bad widget recovers when its attribute is fixed.
  await page.locator("#unknown").evaluate((el) => el.setAttribute("kommune", "1103"));
  await page.locator("#unknown .is-title").filter({ hasText: /^Stavanger/ }).waitFor();
  assert.equal(await page.locator("#unknown .is-message").textContent(), "");
  assert.deepEqual(problems, []);
  await page.locator("#markup").screenshot({ path: join(SCREENSHOTS, "embed-bad-markup.png") });
  await page.close();
});

test("an empty kommune attribute says so in the widget", async () => {
  const { page } = await visit(fileUrl("tests/pages/bad-input.html"));
  await allDrawn(page, 2);
  await page.waitForTimeout(300);
  const message = await page.locator("#empty .is-message").textContent();
  assert.notEqual(message, "");
  assert.ok(await page.locator("#empty .is-message").isVisible());
  await page.close();
});

test("a Rust panic in one widget is reported there; the page and the other widgets carry on", async () => {
  // The test hook is only in the tests' build, which `cargo xtask test` writes.
  assert.ok(existsSync(join(ROOT, TEST_BUILD)), `${TEST_BUILD} is missing: run \`cargo xtask build --test-hooks\``);
  const { page, problems } = await visit(fileUrl("tests/pages/test-hooks.html"), { allowConsole: [/test panic requested by the page/] });
  await allDrawn(page, 2);
  // The test hook: the widget asks the core's exported test_panic() on this event.
  await page.locator("#good").evaluate((el) => el.dispatchEvent(new CustomEvent("intro-status:test-panic")));
  await page.locator("#good .is-message").filter({ hasText: /^Det oppstod en feil i figuren.*test panic requested by the page/ }).waitFor();
  // Restarted on a fresh instance of the same compiled module, and drawn again.
  await page.waitForFunction(() => window.__rendered.filter((r) => r.index === 0).length >= 2);
  const c = await calls(page);
  assert.equal(compiles(c), 1, JSON.stringify(c));
  assert.equal(c["WebAssembly.instantiate"], 2);
  // The other widget still changes kommune without a crash message.
  await page.locator("#good2").evaluate((el) => el.setAttribute("kommune", "0301"));
  await page.locator("#good2 .is-title").filter({ hasText: /^Oslo/ }).waitFor();
  assert.equal(await page.locator("#good2 .is-message").textContent(), "");
  assert.deepEqual(problems, []);
  await page.close();
});

test("dist/ has no test hooks: the test-panic event does nothing there", async () => {
  const script = readFileSync(join(ROOT, "dist/intro-status.js"), "utf8");
  // The shell's hooks (`TEST_HOOKS`, calling the core's test_panic) are only in the tests' build;
  // once the core puts test_panic behind its `test-hooks` feature, the release wasm has no such
  // export either. (The script is minified: its own names are gone, the core's are not.)
  const features = readFileSync(join(ROOT, "Cargo.toml"), "utf8").split(/^\[/m).find((t) => t.startsWith("features]")) || "";
  if (/^\s*"?test-hooks"?\s*=/m.test(features)) {
    assert.ok(!script.includes("test_panic"), "dist/intro-status.js has the core's test_panic");
  }
  const { page, problems } = await visit(fileUrl("tests/pages/bad-input.html"));
  await allDrawn(page, 2);
  const before = await page.evaluate(() => window.__ready.length);
  await page.locator("#good").evaluate((el) => el.dispatchEvent(new CustomEvent("intro-status:test-panic")));
  await page.waitForTimeout(500);
  assert.equal(await page.locator("#good .is-message").textContent(), "");
  assert.equal(await page.evaluate(() => window.__ready.length), before);
  assert.deepEqual(problems, []);
  await page.close();
});
