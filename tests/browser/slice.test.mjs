// The vertical slice in a real browser: dist/index.html opened from disk (file://), Oslo chosen,
// the chart drawn on the canvas and the figures on the page equal to SSB's cells.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, fileUrl, canvasInk, tableText, SCREENSHOTS } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

test("dist/index.html from file:// draws Oslo with the source figures", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
  assert.match(page.url(), /^file:\/\//);
  const select = page.locator("intro-status select");
  await select.waitFor();
  // Every kommune of the data is offered by name.
  const options = await select.locator("option").allTextContents();
  assert.ok(options.length > 400, `only ${options.length} options`);
  assert.ok(options.includes("Oslo kommune (0301)"));
  assert.ok(options.includes("Bergen (1201)"));

  await select.selectOption("0301");
  await page.locator("intro-status table tbody tr").first().waitFor();
  const rows = await tableText(page);
  // Status year 2014 = cohort 2013: 251 finished, 140 in work or education, 56 %; Hele landet 62 %.
  assert.deepEqual(rows.at(-1), ["2013", "251", "140", "56 %", "62 %"]);
  // Cohort 2010 (status year 2011): 239 finished, 141 = 59 %; Hele landet 61 %.
  assert.deepEqual(rows[1], ["2010", "239", "141", "59 %", "61 %"]);
  assert.equal(rows[0][4], "Hele landet: prosent");

  const canvas = "intro-status canvas";
  const ink = await canvasInk(page, canvas, [0x1d, 0x4f, 0x91]);
  // Drawn at the device pixel ratio (2): the backing store is twice the CSS size.
  const cssWidth = await page.locator(canvas).evaluate((c) => c.getBoundingClientRect().width);
  assert.equal(ink.width, Math.round(cssWidth * 2));
  assert.ok(ink.ink > 20000, `canvas looks blank: ${ink.ink} inked pixels`);
  assert.ok(ink.colour > 500, `the kommune line is missing: ${ink.colour} pixels in its colour`);
  assert.equal(await page.locator(canvas).getAttribute("role"), "img");
  assert.match(await page.locator(canvas).getAttribute("aria-label"), /^Oslo kommune: /);
  assert.match(await page.locator("intro-status .is-source").textContent(), /Kilde: SSB, statistikkbanken tabell 10824/);

  await page.locator("intro-status").screenshot({ path: join(SCREENSHOTS, "slice-oslo.png") });
  assert.deepEqual(problems, []);
});

test("a suppressed cohort is a gap with a note, never a zero", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
  await page.locator("intro-status select").selectOption("0105");
  await page.locator("intro-status table tbody tr").first().waitFor();
  const rows = await tableText(page);
  assert.deepEqual(rows[3], ["2012", "30", "skjult", "for få deltakere til at tall kan vises", "62 %"]);
  const notes = await page.locator("intro-status .is-notes li").allTextContents();
  assert.deepEqual(notes, ["2012: for få deltakere til at tall kan vises"]);
  await page.locator("intro-status").screenshot({ path: join(SCREENSHOTS, "slice-sarpsborg.png") });
  assert.deepEqual(problems, []);
});

test("an unknown kommune number gives a message, not a broken page", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
  await page.locator("intro-status select").waitFor();
  await page.locator("intro-status").evaluate((el) => el.setAttribute("kommune", "9999"));
  await page.locator("intro-status .is-message").filter({ hasText: "Ukjent kommunenummer" }).waitFor();
  assert.equal(await page.locator("intro-status figure").isHidden(), true);
  assert.deepEqual(problems, []);
});
