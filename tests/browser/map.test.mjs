// The map (issue 19): every kommune of today on the canvas, picked by a click, a tap or the
// keyboard (the arrow keys through the kommuner, Enter opens one); the URL hash follows; axe-core
// clean; screenshots on the desktop and on a 360 px phone, light, dark and forced colours.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, fileUrl, axe, tableText, SCREENSHOTS } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

// The widget of `page` once its map for `kommune` is drawn.
async function widget(page, kommune) {
  await page.waitForFunction((k) => {
    const el = document.querySelector("intro-status");
    const title = el && el.shadowRoot && el.shadowRoot.querySelector(".is-title");
    return el.getAttribute("kommune") === k && title && / (på kartet|on the map)/.test(title.textContent) && el._widget.points.length > 300;
  }, kommune);
  await page.waitForTimeout(100);
  return page.locator("intro-status");
}
const text = (s) => s.replace(/\u00a0/g, " ");
const tip = async (w) => ((await w.locator(".is-tip").isVisible()) ? text(await w.locator(".is-tip").textContent()) : null);
// Where the shell has a kommune's point, in the canvas's CSS pixels.
const pointOf = (page, code) => page.evaluate((c) => document.querySelector("intro-status")._widget.points.find((p) => p.pick === c), code);

test("a click on a kommune opens its map; the keyboard goes through the kommuner and Enter opens one", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html") + "#kommune=4601&view=map");
  const w = await widget(page, "4601");
  assert.equal(text(await w.locator(".is-title").textContent()), "Bergen og de andre kommunene på kartet, 2011–2013");
  assert.match(text(await w.locator(".is-summary").textContent()), /^I Bergen var 57,8 prosent \(355 av 614\) i arbeid eller utdanning ett år etter/);
  // Every one of today's 357 kommuner is a point; the table lists them all.
  assert.equal(await page.evaluate(() => new Set(document.querySelector("intro-status")._widget.points.map((p) => p.pick)).size), 357);
  // The table of every kommune comes when it is shown (its 357 rows are not built while hidden).
  await w.locator("button[aria-controls$=-table]").click();
  const rows = await tableText(page);
  assert.equal(rows.length, 358);
  assert.deepEqual(rows.find((r) => r[0] === "Bergen"), ["Bergen", "Vestland", "2011–2013", "355", "614", "57,8", "50–60 %"]);
  await w.locator("button[aria-controls$=-table]").click();
  // A click where Trondheim is drawn opens Trondheim's map, and the hash follows.
  const canvas = w.locator("canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const trondheim = await pointOf(page, "5001");
  await page.mouse.click(box.x + trondheim.x, box.y + trondheim.y);
  await widget(page, "5001");
  assert.match(location(await page.evaluate(() => location.hash)), /kommune=5001/);
  assert.match(text(await w.locator(".is-summary").textContent()), /^Trondheim - Tråante får ingen farge på kartet/);
  // The keyboard: the chart is one tab stop and starts on the chosen kommune (the click left
  // the focus on the chart; coming to it again shows the chosen kommune).
  await canvas.blur();
  await canvas.focus();
  assert.match(await tip(w), /^Trondheim - Tråante \(Trøndelag - Trööndelage\), samlet 2011–2013: kan ikke summeres\./);
  // Left and right go through the fylke's kommuner, up and down to the next fylke.
  await page.keyboard.press("ArrowDown");
  const down = await tip(w);
  assert.ok(down && !down.startsWith("Trondheim"), down);
  await page.keyboard.press("Home");
  const first = await tip(w);
  await page.keyboard.press("ArrowRight");
  assert.notEqual(await tip(w), first);
  const name = (await tip(w)).split(" (")[0];
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => document.querySelector("intro-status").shadowRoot.querySelector(".is-title").textContent.startsWith(n + " og de andre"), name);
  assert.notEqual(await w.getAttribute("kommune"), "5001");
  await page.screenshot({ path: join(SCREENSHOTS, "map-desktop.png") });
  assert.deepEqual(await axe(page), []);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(300);
  await w.screenshot({ path: join(SCREENSHOTS, "map-desktop-dark.png") });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

function location(hash) {
  return decodeURIComponent(hash);
}

test("the map on a 360 px phone, tapped; dark; forced colours; a bydel and English", async () => {
  const context = await browser.context.browser().newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(fileUrl("dist/index.html") + "#kommune=4036&view=map");
  const w = await widget(page, "4036");
  assert.match(text(await w.locator(".is-summary").textContent()), /^Vinje har for få deltakere til å få en farge på kartet/);
  // The tab row scrolls sideways on a phone; the map's tab, chosen by the hash, is in sight.
  const [tab, row] = [await w.locator("[role=tab][data-view=map]").boundingBox(), await w.locator("[role=tablist]").boundingBox()];
  assert.ok(tab.x >= row.x - 1 && tab.x + tab.width <= row.x + row.width + 1, JSON.stringify({ tab, row }));
  await page.screenshot({ path: join(SCREENSHOTS, "map-phone.png") });
  // A tap on Oslo (in the inset) opens Oslo's map.
  await w.locator("canvas").scrollIntoViewIfNeeded();
  const box = await w.locator("canvas").boundingBox();
  const oslo = await pointOf(page, "0301");
  await page.touchscreen.tap(box.x + oslo.x, box.y + oslo.y);
  await widget(page, "0301");
  assert.match(text(await w.locator(".is-summary").textContent()), /^I Oslo var 59,4 prosent/);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, "map-phone-dark.png") });
  assert.deepEqual(await axe(page), []);
  await page.emulateMedia({ colorScheme: "light", forcedColors: "active" });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, "map-phone-forced-colours.png") });
  await page.emulateMedia({ forcedColors: "none" });
  await page.goto(fileUrl("dist/index.html") + "#kommune=030101&view=map&lang=en");
  await widget(page, "030101");
  assert.match(text(await w.locator(".is-summary").textContent()), /^The map shows municipalities; Gamle Oslo lies in Oslo\. In Oslo, 59[,.]4 per cent/);
  assert.deepEqual(problems, []);
  await context.close();
});
