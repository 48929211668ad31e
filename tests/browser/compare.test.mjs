// Places to compare with (issue 18): the picker by keyboard alone and by mouse, the chips that
// take a place out again, the URL hash that keeps them, the goal, status and gender views with
// them (figures from SSB 10824), axe-core clean, and screenshots on a desktop and a phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, fileUrl, tableText, axe, SCREENSHOTS } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

// Waits until the widget has drawn a chart with the `compare` attribute as `want`.
const drawnWith = (page, want) =>
  page.waitForFunction((want) => {
    const w = document.querySelector("intro-status");
    return (w.getAttribute("compare") || "") === want && w.shadowRoot.querySelector(".is-title").textContent !== "";
  }, want);

test("places are added by keyboard alone, kept in the URL, shown in three views and taken out again", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html") + "#kommune=0301");
  const w = page.locator("intro-status");
  await w.locator(".is-title").filter({ hasText: "Oslo" }).waitFor();
  const add = w.locator(".is-compare > button").first();
  assert.equal(await add.textContent(), "Legg til sammenligning");
  assert.equal(await add.getAttribute("aria-expanded"), "false");
  // Keyboard: the button, then the picker it opens, focused; a name, ArrowDown, Enter.
  await add.focus();
  await page.keyboard.press("Enter");
  const picker = w.locator("input[id$=-compare]");
  assert.equal(await picker.evaluate((el) => el.getRootNode().activeElement === el), true, "the picker has the focus");
  assert.equal(await w.locator("label[for$=-compare]").textContent(), "Legg til sammenligning");
  await page.keyboard.type("Bergen");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await drawnWith(page, "4601");
  await page.keyboard.type("Klæbu");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await drawnWith(page, "4601 5001");
  assert.match(await page.evaluate(() => location.hash), /compare=4601\+5001|compare=4601%205001/);
  // The chips name each place, with a button to take it out.
  assert.deepEqual(await w.locator(".is-chips li").allTextContents(), ["Bergen×", "Trondheim - Tråante×"]);
  assert.equal(await w.locator(".is-chips button").first().getAttribute("aria-label"), "Fjern Bergen");
  // The goal view's table: a column for each place; Bergen's 2013 from SSB (1201, 2014: 57 %).
  await w.locator("button[aria-controls$=-table]").click();
  const goal = await tableText(page);
  const col = goal[0].indexOf("Bergen: prosent");
  assert.ok(col > 0, goal[0].join(" | "));
  assert.equal(goal.find((r) => r[0] === "2013")[col], "57 %");
  assert.ok(goal[0].includes("Trondheim - Tråante: prosent"));
  assert.match(await w.locator(".is-summary").textContent(), /Bergen 57 prosent, Trondheim - Tråante \(/);
  await w.screenshot({ path: join(SCREENSHOTS, "compare-goal.png") });
  assert.deepEqual(await axe(page), []);
  // Status: a bar and a row for each (Bergen 203 finished: 57, 9, 34 %).
  await w.locator("[role=tab][data-view=status]").click();
  await w.locator(".is-title").filter({ hasText: "status" }).waitFor();
  assert.deepEqual((await tableText(page)).find((r) => r[0] === "Bergen"), ["Bergen", "203", "57 %", "9 %", "34 %"]);
  // Gender: men and women for each place.
  await w.locator("[role=tab][data-view=gender]").click();
  await w.locator(".is-title").filter({ hasText: "kvinner" }).waitFor();
  assert.ok((await tableText(page))[0].includes("Bergen, kvinner"));
  await w.screenshot({ path: join(SCREENSHOTS, "compare-gender.png") });
  // Take Bergen out by keyboard: its chip's button, Enter; the focus stays in the picker.
  await w.locator(".is-chips button").first().focus();
  await page.keyboard.press("Enter");
  await drawnWith(page, "5001");
  assert.equal(await picker.evaluate((el) => el.getRootNode().activeElement === el), true);
  // Back: the hash gives Bergen back.
  await page.goBack();
  await drawnWith(page, "4601 5001");
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test("by mouse on a phone, with a notice for what is not a place", async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(fileUrl("tests/pages/compare.html"));
  const w = page.locator("intro-status");
  await w.locator(".is-title").filter({ hasText: "Vinje" }).waitFor();
  assert.equal(await w.locator(".is-message").textContent(), "No municipality, district or county «9999» to compare with.");
  assert.deepEqual(await w.locator(".is-chips li").allTextContents(), ["Rogaland×"]);
  await w.locator(".is-compare > button").first().click();
  await w.locator("input[id$=-compare]").fill("berg");
  await w.locator("[role=option][data-value='4601']").click();
  await page.waitForFunction(() => document.querySelector("intro-status").getAttribute("compare") === "11 4601");
  await w.locator(".is-chips li").nth(1).waitFor();
  assert.match(await w.locator(".is-summary").textContent(), /For comparison, for those who finished in 2013: Rogaland 72 per cent, Bergen 57 per cent/);
  await w.screenshot({ path: join(SCREENSHOTS, "compare-phone.png") });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the neighbours in one press, named in a note with the map's source", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html") + "#kommune=4036");
  const w = page.locator("intro-status");
  await w.locator(".is-title").filter({ hasText: "Vinje" }).waitFor();
  const button = w.locator(".is-compare > button").nth(1);
  assert.equal(await button.textContent(), "Nabokommuner");
  await button.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => (document.querySelector("intro-status").getAttribute("compare") || "").split(" ").length === 6);
  await w.locator(".is-chips li").nth(5).waitFor();
  assert.match(await w.locator(".is-notes").textContent(), /Nabokommuner til Vinje: Suldal, Nore og Uvdal, Seljord, Tinn, Tokke, Bykle og Ullensvang \(felles landegrense på Kartverkets kommunekart fra 2024, © Kartverket, CC BY 4\.0\)\./);
  assert.equal(await button.isVisible(), false, "the group shown: its button goes");
  await w.screenshot({ path: join(SCREENSHOTS, "compare-neighbours.png") });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});
