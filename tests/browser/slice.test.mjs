// The vertical slice in a real browser: dist/index.html opened from disk (file://), Oslo chosen,
// the chart drawn on the canvas and the figures on the page equal to SSB's cells.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, fileUrl, canvasInk, tableText, pick, SCREENSHOTS } from "./helpers.mjs";

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
  const combo = page.locator("intro-status [role=combobox]");
  await combo.waitFor({ state: "attached" });
  // Every kommune of today (357) and Oslo's bydeler are offered when the empty field is opened.
  await combo.focus();
  await page.keyboard.press("ArrowDown");
  const kommuner = await page.locator("intro-status [role=option]").allTextContents();
  assert.equal(kommuner.filter((o) => /\(\d{4}\)$/.test(o)).length, 357);
  assert.ok(kommuner.includes("Oslo (0301)"));
  assert.ok(kommuner.includes("Bergen (4601)"));
  // The bydel files' 030101–030117 and 030199.
  assert.equal(kommuner.filter((o) => o.endsWith("(bydel)")).length, 18);
  await page.keyboard.press("Escape");

  await pick(page.locator("intro-status"), "oslo", "0301");
  await page.locator("intro-status table tbody tr").first().waitFor({ state: "attached" });
  const rows = await tableText(page);
  // Status year 2014 = cohort 2013: 251 finished, 140 in work or education, 56 %; Hele landet 62 %.
  assert.deepEqual(rows[4], ["2013", "251", "140", "56 %", "62 %", "SSB tabell 10824"]);
  // After the table extract, the country's published per cent runs on (cohort 2014: 58 %).
  assert.deepEqual(rows[5], ["2014", "–", "–", "–", "58 %", "norwaytoday.info"]);
  // Cohort 2010 (status year 2011): 239 finished, 141 = 59 %; Hele landet 61 %.
  // 2010: the table's 61 %, and the other published figure for the cohort named beside it.
  assert.deepEqual(rows[1], ["2010", "239", "141", "59 %", "61 %", "SSB tabell 10824 (avvikende tall: 54 % i www.steinkjer.kommune.no)"]);
  assert.equal(rows[0][4], "Hele landet: prosent");

  const canvas = "intro-status canvas";
  const ink = await canvasInk(page, canvas, [0x1d, 0x4f, 0x91]);
  // Drawn at the device pixel ratio (2): the backing store is twice the CSS size.
  const cssWidth = await page.locator(canvas).evaluate((c) => c.getBoundingClientRect().width);
  assert.equal(ink.width, Math.round(cssWidth * 2));
  assert.ok(ink.ink > 20000, `canvas looks blank: ${ink.ink} inked pixels`);
  assert.ok(ink.colour > 500, `the kommune line is missing: ${ink.colour} pixels in its colour`);
  assert.equal(await page.locator(canvas).getAttribute("role"), "img");
  assert.equal(await page.locator(canvas).getAttribute("aria-label"), "Diagram, beskrevet i teksten over. Piltastene går gjennom punktene.");
  assert.match(await page.locator("intro-status .is-source").textContent(), /Kilde: SSB, statistikkbanken tabell 10824/);

  await page.locator("intro-status").screenshot({ path: join(SCREENSHOTS, "slice-oslo.png") });
  assert.deepEqual(problems, []);
});

test("a suppressed cohort is a gap with a note, never a zero", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
  await pick(page.locator("intro-status"), "sarpsborg", "3105");
  await page.locator("intro-status table tbody tr").first().waitFor({ state: "attached" });
  const rows = await tableText(page);
  // Sarpsborg (0105 until 2020), cohort 2012: 30 finished, share suppressed; Østfold of the day 52 %.
  assert.deepEqual(rows[3], ["2012", "30", "skjult", "skjult", "52 %", "62 %", "SSB tabell 10824"]);
  const notes = await page.locator("intro-status .is-notes li").allTextContents();
  assert.equal(notes[0], "Tallene for Sarpsborg gjelder dem som avsluttet i 2010–2013, fra SSBs tabell 10824.");
  assert.equal(notes[1], "2012: for få deltakere til at tall kan vises.");
  await page.locator("intro-status").screenshot({ path: join(SCREENSHOTS, "slice-sarpsborg.png") });
  assert.deepEqual(problems, []);
});

test("an unknown kommune number gives a message, not a broken page", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
  await page.locator("intro-status [role=combobox]").waitFor({ state: "attached" });
  await page.locator("intro-status").evaluate((el) => el.setAttribute("kommune", "9999"));
  await page.locator("intro-status .is-message").filter({ hasText: "Ukjent kommunenummer" }).waitFor({ state: "attached" });
  assert.equal(await page.locator("intro-status figure").isHidden(), true);
  assert.deepEqual(problems, []);
});

test("search finds kommuner by Sami name, number and old number; merged and divided kommuner explain themselves", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
  const search = page.locator("intro-status [role=combobox]");
  const options = () => page.locator("intro-status [role=option]").allTextContents();
  await search.waitFor({ state: "attached" });
  // Typing without diacritics finds the Northern Sami name Porsáŋgu.
  await search.fill("porsangu");
  assert.deepEqual(await options(), ["Porsanger - Porsángu - Porsanki (5622)"]);
  assert.equal(await page.locator("intro-status .is-count").textContent(), "1 kommune passer");
  await search.press("Enter");
  await page.locator("intro-status table caption").filter({ hasText: "Porsanger" }).waitFor({ state: "attached" });
  await search.fill("Tråante");
  assert.deepEqual(await options(), ["Trondheim - Tråante (5001)"]);
  // A bydel by its own name, though the kommune's name does not match.
  await search.fill("frogner");
  assert.deepEqual(await options(), ["Oslo – Frogner (bydel)"]);
  assert.equal(await page.locator("intro-status .is-count").textContent(), "1 kommune passer");
  await search.press("Escape");

  // 3203 Asker: Røyken and Hurum merged in; where one is suppressed, their own figures show.
  await page.locator("intro-status").evaluate((el) => el.setAttribute("kommune", "3203"));
  await page.locator("intro-status table caption").filter({ hasText: "Asker" }).waitFor({ state: "attached" });
  const rows = await tableText(page);
  assert.deepEqual(rows[0].slice(-4, -1), ["tidligere Asker: prosent", "tidligere Røyken: prosent", "tidligere Hurum: prosent"]);
  assert.deepEqual(rows[2].slice(3, 4), ["ikke summert"]);
  assert.deepEqual(rows[2].slice(-4, -1), ["73 %", "71 %", "skjult"]);
  await page.locator("intro-status").screenshot({ path: join(SCREENSHOTS, "map-asker.png") });

  // An editor's old number (1201 Bergen) finds today's kommune, 4601.
  await page.locator("intro-status").evaluate((el) => el.setAttribute("kommune", "1201"));
  await page.locator("intro-status table caption").filter({ hasText: "Bergen" }).waitFor({ state: "attached" });
  assert.equal(await page.locator("intro-status").getAttribute("kommune"), "1201");
  assert.equal(await search.inputValue(), "Bergen (4601)");

  // An Oslo bydel, chosen by its name.
  await pick(page.locator("intro-status"), "gamle oslo", "030101");
  await page.locator("intro-status table caption").filter({ hasText: "Gamle Oslo" }).waitFor({ state: "attached" });
  assert.deepEqual(problems, []);
});
