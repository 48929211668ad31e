// Every view drawn on the canvas in the browser (issue 5), each with a figure from its table
// checked against the source, and a screenshot to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, fileUrl, canvasInk, tableText, axe, SCREENSHOTS } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

// Sets attributes and waits for the chart of that view to be drawn.
async function show(page, attrs) {
  await page.locator("intro-status").evaluate(
    (el, attrs) =>
      new Promise((resolve) => {
        el.addEventListener("intro-status:rendered", (e) => e.detail.view === attrs.view && resolve(), { once: false });
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      }),
    attrs,
  );
}

const CASES = [
  // view, a table row (by first cell) with its expected cells, taken from SSB 10824
  ["goal", "2013", ["2013", "203", "115", "57 %", "63 %", "62 %", "SSB tabell 10824"]],
  ["status", "Bergen", ["Bergen", "203", "57 %", "9 %", "34 %"]],
  ["gender", "2013", ["2013", "69 %", "41 %", "72 %", "50 %"]],
  ["followup", "4", ["4", "2014", "235", "53 %", "62 %"]],
  ["uncertainty", "2013", ["2013", "115", "203", "56,7", "49,8", "63,3"]],
  ["similar", "Bergen", ["Bergen", "2010–2013", "493", "863", "57,1", "53,8", "60,4"]],
  ["ranking", "50", ["50", "Bergen", "2011–2013", "355", "614", "57,8", "53,9", "61,7", "under"]],
  ["country", "Ti eller flere", ["Ti eller flere", "116"]],
];

test("every view is drawn on the canvas with its source figures (Bergen)", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
  await page.locator("intro-status [role=combobox]").waitFor({ state: "attached" });
  for (const [view, first, cells] of CASES) {
    await show(page, { kommune: "4601", view });
    const ink = await canvasInk(page, "intro-status canvas", [0x1d, 0x4f, 0x91]);
    assert.ok(ink.ink > 15000, `${view}: canvas looks blank (${ink.ink})`);
    assert.ok(ink.colour > 100, `${view}: no kommune colour (${ink.colour})`);
    const rows = await tableText(page);
    const row = rows.find((r) => r[0] === first);
    assert.deepEqual(row, cells, view);
    await page.locator("intro-status").screenshot({ path: join(SCREENSHOTS, `view-${view}.png`) });
  }
  // The status split for a chosen cohort, through the cohort list.
  await show(page, { view: "status" });
  const cohort = page.locator("intro-status select[id$=-cohort]");
  assert.equal(await cohort.isVisible(), true);
  assert.deepEqual(await cohort.locator("option").allTextContents(), ["2010", "2011", "2012", "2013"]);
  await cohort.selectOption("2011");
  await page.locator("intro-status .is-title").filter({ hasText: "avsluttet 2011" }).waitFor();
  // Bergen (1201), status year 2012: 219 finished; 57 %, 9 %, 34 %.
  assert.deepEqual((await tableText(page))[1], ["Bergen", "219", "57 %", "9 %", "34 %"]);
  assert.deepEqual(problems, []);
});

test("the ranking's table sorts by any column, by keyboard alone, and says how it is sorted", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html"));
  await page.locator("intro-status [role=combobox]").waitFor({ state: "attached" });
  await show(page, { kommune: "4601", view: "ranking" });
  await page.locator("intro-status button[aria-controls$=-table]").click();
  const sorted = (i) => page.locator("intro-status thead th").nth(i).getAttribute("aria-sort");
  const column = async (i) => (await tableText(page)).slice(1).map((r) => r[i]);
  // "Avsluttet, personer" (the fifth column): focus its button, Enter sorts ascending, Space descending.
  await page.locator("intro-status thead th").nth(4).locator("button").focus();
  await page.keyboard.press("Enter");
  assert.equal(await sorted(4), "ascending");
  const up = (await column(4)).map((c) => +c.replace(/ /g, ""));
  assert.equal(up.length, 73);
  assert.ok(up.every((n, i) => i === 0 || up[i - 1] <= n), up.join());
  assert.equal(up[0], 20);
  await page.keyboard.press("Space");
  assert.equal(await sorted(4), "descending");
  const down = (await column(4)).map((c) => +c.replace(/ /g, ""));
  assert.ok(down.every((n, i) => i === 0 || down[i - 1] >= n), down.join());
  assert.equal(await sorted(0), null, "only the sorted column says so");
  // By name, then back by rank: Bergen's row is whole wherever it stands.
  await page.locator("intro-status thead th").nth(1).locator("button").click();
  assert.equal(await sorted(1), "ascending");
  assert.equal(await sorted(4), null);
  assert.deepEqual((await tableText(page)).find((r) => r[1] === "Bergen"), CASES.find((c) => c[0] === "ranking")[2]);
  assert.deepEqual(await axe(page), []);
  await page.locator("intro-status").screenshot({ path: join(SCREENSHOTS, "ranking-sorted.png") });
  assert.deepEqual(problems, []);
});
