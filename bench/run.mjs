// `cargo xtask bench`'s browser half: one headless Debian Chromium, the pages in target/bench/
// served from 127.0.0.1 (by the xtask), samples written as JSON for the xtask to summarise.
//
//   node bench/run.mjs http://127.0.0.1:PORT/ target/bench/samples.json
//
// Every page load is fresh: a new browser context, and the server says `no-store`, so nothing is
// cached. Ours and the reference take turns, so drift on the machine hits both alike.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

const [base, out] = process.argv.slice(2);
if (!base || !out) throw new Error("usage: node bench/run.mjs BASE_URL OUT.json");
const plan = JSON.parse(readFileSync("target/bench/plan.json", "utf8"));
const KINDS = ["ours", "reference"];
// The one-chart pages also come as ours with issue 20's static snippet (the chart drawn in the
// HTML, which the script then takes over), and as the floor: one line of text, no chart (the
// browser's own time to a first paint); loaded in the same turns.
// And ours built on the synthetic full-size table (issue 21), `target/full-size/`.
const FIRST_KINDS = [...KINDS, "static", "floor", "full"];
const WARMUP = 2; // unmeasured loads of each page first
const LOADS = 20; // measured loads of each one-chart page
const MANY_LOADS = 10; // measured loads of each 20-chart page
const WARMUP_SWITCHES = 10;
const TIMEOUT = 30_000;

// A fresh profile (Playwright's temporary user-data-dir), started the way the browser tests start it.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

const samples = Object.fromEntries(
  FIRST_KINDS.map((k) => [
    k,
    { scripts: [], first_drawn: [], first_painted: [], nav_drawn: [], nav_painted: [], fcp: [], cls: [], switch_drawn: [], switch_painted: [], many_drawn: [], many_painted: [], many_all: [], heap_used: [], heap_buffers: [] },
  ])
);

// Loads a page in a fresh context until its charts are drawn and the next frame is out.
// `measure(page, context)` runs before the context closes; its result is returned beside the timing.
async function load(path, measure) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1100 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
  page.on("request", (r) => /^(data:|blob:)/.test(r.url()) || r.url().startsWith(base) || problems.push(`request off 127.0.0.1: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  const scripts = [];
  page.on("response", (r) => r.request().resourceType() === "script" && scripts.push(r));
  try {
    await page.goto(base + path);
    await page.waitForFunction(() => BENCH.painted !== null && BENCH.allDrawn !== null, null, { timeout: TIMEOUT });
    // `t0` is after navigation; the first contentful paint and the layout shifts are the page's.
    const timing = await page.evaluate(() => ({
      drawn: BENCH.drawn,
      painted: BENCH.painted,
      allDrawn: BENCH.allDrawn,
      events: BENCH.events,
      t0: BENCH.t0,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      cls: BENCH.cls,
    }));
    const extra = measure ? await measure(page, context, scripts) : {};
    if (problems.length) throw new Error(`${path}: ${problems.join("; ")}`);
    return { timing, ...extra };
  } finally {
    await context.close();
  }
}

// The JS heap after load, after a full garbage collection; `backingStorageSize` is what
// ArrayBuffers hold outside it (the wasm memory among them).
async function heap(page, context) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  return { heap: await cdp.send("Runtime.getHeapUsage") };
}

// Bytes of each script the page loaded: raw as served, and compressed by `gzip -9` (GNU gzip, the
// figure the issue quotes; zlib's level 9 comes out a few hundred bytes larger).
async function sizes(responses) {
  const list = [];
  for (const r of responses) {
    const body = await r.body();
    list.push({ url: r.url(), raw: body.length, gzip: execFileSync("gzip", ["-9", "-n", "-c"], { input: body, maxBuffer: 1 << 26 }).length });
  }
  return list;
}

// Kommune switches on a fresh one-chart page; all of them in the page, one after the other.
async function switches(kind) {
  return load(`target/bench/${kind}-1.html`, (page) =>
    page.evaluate(
      async ({ codes, warmup }) => {
        const drawn = [];
        const painted = [];
        for (let i = 0; i < codes.length; i++) {
          const [d, p] = await BENCH.switch(codes[i]);
          if (i >= warmup) {
            drawn.push(d);
            painted.push(p);
          }
        }
        return { drawn, painted };
      },
      { codes: [...plan.switches.slice(0, WARMUP_SWITCHES), ...plan.switches], warmup: WARMUP_SWITCHES }
    )
  );
}

const started = Date.now();
for (let i = 0; i < WARMUP + LOADS; i++) {
  // Turn about who goes first.
  for (const kind of [...FIRST_KINDS.slice(i % FIRST_KINDS.length), ...FIRST_KINDS.slice(0, i % FIRST_KINDS.length)]) {
    const r = await load(`target/bench/${kind}-1.html`, async (page, context, scripts) => ({
      ...(await heap(page, context)),
      scripts: i === 0 ? await sizes(scripts) : null,
    }));
    const s = samples[kind];
    if (i === 0) s.scripts = r.scripts;
    if (i < WARMUP) continue;
    s.first_drawn.push(r.timing.drawn);
    s.first_painted.push(r.timing.painted);
    s.nav_drawn.push(r.timing.t0 + r.timing.drawn);
    s.nav_painted.push(r.timing.t0 + r.timing.painted);
    s.fcp.push(r.timing.fcp);
    s.cls.push(r.timing.cls);
    s.heap_used.push(r.heap.usedSize);
    s.heap_buffers.push(r.heap.backingStorageSize ?? NaN);
  }
}
for (let i = 0; i < WARMUP + MANY_LOADS; i++) {
  for (const kind of i % 2 ? [...KINDS].reverse() : KINDS) {
    const r = await load(`target/bench/${kind}-20.html`);
    if (i < WARMUP) continue;
    samples[kind].many_drawn.push(r.timing.drawn);
    samples[kind].many_painted.push(r.timing.painted);
    samples[kind].many_all.push(r.timing.allDrawn);
  }
}
for (const kind of KINDS) {
  const r = await switches(kind);
  samples[kind].switch_drawn = r.drawn;
  samples[kind].switch_painted = r.painted;
}

// Issue 19: view switches on our one-chart page, to the map and back to the goal chart, in turns.
const views = await load(`target/bench/ours-1.html`, (page) =>
  page.evaluate(async (n) => {
    const el = document.querySelector("intro-status");
    const to = (view) =>
      new Promise((resolve) => {
        let t0;
        const on = () => {
          document.removeEventListener(BENCH.event, on);
          void document.body.offsetHeight;
          resolve(performance.now() - t0);
        };
        document.addEventListener(BENCH.event, on);
        t0 = performance.now();
        el.setAttribute("view", view);
      });
    const out = { map: [], goal: [] };
    for (let i = 0; i < n; i++) {
      const [m, g] = [await to("map"), await to("goal")];
      if (i >= 3) out.map.push(m), out.goal.push(g);
    }
    return out;
  }, 3 + 20)
);
samples.ours.view_map = views.map;
samples.ours.view_goal = views.goal;

const chromiumVersion = browser.version();
await browser.close();

writeFileSync(
  out,
  JSON.stringify({
    date: new Date().toISOString().slice(0, 10),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    chromium: `Chromium ${chromiumVersion}`,
    chartjs: JSON.parse(readFileSync("node_modules/chart.js/package.json", "utf8")).version,
    ...samples,
  })
);
console.error(`bench: browser run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
