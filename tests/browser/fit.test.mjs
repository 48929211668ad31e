// Any page, any width (issue 17): the attributes a web editor sets, phones and a sidebar, print,
// a light page under a dark OS, the script tag in <head>, a router that takes link clicks, and
// the iframe form. Each page is looked at in a screenshot and checked by axe-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, fileUrl, canvasInk, axe, allReady, pick, SCREENSHOTS } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

const shadow = (page, id, selector) => page.locator(`#${id} ${selector}`);

test("attributes: controls, views, downloads, heading level, cohort, lang, theme, any number or name", async () => {
  const [warnings, problems] = [[], []];
  const page = await browser.context.newPage();
  page.on("console", (m) => (m.type() === "warning" ? warnings : m.type() === "error" ? problems : []).push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(fileUrl("tests/pages/attributes.html"));
  await allReady(page, 8);
  await page.waitForTimeout(300);
  // controls="views", views="status goal": the tabs asked for, in that order; no kommune field; no downloads.
  assert.deepEqual(await shadow(page, "fixed", "[role=tab]").allTextContents(), ["Status ett år etter", "Mål og sammenligning"]);
  assert.equal(await shadow(page, "fixed", "[role=tab][aria-selected=true]").getAttribute("data-view"), "status");
  assert.equal(await shadow(page, "fixed", "[role=combobox]").isVisible(), false);
  assert.equal(await shadow(page, "fixed", ".is-downloads").isVisible(), false);
  assert.equal(await shadow(page, "fixed", "[role=heading]").getAttribute("aria-level"), "3");
  // controls="none": the chart alone, with its title, summary and table toggle.
  assert.equal(await shadow(page, "bare", "[role=tablist]").isVisible(), false);
  assert.equal(await shadow(page, "bare", "[role=combobox]").isVisible(), false);
  assert.match(await shadow(page, "bare", ".is-title").textContent(), /^Trondheim - Tråante: .*menn og kvinner$/);
  // A cohort that is not in the data: said, with the cohorts that are, and the newest shown.
  for (const [id, view, shown, list] of [["cohort", "status", "2013", "2010–2013"], ["nan", "followup", "2010", "2007–2012"]]) {
    const message = await shadow(page, id, ".is-message").textContent();
    assert.equal(message, `Kullet «${id === "nan" ? "NaN" : "9999"}» finnes ikke i tallene; viser ${shown}. Kull med tall: ${list}.`, view);
    assert.match(await shadow(page, id, ".is-title").textContent(), new RegExp(shown));
    assert.equal(await shadow(page, id, "select[id$=-cohort]").inputValue(), shown);
  }
  // An unsupported language: bokmål, a console warning, no message box.
  assert.equal(await shadow(page, "se", ".is-root").getAttribute("lang"), "nb");
  assert.equal(await shadow(page, "se", ".is-message").textContent(), "");
  assert.ok(warnings.some((w) => /«se»/.test(w)), warnings.join("\n"));
  // theme="dark" on a light page.
  assert.equal(await shadow(page, "dark", ".is-root").evaluate((e) => getComputedStyle(e).backgroundColor), "rgb(18, 18, 18)");
  // Bærum's number of 2020–2023, Oslo without its leading zero, a former kommune's name.
  assert.match(await shadow(page, "old", ".is-title").textContent(), /^Bærum/);
  assert.match(await shadow(page, "zero", ".is-title").textContent(), /^Oslo/);
  assert.match(await shadow(page, "name", ".is-title").textContent(), /^Trondheim/);
  assert.match(await shadow(page, "name", ".is-message").textContent(), /Klæbu/);
  // An ambiguous name: a message naming the choices.
  const ambiguous = await shadow(page, "ambiguous", ".is-message").textContent();
  assert.match(ambiguous, /1515/);
  assert.match(ambiguous, /1818/);
  await page.screenshot({ path: join(SCREENSHOTS, "fit-attributes.png"), fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a 360 px phone at DPR 3: one row of tabs, the chart in view after a choice, the table in a focusable region", async () => {
  const context = await browser.context.browser().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const { page, problems } = await open(context, fileUrl("dist/index.html") + "#kommune=4036&view=status");
  const w = page.locator("intro-status");
  await w.locator(".is-title").filter({ hasText: /^Vinje/ }).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  // One row of tabs (they scroll sideways), not four.
  const tabs = await w.locator("[role=tablist]").evaluate((t) => ({ h: t.getBoundingClientRect().height, sw: t.scrollWidth, cw: t.clientWidth }));
  assert.ok(tabs.h < 80, `tabs ${tabs.h} px high`);
  // A reader scrolled to the widget makes a choice: its title and summary are on the same
  // screen, with no rows of tabs to scroll past.
  await w.evaluate((host) => host.scrollIntoView());
  await pick(w, "trondheim", "5001");
  await w.locator(".is-title").filter({ hasText: /^Trondheim/ }).waitFor();
  const top = await w.locator(".is-summary").evaluate((t) => t.getBoundingClientRect().top);
  assert.ok(top < 740 / 2, `summary at ${top} px`);
  // The canvas at full resolution; no page sideways scroll.
  const ink = await canvasInk(page, "intro-status canvas", [0x1d, 0x4f, 0x91]);
  assert.equal(ink.width % 3, 0);
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  assert.ok(widths.doc <= widths.view, `page scrolls sideways: ${widths.doc} > ${widths.view}`);
  await w.locator("button[aria-controls$=-table]").click();
  const region = w.locator(".is-table-wrap");
  assert.equal(await region.getAttribute("tabindex"), "0");
  assert.equal(await region.getAttribute("role"), "region");
  assert.match(await w.locator(`#${await region.getAttribute("aria-labelledby")}`).textContent(), /Trondheim/);
  await page.screenshot({ path: join(SCREENSHOTS, "fit-phone-360.png"), fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 310 px sidebar and a 320 px screen: nothing sticks out", async () => {
  for (const [url, width, name] of [[fileUrl("tests/pages/sidebar.html"), 1100, "sidebar-310"], [fileUrl("dist/index.html") + "#kommune=5001&view=goal", 320, "screen-320"]]) {
    const context = await browser.context.browser().newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 2 });
    const { page, problems } = await open(context, url);
    const w = page.locator("intro-status");
    await w.locator(".is-title").waitFor();
    await w.locator("button[aria-controls$=-table]").click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    // Every element inside the widget stays within it, but what scrolls in its own region.
    const out = await w.evaluate((host) => {
      const box = host.getBoundingClientRect();
      return Array.from(host.shadowRoot.querySelectorAll("*"))
        .filter((e) => !e.closest(".is-table-wrap, [role=tablist], .is-list, .is-sr") && e.getClientRects().length)
        .filter((e) => e.getBoundingClientRect().right > box.right + 1 || e.getBoundingClientRect().left < box.left - 1)
        .map((e) => e.tagName + "." + e.className);
    });
    assert.deepEqual(out, [], name);
    await page.screenshot({ path: join(SCREENSHOTS, `fit-${name}.png`), fullPage: true });
    assert.deepEqual(await axe(page), [], name);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});

test("print: no tabs or controls, every chart drawn, the table within A4 portrait", async () => {
  // A4 at 96 dpi is 794 px wide; with 15 mm margins about 680 px remain.
  const context = await browser.context.browser().newContext({ viewport: { width: 680, height: 1000 } });
  const { page, problems } = await open(context, fileUrl("tests/pages/attributes.html"));
  await allReady(page, 8);
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => Array.from(document.querySelectorAll("intro-status")).filter((h) => h.shadowRoot.querySelector(".is-title").textContent).map((h) => {
    const r = h.shadowRoot;
    const visible = (sel) => Array.from(r.querySelectorAll(sel)).some((e) => e.getClientRects().length > 0);
    const wrap = r.querySelector(".is-table-wrap");
    return { id: h.id, tabs: visible("[role=tablist]"), controls: visible(".is-controls"), table: visible("table"),
      fits: wrap.scrollWidth <= wrap.clientWidth + 1, drawn: r.querySelector("canvas").width > 0 };
  }));
  assert.ok(state.length >= 7);
  for (const s of state) assert.deepEqual(s, { id: s.id, tabs: false, controls: false, table: true, fits: true, drawn: true });
  await page.screenshot({ path: join(SCREENSHOTS, "fit-print.png"), fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a light page under a dark OS stays light; a dark box in it gets the dark widget", async () => {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(fileUrl("tests/pages/light-page.html"));
  await page.locator("#inside .is-title").waitFor();
  await page.locator("#light .is-title").waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const bg = (id) => page.locator(`#${id} .is-root`).evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await bg("light"), "rgb(255, 255, 255)");
  assert.equal(await bg("inside"), "rgb(18, 18, 18)");
  // The charts follow: the light kommune colour on the light page, the dark one in the dark box.
  assert.ok((await canvasInk(page, "#light canvas", [0x1d, 0x4f, 0x91])).colour > 500);
  assert.ok((await canvasInk(page, "#inside canvas", [0x8a, 0xb4, 0xf8])).colour > 500);
  await page.screenshot({ path: join(SCREENSHOTS, "fit-light-page-dark-os.png"), fullPage: true });
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test("the script tag placed in <head> says what to do instead, and the page is untouched", async () => {
  const warnings = [];
  const page = await browser.context.newPage();
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(fileUrl("tests/pages/head-script.html"));
  await page.waitForTimeout(500);
  assert.equal(await page.locator("intro-status").count(), 0);
  assert.ok(warnings.some((w) => /<head>/.test(w) && /<body>/.test(w)), warnings.join("\n"));
  assert.equal(await page.locator("#text").isVisible(), true);
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test("downloads work on a page whose router takes every link click", async () => {
  const { page, problems } = await open(browser.context, fileUrl("tests/pages/router.html"));
  await page.locator("intro-status .is-title").waitFor();
  for (const name of ["Last ned SVG", "Last ned tall (CSV)", "Last ned PNG"]) {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 5000 }), page.locator("intro-status button", { hasText: name }).click()]);
    assert.match(download.suggestedFilename(), /^intro-status-5001-goal\.(svg|csv|png)$/);
  }
  assert.equal(await page.evaluate(() => window.__routed), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the iframe form: settings from its URL, its height sent to the page, which sizes it", async () => {
  const { page, problems } = await open(browser.context, fileUrl("tests/pages/iframe-host.html"));
  const frame = page.frameLocator("#sized");
  await frame.locator("intro-status .is-title").filter({ hasText: /^Bergen: status eitt år etter/ }).waitFor();
  // The frame grows or shrinks to its content: no inner scrollbar, no empty space.
  await page.waitForFunction(() => {
    const f = document.getElementById("sized");
    const inner = f.contentDocument ? f.contentDocument.documentElement.getBoundingClientRect().height : 0;
    return f.style.height !== "900px" && Math.abs(parseFloat(f.style.height) - inner) <= 2;
  }, null, { timeout: 5000 }).catch(() => {});
  const heights = await page.evaluate(() => {
    const f = document.getElementById("sized");
    return { frame: f.getBoundingClientRect().height, content: f.contentWindow.document.documentElement.scrollHeight };
  }).catch(() => null);
  const styled = await page.locator("#sized").evaluate((f) => parseFloat(f.style.height));
  assert.notEqual(styled, 900);
  if (heights) assert.ok(Math.abs(heights.frame - heights.content) <= 2, JSON.stringify(heights));
  await page.screenshot({ path: join(SCREENSHOTS, "fit-iframe.png"), fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the standalone file where scripts run but WebAssembly or DecompressionStream do not: its static charts and tables, and why", async () => {
  for (const missing of ["WebAssembly", "DecompressionStream"]) {
    const context = await browser.context.browser().newContext({ viewport: { width: 900, height: 1000 } });
    await context.addInitScript((name) => { delete window[name]; }, missing);
    const { page, problems } = await open(context, fileUrl("dist/intro-status-standalone.html"));
    const w = page.locator("intro-status");
    await w.locator(".is-message").filter({ hasText: /kan ikke vises/ }).waitFor();
    // The static content: every kommune's chart and table, grouped by fylke, for the reader to open.
    assert.equal(await page.locator("intro-status .is-static").isVisible(), true, missing);
    assert.ok((await page.locator("intro-status .is-static details").count()) >= 357, missing);
    await page.locator("intro-status .is-static details >> nth=0").evaluate((d) => (d.open = true));
    assert.equal(await page.locator("intro-status .is-static details >> nth=0 >> svg").first().isVisible(), true, missing);
    assert.equal(await w.locator("[role=combobox]").isVisible(), false, missing);
    await page.screenshot({ path: join(SCREENSHOTS, `fit-standalone-no-${missing}.png`) });
    assert.deepEqual(problems, [], missing);
    await context.close();
  }
});
