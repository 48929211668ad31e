// Readable by everyone (issue 6): axe-core finds nothing in nb, nn, en and dark mode; keyboard
// alone chooses a kommune and switches view; 320 px reflows without horizontal scrolling.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, fileUrl, canvasInk, axe, SCREENSHOTS } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

// Waits until the widget has drawn the given kommune and view.
async function rendered(page, kommune, view = "goal") {
  await page.waitForFunction(
    ([k, v]) => {
      const host = document.querySelector("intro-status");
      const title = host && host.shadowRoot && host.shadowRoot.querySelector(".is-title");
      return host && host.getAttribute("kommune") === k && (host.getAttribute("view") || "goal") === v && title && title.textContent;
    },
    [kommune, view],
  );
  // Let the canvas draw after the text.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

async function choose(page, attrs) {
  await page.locator("intro-status").evaluate((el, attrs) => {
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  }, attrs);
}

for (const [lang, title] of [
  ["nb", "Bergen: status ett år etter, avsluttet 2013"],
  ["nn", "Bergen: status eitt år etter, avslutta 2013"],
  ["en", "Bergen: status one year after, finished 2013"],
]) {
  test(`axe-core: no WCAG 2.2 A/AA violations in ${lang}, every view`, async () => {
    const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
    await choose(page, { kommune: "4601", view: "status", lang });
    await rendered(page, "4601", "status");
    assert.equal(await page.locator("intro-status .is-title").textContent(), title);
    // The widget says which language it speaks.
    assert.equal(await page.locator("intro-status .is-root").getAttribute("lang"), lang);
    for (const view of ["goal", "status", "gender", "followup", "uncertainty", "similar", "ranking", "map", "country"]) {
      await choose(page, { view });
      await rendered(page, "4601", view);
      assert.deepEqual(await axe(page), [], `${lang} ${view}`);
    }
    // The table view too.
    await page.locator("intro-status button[aria-controls$=-table]").click();
    assert.deepEqual(await axe(page), [], `${lang} table`);
    assert.deepEqual(problems, []);
  });
}

test("axe-core in dark mode; the chart is drawn dark too", async () => {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(fileUrl("dist/index.html"));
  await choose(page, { kommune: "0301" });
  await rendered(page, "0301");
  const bg = await page.locator("intro-status").evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".is-root")).backgroundColor);
  assert.equal(bg, "rgb(18, 18, 18)");
  // The dark theme's kommune colour (#8ab4f8) is on the canvas; the light one (#1d4f91) is not.
  const dark = await canvasInk(page, "intro-status canvas", [0x8a, 0xb4, 0xf8]);
  const light = await canvasInk(page, "intro-status canvas", [0x1d, 0x4f, 0x91]);
  assert.ok(dark.colour > 500 && light.colour < 50, `dark ${dark.colour}, light ${light.colour}`);
  await page.locator("intro-status").screenshot({ path: join(SCREENSHOTS, "a11y-dark.png") });
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test("keyboard alone: the combobox, a view switched with arrow keys, the table under the chart", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
  await page.locator("intro-status [role=combobox]").waitFor({ state: "attached" });
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  // Tab into the widget: the kommune combobox comes first.
  await page.keyboard.press("Tab");
  const focused = () => page.evaluate(() => {
    const host = document.querySelector("intro-status");
    const el = host.shadowRoot.activeElement;
    const name = el && el.tagName === "BUTTON" ? el.textContent : el && el.id;
    return el ? `${el.tagName.toLowerCase()}${el.getAttribute("role") ? "[" + el.getAttribute("role") + "]" : ""}:${name}` : null;
  });
  assert.match(await focused(), /^input\[combobox\]:is\d+-kommune$/);
  // The focus ring is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.querySelector("intro-status").shadowRoot.activeElement).outlineStyle);
  assert.equal(outline, "solid");
  // Typing lists the ranked matches and renders nothing; ArrowDown marks the best, Escape closes.
  const combo = page.locator("intro-status [role=combobox]");
  await page.keyboard.type("berg");
  assert.equal(await combo.getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("intro-status").getAttribute("kommune"), null);
  await page.keyboard.press("ArrowDown");
  const marked = await combo.getAttribute("aria-activedescendant");
  assert.equal(await page.locator(`intro-status #${marked}`).getAttribute("aria-selected"), "true");
  await page.keyboard.press("Escape");
  assert.equal(await combo.getAttribute("aria-expanded"), "false");
  // Enter picks the best match for what was typed.
  await combo.fill("");
  await page.keyboard.type("tråante");
  await page.keyboard.press("Enter");
  await rendered(page, "5001");
  assert.equal(await combo.inputValue(), "Trondheim - Tråante (5001)");
  // The change was announced.
  await page.waitForFunction(() => document.querySelector("intro-status").shadowRoot.querySelector(".is-root > [aria-live]").textContent.includes("Trondheim"));
  // Tab to the view tabs.
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "button[tab]:Mål og sammenligning");
  await page.keyboard.press("ArrowRight");
  await rendered(page, "5001", "status");
  assert.equal(await focused(), "button[tab]:Status ett år etter");
  await page.keyboard.press("End");
  await rendered(page, "5001", "country");
  await page.keyboard.press("Home");
  await rendered(page, "5001", "goal");
  // Tab into the panel's buttons and open the table with Enter: it comes under the chart, in a
  // region that takes focus (it may scroll sideways on a phone).
  for (let i = 0; i < 10 && !(await focused()).startsWith("button:Vis tabell"); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("intro-status .is-table-wrap").isVisible(), true);
  assert.equal(await page.locator("intro-status canvas").isVisible(), true);
  for (let i = 0; i < 5 && !/^div\[region\]/.test(await focused()); i++) await page.keyboard.press("Tab");
  assert.match(await focused(), /^div\[region\]:is\d+-table$/);
  assert.deepEqual(problems, []);
});

