// What a host page does to its widgets: adds and removes them by the hundred (nothing may keep a
// removed widget alive), moves them, sets several attributes in one go, and extends
// Object.prototype before loading the script. One browser for the file, with `gc()` exposed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, fileUrl, canvasInk, pick, ROOT, SCREENSHOTS } from "./helpers.mjs";

const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");

let browser;
before(async () => {
  browser = await launch({ args: ["--js-flags=--expose-gc"] });
});
after(async () => {
  await browser.close();
});

// Runs in the page: adds a widget with `attrs` to `parent`, resolves with it once it is ready.
function addWidget(attrs, parent = "#main") {
  const w = document.createElement("intro-status");
  for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
  const ready = new Promise((resolve) => w.addEventListener("intro-status:ready", () => resolve(w), { once: true }));
  document.querySelector(parent).append(w);
  return ready;
}

// A page with the script and no widget, and `addWidget` in it.
async function openEmpty() {
  const opened = await open(browser.context, fileUrl("tests/pages/empty.html"));
  await opened.page.evaluate(`window.addWidget = ${addWidget}`);
  return opened;
}

// The page's DOM nodes and JS event listeners, after full garbage collections. With `downTo`,
// it collects again (for up to 2 s) while there are more: a widget removed in the last moments may
// still be held by a task of the page's that has not run yet (seen once on a cold machine); one
// that leaks stays above for good.
async function domCounters(page, cdp, downTo) {
  for (let round = 0; ; round++) {
    await page.evaluate(async () => {
      for (let i = 0; i < 4; i++) {
        window.gc();
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    const counters = await cdp.send("Memory.getDOMCounters");
    const above = downTo && (counters.nodes > downTo.nodes || counters.jsEventListeners > downTo.jsEventListeners);
    if (!above || round >= 10) return counters;
  }
}

test("200 widgets added and removed leave nothing behind: DOM nodes and listeners back at the baseline", async () => {
  const { page, problems } = await openEmpty();
  const cdp = await browser.context.newCDPSession(page);
  // Each widget is added, ready (its chart drawn) and removed; `settle` ms between ready and removal.
  const cycle = (n, settle) =>
    page.evaluate(
      async ([n, settle]) => {
        for (let i = 0; i < n; i++) {
          const w = await window.addWidget({ kommune: "4601" });
          if (settle) await new Promise((r) => setTimeout(r, settle));
          w.remove();
        }
      },
      [n, settle],
    );
  // The first loads the core and fills what the page's widgets share (texts, the full kommune
  // list, built when the browser is idle): that stays, and is part of the baseline.
  await cycle(1, 1500);
  const baseline = await domCounters(page, cdp);
  await cycle(200, 0);
  const now = await domCounters(page, cdp, baseline);
  console.log(`DOM counters before ${JSON.stringify(baseline)}, after 200 widgets ${JSON.stringify(now)}`);
  assert.ok(now.nodes - baseline.nodes < 2000, `${now.nodes - baseline.nodes} DOM nodes more than before`);
  assert.ok(now.jsEventListeners - baseline.jsEventListeners < 50, `${now.jsEventListeners - baseline.jsEventListeners} listeners more`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a widget moved, or removed and added again, renders again and follows its attributes", async () => {
  const { page, problems } = await openEmpty();
  await page.evaluate(async () => {
    const w = (window.moved = await window.addWidget({ kommune: "4601", id: "moved" }));
    window.__events = [];
    for (const type of ["intro-status:ready", "intro-status:rendered"]) {
      w.addEventListener(type, (e) => window.__events.push({ type, ...e.detail }));
    }
  });
  const events = () => page.evaluate(() => window.__events.splice(0));
  const waitFor = (type, kommune) =>
    page.waitForFunction(([type, k]) => window.__events.some((e) => e.type === type && e.kommune === k), [type, kommune]);

  // Moved to another parent in one step (disconnected, then connected).
  await page.evaluate(() => document.querySelector("#aside").append(window.moved));
  await waitFor("intro-status:rendered", "4601");
  assert.deepEqual((await events()).map((e) => e.type), ["intro-status:rendered", "intro-status:ready"]);

  // Taken out; while out, its attributes change; then put back.
  await page.evaluate(async () => {
    window.moved.remove();
    await new Promise((r) => setTimeout(r, 200));
    window.moved.setAttribute("kommune", "0301");
    await new Promise((r) => setTimeout(r, 200));
  });
  assert.deepEqual(await events(), [], "a widget out of the page renders nothing");
  await page.evaluate(() => document.querySelector("#main").append(window.moved));
  await waitFor("intro-status:rendered", "0301");
  assert.match(await page.locator("#moved .is-title").textContent(), /^Oslo/);
  assert.ok((await canvasInk(page, "#moved canvas", [0, 0, 0])).ink > 5000);

  // Bound again: it follows a new width (ResizeObserver) and new attributes.
  await events();
  const width = () => page.locator("#moved canvas").evaluate((c) => [c.getBoundingClientRect().width, c.parentElement.clientWidth]);
  assert.ok((await width())[0] > 600);
  await page.evaluate(() => (document.querySelector("#main").style.width = "400px"));
  await waitFor("intro-status:rendered", "0301");
  const [canvas, figure] = await width();
  assert.ok(canvas < 400 && canvas === figure, `${canvas} px in a ${figure} px figure`);
  await page.evaluate(() => window.moved.setAttribute("kommune", "5001"));
  await waitFor("intro-status:ready", "5001");
  assert.match(await page.locator("#moved .is-title").textContent(), /^Trondheim/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("several attributes changed in one task render once: one intro-status:ready, one history entry", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html") + "#kommune=4601");
  await page.locator("intro-status .is-title").filter({ hasText: /^Bergen/ }).waitFor();
  await page.waitForTimeout(300);
  const result = await page.evaluate(async () => {
    const w = document.querySelector("intro-status");
    const ready = [];
    w.addEventListener("intro-status:ready", (e) => ready.push(e.detail));
    // Every render writes the title: count how often it changes.
    let titles = 0;
    new MutationObserver((records) => (titles += records.length)).observe(w.shadowRoot.querySelector(".is-title"), { childList: true, characterData: true, subtree: true });
    const entries = history.length;
    w.setAttribute("kommune", "0301");
    w.setAttribute("view", "status");
    w.setAttribute("cohort", "2012");
    w.setAttribute("lang", "en");
    await new Promise((r) => setTimeout(r, 1500));
    return { ready, titles, entries: history.length - entries, hash: location.hash, title: w.shadowRoot.querySelector(".is-title").textContent };
  });
  assert.deepEqual(result.ready, [{ kommune: "0301", view: "status", chart: "drawn" }]);
  assert.equal(result.titles, 1);
  assert.equal(result.title, "Oslo: status one year after, finished 2012");
  assert.equal(result.entries, 1);
  assert.equal(result.hash, "#kommune=0301&view=status&cohort=2012&lang=en");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a host page that extended Object.prototype changes nothing in the widget", async () => {
  const { page, problems } = await open(browser.context, fileUrl("tests/pages/polluted.html") + "#view=status");
  // The element's own kommune, view and language, not those on Object.prototype.
  await page.locator("#plain .is-title").filter({ hasText: /^Bergen: I arbeid/ }).waitFor();
  await page.locator("#synced .is-title").filter({ hasText: /^Sarpsborg: status ett år etter/ }).waitFor();
  await page.waitForFunction(() =>
    ["#plain", "#synced"].every((s) => document.querySelector(s).shadowRoot.querySelector("canvas").width > 0),
  );
  await page.waitForTimeout(300);
  for (const id of ["#plain", "#synced"]) {
    assert.ok((await canvasInk(page, `${id} canvas`, [0, 0, 0])).ink > 5000, `${id}: chart not drawn`);
    assert.equal(await page.locator(`${id} .is-root`).getAttribute("lang"), "nb");
    for (const part of [".is-controls", "[role=tablist]", ".is-title", "canvas", ".is-actions"]) {
      assert.ok(await page.locator(`${id} ${part}`).isVisible(), `${id} ${part} hidden`);
    }
  }
  assert.equal(await page.locator("#plain [role=tab][aria-selected=true]").getAttribute("data-view"), "goal");

  // No element inside either widget has an attribute or a handler from Object.prototype.
  const found = () =>
    page.evaluate(() => {
      const out = [];
      for (const host of document.querySelectorAll("intro-status")) {
        for (const node of host.shadowRoot.querySelectorAll("*")) {
          for (const [key, value] of Object.entries(window.POLLUTION)) {
            // `hidden` is also the widget's own, always empty: the visibility checks cover it.
            if (key !== "hidden" && node.getAttribute(key) === String(value)) out.push(`${host.id} ${node.localName} ${key}`);
          }
          if (node.onclick !== null || node.onfocus !== null) out.push(`${host.id} ${node.localName} handler`);
        }
      }
      return out;
    });
  assert.deepEqual(await found(), []);

  // The controls work, and run nothing of the page's: a tab, the kommune combobox (its
  // listeners are not made `once` by Object.prototype.once), twice.
  await page.locator("#plain [role=tab][data-view=gender]").click();
  await page.locator("#plain .is-title").filter({ hasText: /menn og kvinner$/ }).waitFor();
  await pick(page.locator("#plain"), "bergen", "4601");
  await page.locator("#plain .is-title").filter({ hasText: /^Bergen/ }).waitFor();
  await pick(page.locator("#plain"), "trondheim", "5001");
  await page.locator("#plain .is-title").filter({ hasText: /^Trondheim/ }).waitFor();
  assert.equal(await page.evaluate(() => window.__polluted), undefined);
  assert.deepEqual(await found(), []);

  // axe-core on what the widgets built under the pollution; axe itself does not load with it.
  await page.evaluate(() => Object.keys(window.POLLUTION).forEach((key) => delete Object.prototype[key]));
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } }),
  ).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
  assert.deepEqual(violations, []);
  await page.locator("#plain").screenshot({ path: join(SCREENSHOTS, "host-polluted.png") });
  assert.deepEqual(problems, []);
  await page.close();
});
