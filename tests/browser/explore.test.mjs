// Every point explorable (issue 18): the chart is one tab stop; the arrow keys, Home and End go
// through the points the core's drawing recorded, Escape closes; a mouse and a touch show the
// same tooltip; the focused point is announced. Figures from SSB 10824; axe-core clean with a
// tooltip open; screenshots on a phone, in a sidebar and with forced colours.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, fileUrl, axe, SCREENSHOTS } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

const BERGEN_2013 = "Bergen, avsluttet 2013: 57 prosent (115 av 203); 95 prosent usikkerhetsintervall 49,8–63,3 prosent. Kilde: SSB tabell 10824.";

// The widget of `page` once its chart for `kommune` is drawn.
async function widget(page, kommune) {
  const w = page.locator("intro-status");
  await page.waitForFunction((k) => {
    const el = document.querySelector("intro-status");
    return el.getAttribute("kommune") === k && el.shadowRoot && el.shadowRoot.querySelector(".is-title").textContent;
  }, kommune);
  await page.waitForTimeout(100);
  return w;
}
const text = (s) => s.replace(/\u00a0/g, " ");
const tip = async (w) => ((await w.locator(".is-tip").isVisible()) ? text(await w.locator(".is-tip").textContent()) : null);
const said = async (w) => text(await w.locator(".is-sr[aria-live]").textContent());

test("the chart is one tab stop whose points the keyboard goes through, and says each", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html") + "#kommune=4601");
  const w = await widget(page, "4601");
  const canvas = w.locator("canvas");
  assert.equal(await canvas.getAttribute("tabindex"), "0");
  // Tab from the last tab reaches the chart (one stop), and shows the newest point of the place.
  await w.locator("[role=tab][aria-selected=true]").focus();
  await page.keyboard.press("Tab");
  assert.equal(await canvas.evaluate((c) => c.getRootNode().activeElement === c), true, "Tab reaches the chart");
  assert.equal(await tip(w), BERGEN_2013);
  assert.equal(await said(w), BERGEN_2013);
  await page.keyboard.press("ArrowLeft");
  assert.match(await tip(w), /^Bergen, avsluttet 2012: 60 prosent \(115 av 192\)/);
  await page.keyboard.press("Home");
  assert.match(await tip(w), /^Bergen, avsluttet 2010: /);
  // Up: the nearest point of the line drawn before (the country's), 2010.
  await page.keyboard.press("ArrowUp");
  assert.match(await tip(w), /^Hele landet, avsluttet 2010: /);
  await page.keyboard.press("End");
  assert.equal(await tip(w), "Hele landet, avsluttet 2013: 62 prosent (2 388 av 3 842); 95 prosent usikkerhetsintervall 60,6–63,7 prosent. Kilde: SSB tabell 10824.");
  assert.match(await said(w), /^Hele landet, avsluttet 2013/);
  await page.screenshot({ path: join(SCREENSHOTS, "explore-keyboard.png") });
  assert.deepEqual(await axe(page), []);
  await page.keyboard.press("Escape");
  assert.equal(await tip(w), null);
  // Tab leaves the chart in one step.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Tab");
  assert.equal(await canvas.evaluate((c) => c.getRootNode().activeElement === c), false);
  assert.equal(await tip(w), null, "leaving the chart closes the tooltip");
  assert.deepEqual(problems, []);
});

test("a mouse shows what the keyboard shows, in every view", async () => {
  const { page, problems } = await open(browser.context, fileUrl("dist/index.html") + "#kommune=4601");
  const w = await widget(page, "4601");
  const canvas = w.locator("canvas");
  for (const view of ["goal", "status", "gender", "followup", "uncertainty", "similar", "ranking", "map", "country"]) {
    await w.locator(`[role=tab][data-view=${view}]`).click();
    await page.waitForTimeout(150);
    // The keyboard's first point, and where it is: the ring's centre.
    await canvas.focus();
    const keyboard = await tip(w);
    assert.ok(keyboard && keyboard.length > 20, `${view}: ${keyboard}`);
    const ring = await w.locator(".is-ring").evaluate((r) => [parseFloat(r.style.left), parseFloat(r.style.top)]);
    const box = await canvas.boundingBox();
    const offset = await canvas.evaluate((c) => [c.offsetLeft, c.offsetTop]);
    await page.keyboard.press("Escape");
    await page.mouse.move(box.x + ring[0] - offset[0], box.y + ring[1] - offset[1]);
    assert.equal(await tip(w), keyboard, view);
    await page.mouse.move(box.x + 2, box.y + 2);
    await canvas.blur();
  }
  assert.deepEqual(problems, []);
});

test("a touch on a 360 px phone at DPR 3, a sidebar, English, and forced colours", async () => {
  const context = await browser.context.browser().newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(fileUrl("dist/index.html") + "#kommune=4036&lang=en");
  const w = await widget(page, "4036");
  const canvas = w.locator("canvas");
  await canvas.focus();
  const first = await tip(w);
  assert.match(first, /^Norway, finished 2014: 58 per cent\. Source: norwaytoday\.info\.$|^Vinje, finished 2012/);
  const ring = await w.locator(".is-ring").evaluate((r) => [parseFloat(r.style.left), parseFloat(r.style.top)]);
  const offset = await canvas.evaluate((c) => [c.offsetLeft, c.offsetTop]);
  await canvas.blur();
  const box = await canvas.boundingBox();
  await page.touchscreen.tap(box.x + ring[0] - offset[0], box.y + ring[1] - offset[1]);
  assert.equal(await tip(w), first);
  // The tooltip stays inside the widget on a 360 px phone.
  const tipBox = await w.locator(".is-tip").boundingBox();
  assert.ok(tipBox.x >= 0 && tipBox.x + tipBox.width <= 360, JSON.stringify(tipBox));
  await page.screenshot({ path: join(SCREENSHOTS, "explore-phone.png") });
  await page.emulateMedia({ forcedColors: "active" });
  await page.screenshot({ path: join(SCREENSHOTS, "explore-forced-colours.png") });
  await page.emulateMedia({ forcedColors: "none" });
  await page.setViewportSize({ width: 310, height: 800 });
  await page.waitForTimeout(200);
  await canvas.focus();
  await page.keyboard.press("ArrowLeft");
  await page.screenshot({ path: join(SCREENSHOTS, "explore-sidebar.png") });
  assert.deepEqual(await axe(page), []);
  await context.close();
});