test("320 CSS px: no horizontal scrolling, chart still drawn", async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(fileUrl("dist/index.html"));
  await choose(page, { kommune: "3203" });
  await rendered(page, "3203");
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  assert.ok(widths.doc <= widths.view, `page scrolls sideways: ${widths.doc} > ${widths.view}`);
  const canvasWidth = await page.locator("intro-status canvas").evaluate((c) => c.getBoundingClientRect().width);
  assert.ok(canvasWidth <= 320 && canvasWidth > 250, `canvas ${canvasWidth} px`);
  const ink = await canvasInk(page, "intro-status canvas", [0x1d, 0x4f, 0x91]);
  assert.ok(ink.ink > 5000);
  await page.screenshot({ path: join(SCREENSHOTS, "a11y-320px.png"), fullPage: true });
  await page.close();
});

test("a named region; the title a heading, read once; the canvas an image that points to the text", async () => {
  const { page } = await open(browser.context, fileUrl("dist/index.html"));
  await choose(page, { kommune: "0301" });
  await rendered(page, "0301");
  const canvas = page.locator("intro-status canvas");
  assert.equal(await canvas.getAttribute("role"), "img");
  assert.equal(await canvas.getAttribute("aria-label"), "Diagram, beskrevet i teksten over. Piltastene går gjennom punktene.");
  assert.equal(await canvas.getAttribute("aria-describedby"), null);
  const region = page.locator("intro-status [role=region][aria-label]").first();
  assert.equal(await region.getAttribute("aria-label"), "Introduksjonsprogrammet: Oslo");
  const heading = page.locator("intro-status [role=heading]");
  assert.equal(await heading.getAttribute("aria-level"), "2");
  assert.equal(await heading.textContent(), "Oslo: I arbeid eller utdanning ett år etter introduksjonsprogrammet");
  assert.equal(await page.locator("intro-status [role=tablist]").getAttribute("aria-label"), "Velg visning");
  const summary = await page.locator("intro-status .is-summary").textContent();
  assert.equal(
    summary,
    "I Oslo var 56 prosent (140 av 251) av dem som avsluttet introduksjonsprogrammet i 2013, i arbeid eller utdanning ett år etter. Til sammenligning, for dem som avsluttet i 2013: hele landet 62 prosent. Målet er 70 prosent.",
  );
});
