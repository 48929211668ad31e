// Shared set-up for the browser tests: headless Debian Chromium through playwright-core.
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, normalize, extname, sep } from "node:path";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SCREENSHOTS = join(ROOT, "target", "screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });

// The browser tests' build (TEST_HOOKS on, the core's `test-hooks` feature), written by `cargo
// xtask test`: only the tests that need a hook load it (tests/pages/test-hooks.html).
export const TEST_BUILD = "target/test-dist/intro-status.js";

export function fileUrl(relative) {
  return pathToFileURL(join(ROOT, relative)).href;
}

// A fresh browser with a fresh profile, started the way this project's CI starts Chromium;
// `args`: more command-line switches (e.g. `--js-flags=--expose-gc`).
export async function launch({ args = [] } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), "intro-status-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...args,
    ],
    viewport: { width: 900, height: 1100 },
    deviceScaleFactor: 2,
  });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}

// Opens a page and collects everything that went wrong on it.
export async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}

// Counts the canvas's pixels that are not background, and those in a given colour.
export async function canvasInk(page, selector, rgb) {
  return page.locator(selector).evaluate((canvas, rgb) => {
    const ctx = canvas.getContext("2d");
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    let colour = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245)) ink++;
      if (Math.abs(data[i] - rgb[0]) < 8 && Math.abs(data[i + 1] - rgb[1]) < 8 && Math.abs(data[i + 2] - rgb[2]) < 8) colour++;
    }
    return { ink, colour, width: canvas.width, height: canvas.height };
  }, rgb);
}

// The widget's table as text, header row first.
export async function tableText(page, host = "intro-status") {
  return page.locator(`${host} table tr`).evaluateAll((rows) =>
    rows.map((r) => Array.from(r.children, (c) => c.textContent.replace(/\u00a0/g, " ")))
  );
}

// Chooses a place in a widget's kommune combobox (`scope`: a locator inside the widget, or the
// widget): types `query`, then clicks the option for `code` among the matches.
export async function pick(scope, query, code) {
  const combo = scope.locator("[role=combobox]");
  await combo.fill(query);
  await scope.locator(`[role=option][data-value="${code}"]`).click();
}

// axe-core's WCAG 2.2 A/AA rules over the page (the widgets' shadow roots included): violations
// as "rule: targets" lines.
export async function axe(page) {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

// Resolves once every `intro-status` on the page has said `intro-status:ready` (after `count`
// readies at least), or rejects after `timeout`.
export async function allReady(page, count, timeout = 10000) {
  await page.waitForFunction((n) => (window.__readyCount || 0) >= n, count, { timeout });
}

// The repository, read-only, over HTTP (listen on 127.0.0.1 and an ephemeral port); `headers`:
// path → extra response headers (a CSP, say).
export function serve(headers = {}) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
  return http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const file = normalize(join(ROOT, path));
    if (path === "/favicon.ico" || !file.startsWith(ROOT + sep)) {
      res.writeHead(path === "/favicon.ico" ? 204 : 403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream", "Cache-Control": "no-store", ...(headers[path] || {}) });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}
