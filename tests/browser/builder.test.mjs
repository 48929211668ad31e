// Issue 20 in headless Chromium: the builder page (dist/embed.html) by keyboard alone, and its
// static snippet pasted into fresh pages, with and without the script, from file:// and http:
// the chart is there before (and without) the script, and the widget takes it over in place.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serve, fileUrl, axe, ROOT, SCREENSHOTS } from "./helpers.mjs";

let browser;
let server;
let base;
// What the builder made, for the pages below: the static snippet, its script line apart.
let made = null;
const PAGES = join(ROOT, "target", "builder-pages");

before(async () => {
  browser = await launch();
  server = serve();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  mkdirSync(PAGES, { recursive: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
});

// Presses Tab until `selector` has the focus (keyboard alone), at most 40 times.
async function tabTo(page, selector) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${selector}`);
}

test("an editor builds the static snippet for Vinje's status view by keyboard alone, and copies it", async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(fileUrl("dist/embed.html"));
  await page.waitForFunction(() => document.getElementById("out-static").value.includes('kommune="0301"'));
  await tabTo(page, "#kommune");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("4036");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "view");
  await page.keyboard.press("ArrowDown"); // the second view: status
  await tabTo(page, 'input[name=controls][value=""]');
  await page.keyboard.press("ArrowRight"); // "Bare visning"
  await page.keyboard.press("ArrowRight"); // "Ingen"
  await page.waitForFunction(() => document.getElementById("out-static").value.includes('controls="none"'));
  const out = await page.evaluate(() => Object.fromEntries(["element", "script", "iframe", "static"].map((k) => [k, document.getElementById("out-" + k).value])));
  assert.match(out.element, /^<intro-status kommune="4036" view="status" lang="nb" controls="none"><\/intro-status>\n<script src="\/assets\/intro-status.js" integrity="sha384-[A-Za-z0-9+\/=]{64}"><\/script>/);
  assert.match(out.script, /data-kommune="4036" data-view="status"/);
  assert.match(out.iframe, /frame.html\?kommune=4036&amp;view=status&amp;lang=nb&amp;controls=none" title="Introduksjonsprogrammet: Vinje"/);
  assert.match(out.static, /^<intro-status kommune="4036" view="status" lang="nb" controls="none" style="display:block;margin:1em 0"><div class="is-static"/);
  assert.match(out.static, /Vinje: status ett år etter, avsluttet 2013/);
  // The preview shows what the snippet will: Vinje's status view, without controls.
  const shown = await page.evaluate(() => {
    const root = document.getElementById("preview").shadowRoot;
    return [root.querySelector(".is-title").textContent, root.querySelector(".is-controls").hidden || root.querySelector(".is-field").hidden];
  });
  assert.deepEqual(shown, ["Vinje: status ett år etter, avsluttet 2013", true]);
  await tabTo(page, '[data-copy="out-static"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("copied").textContent !== "");
  assert.equal(await page.textContent("#copied"), "Kopiert.");
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(SCREENSHOTS, "builder-desktop.png"), fullPage: true });
  assert.deepEqual(problems, []);
  made = { static: out.static.replace(/\n<script[^\n]*<\/script>\n$/, "\n"), script: out.static.match(/<script src="[^"]*" integrity="([^"]*)"><\/script>/) };
  assert.ok(made.script, "the static snippet loads the script with its integrity");
  await page.close();
});

test("places to compare with, typed or picked in the preview, go into every snippet", async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(fileUrl("dist/embed.html"));
  await page.waitForFunction(() => document.getElementById("out-element").value.includes('kommune="0301"'));
  await tabTo(page, "#compare");
  await page.keyboard.type("4601 9999 5030");
  await page.keyboard.press("Tab");
  // Klæbu (5030) lives on in Trondheim (5001); 9999 is no place, and is left out.
  await page.waitForFunction(() => document.getElementById("out-element").value.includes('compare="4601 5001"'));
  const out = await page.evaluate(() => ["element", "iframe", "static"].map((k) => document.getElementById("out-" + k).value));
  assert.match(out[0], /^<intro-status kommune="0301" view="goal" lang="nb" compare="4601 5001"><\/intro-status>/);
  assert.match(out[1], /compare=4601%205001/);
  assert.match(out[2], /Til sammenligning, for dem som avsluttet i 2013: Bergen 57 prosent/);
  // Picked in the preview's own picker: the form follows.
  const preview = page.locator("#preview");
  await preview.locator(".is-chips button").first().click();
  await page.waitForFunction(() => document.getElementById("compare").value === "5001");
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the builder speaks nynorsk and English too", async () => {
  const page = await browser.context.newPage();
  for (const [file, lang, title, copy] of [["dist/embed-nn.html", "nn", "Lag kode for nettsida di", "Kopier"], ["dist/embed-en.html", "en", "Make the code for your web page", "Copy"]]) {
    await page.goto(fileUrl(file));
    await page.waitForFunction(() => document.getElementById("out-static").value.length > 0);
    assert.equal(await page.getAttribute("html", "lang"), lang);
    assert.equal(await page.textContent("h1"), title);
    assert.match(await page.textContent("[data-copy]"), new RegExp("^" + copy));
    assert.match(await page.inputValue("#out-static"), new RegExp(`lang="${lang}"`));
  }
  await page.close();
});

// A fresh page with the snippet between two paragraphs; `script`: the script line, or none.
function pasted(name, script) {
  const html = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Limt inn</title>
<script>window.shifts = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => shifts.push(e.value))).observe({ type: "layout-shift", buffered: true });</script></head>
<body style="font-family: Georgia, serif; max-width: 760px; margin: 0 auto; padding: 8px"><main><h1>Introduksjonsprogrammet i Vinje</h1><p>Tekst før figuren.</p>
${made.static}<p id="after">Tekst etter figuren.</p>
<script>window.before = { svg: document.querySelector(".is-static svg").getBoundingClientRect().toJSON(), after: document.getElementById("after").getBoundingClientRect().top };</script>
${script || ""}</main></body></html>`;
  writeFileSync(join(PAGES, name), html);
  return `target/builder-pages/${name}`;
}

test("the static snippet alone shows the chart, its words and its table, from file:// and http", async () => {
  assert.ok(made, "the builder test made a snippet");
  const path = pasted("static-only.html", "");
  const page = await browser.context.newPage();
  for (const url of [fileUrl(path), `${base}/${path}`]) {
    await page.goto(url);
    const seen = await page.evaluate(() => {
      const svg = document.querySelector("intro-status .is-static svg");
      return { width: svg.getBoundingClientRect().width, texts: svg.querySelectorAll("text").length, upgraded: !!document.querySelector("intro-status").shadowRoot,
        heading: document.querySelector(".is-static [role=heading]").textContent, rows: document.querySelectorAll(".is-static tbody tr").length };
    });
    assert.ok(seen.width >= 300 && seen.texts > 10, JSON.stringify(seen));
    assert.equal(seen.upgraded, false);
    assert.equal(seen.heading, "Vinje: status ett år etter, avsluttet 2013");
    assert.ok(seen.rows >= 3, "Vinje, Telemark and the country in the table");
    assert.deepEqual(await axe(page), []);
  }
  await page.screenshot({ path: join(SCREENSHOTS, "static-snippet-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(SCREENSHOTS, "static-snippet-phone.png"), fullPage: true });
  await page.close();
});

test("with the script, the widget takes the static chart over in its box: nothing below moves (file:// and http with integrity)", async () => {
  assert.ok(made, "the builder test made a snippet");
  // From disk, the script without integrity (a file has no origin to check it against); over
  // http, the snippet's own line with this build's integrity.
  const file = pasted("takeover-file.html", `<script src="../../dist/intro-status.js"></script>`);
  const served = pasted("takeover-http.html", `<script src="/dist/intro-status.js" integrity="${made.script[1]}"></script>`);
  const page = await browser.context.newPage();
  for (const [url, width] of [[fileUrl(file), 900], [`${base}/${served}`, 900], [`${base}/${served}`, 360], [fileUrl(file), 310]]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url);
    await page.waitForFunction(() => {
      const root = document.querySelector("intro-status").shadowRoot;
      return root && root.querySelector("canvas").width > 0 && !root.querySelector(".is-fallback.is-show");
    });
    const after = await page.evaluate(() => ({
      canvas: document.querySelector("intro-status").shadowRoot.querySelector("canvas").getBoundingClientRect().toJSON(),
      after: document.getElementById("after").getBoundingClientRect().top, before: window.before, shifts: window.shifts,
    }));
    // Within a pixel: sub-pixel rounding of the box's height, below what the browser counts as a shift.
    assert.ok(Math.abs(after.after - after.before.after) < 1, `${url} at ${width}: the text after the widget moved from ${after.before.after} to ${after.after}`);
    assert.deepEqual(after.shifts, [], `${url} at ${width}: layout shifts`);
    // The chart where the static one stood, at its height (its width at most the live figure's).
    for (const k of ["left", "top", "height"]) assert.ok(Math.abs(after.canvas[k] - after.before.svg[k]) <= 1, `${url} at ${width}: canvas ${k} ${after.canvas[k]}, static chart ${after.before.svg[k]}`);
    assert.ok(after.canvas.width <= after.before.svg.width + 0.5 && after.canvas.width >= after.before.svg.width - 20, `${url} at ${width}: canvas width ${after.canvas.width}`);
    assert.deepEqual(await axe(page), [], `${url} at ${width}`);
    if (width === 360) await page.screenshot({ path: join(SCREENSHOTS, "takeover-phone.png"), fullPage: true });
  }
  await page.close();
});
