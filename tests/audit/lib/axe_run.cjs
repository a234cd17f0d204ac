#!/usr/bin/env node
// axe-core in headless Chromium (Debian's /usr/bin/chromium) via playwright-core.
// Called by ../audit: argv[2] is a JSON job
//   {"pages":[{"key":..,"url":..,"shotBase":..|null,"enableRules":[..],"disableRules":[..]}],
//    "screenshotDir": DIR|null, "navTimeoutMs": N}
// Prints one JSON object on stdout: {"env":{..}, "results":{key: {...}}}.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const AXE_PATH = require.resolve('axe-core/axe.min.js');
const CHROMIUM = process.env.AUDIT_CHROMIUM || '/usr/bin/chromium';
// Flags Chromium needs on this closed network (otherwise it hangs on startup
// fetches). Playwright adds a fresh temporary --user-data-dir itself
// (playwright_chromiumdev_profile-*, removed on close) and --remote-debugging-pipe.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Nothing outside the machine resolves: fail fast instead of waiting on DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
};

function isLocal(u) {
  try {
    const url = new URL(u);
    if (['file:', 'data:', 'blob:', 'about:'].includes(url.protocol)) return true;
    return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch (e) { return false; }
}

async function newContext(browser, kind, blocked, failed) {
  const ctx = await browser.newContext({ ...VIEWPORTS[kind], locale: 'en-US', reducedMotion: 'reduce' });
  // Never let the page reach the network; record what it tried (third-party
  // requests on a page are a finding a reviewer wants to see).
  await ctx.route('**/*', (route) => {
    const u = route.request().url();
    if (isLocal(u)) return route.continue();
    blocked.add(u);
    return route.abort('blockedbyclient');
  });
  // Local sub-resources that did not load (a missing stylesheet changes what
  // color-contrast sees; root-relative URLs need --root).
  // axe-core re-reads each stylesheet with an XHR (its CSSOM preload), which file:// pages refuse
  // (net::ERR_FAILED); that is not a resource the page failed to load, so it is not listed when the
  // same URL already loaded. (noticegen change; the shared tool lists it.)
  const loaded = new Set();
  ctx.on('requestfinished', (req) => loaded.add(req.url()));
  ctx.on('requestfailed', (req) => {
    const u = req.url();
    if (['xhr', 'fetch'].includes(req.resourceType()) && loaded.has(u)) return;
    if (isLocal(u) && !u.startsWith('data:') && !failed.has(u)) failed.set(u, (req.failure() || {}).errorText || 'failed');
  });
  ctx.on('response', (res) => {
    if (res.status() >= 400 && isLocal(res.url())) failed.set(res.url(), `HTTP ${res.status()}`);
  });
  return ctx;
}

async function load(page, url, timeout, notes) {
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
  } catch (e) {
    notes.push(`load event not reached (${String(e.message).split('\n')[0]}); auditing what rendered`);
  }
}

async function runAxe(page, enable, disable) {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async ([enable, disable]) => {
    const rules = {};
    for (const id of enable) rules[id] = { enabled: true };
    for (const id of disable) rules[id] = { enabled: false };
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { rules, resultTypes: ['violations', 'incomplete'] });
    return {
      passes: r.passes.length,
      incomplete: r.incomplete.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })),
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        summary: (v.nodes[0] && v.nodes[0].failureSummary || '').split('\n').slice(0, 3).join(' '),
      })),
    };
  }, [enable, disable]);
}

// Merge per-viewport results by rule id, remembering where each was seen.
function merge(into, list, kind) {
  for (const v of list) {
    const have = into.get(v.id);
    if (have) {
      have.viewports.push(kind);
      if (v.nodes > have.nodes) Object.assign(have, { ...v, viewports: have.viewports });
    } else {
      into.set(v.id, { ...v, viewports: [kind] });
    }
  }
}

// axe runs at both widths (some failures, e.g. scrollable-region-focusable,
// only appear on a narrow screen); screenshots are taken from the same loads.
async function auditPage(browser, job, p) {
  const out = { url: p.url, violations: [], incomplete: [], passes: 0, blocked: [], failed: [], screenshots: [], notes: [] };
  const blocked = new Set();
  const failed = new Map();
  const viol = new Map();
  const inc = new Map();
  for (const kind of ['desktop', 'mobile']) {
    const ctx = await newContext(browser, kind, blocked, failed);
    try {
      const page = await ctx.newPage();
      const notes = [];
      await load(page, p.url, job.navTimeoutMs, notes);
      notes.forEach((n) => out.notes.push(`${kind}: ${n}`));
      const res = await runAxe(page, p.enableRules || [], p.disableRules || []);
      out.passes = Math.max(out.passes, res.passes);
      merge(viol, res.violations, kind);
      merge(inc, res.incomplete, kind);
      if (job.screenshotDir && p.shotBase) {
        const f = path.join(job.screenshotDir, `${p.shotBase}-${kind}.png`);
        await page.screenshot({ path: f, fullPage: true });
        out.screenshots.push(f);
      }
    } finally {
      await ctx.close();
    }
  }
  out.violations = [...viol.values()];
  // A rule that fails somewhere is not also "to review".
  out.incomplete = [...inc.values()].filter((v) => !viol.has(v.id));
  out.blocked = [...blocked];
  out.failed = [...failed].map(([u, why]) => `${u} (${why})`);
  return out;
}

async function main() {
  const job = JSON.parse(process.argv[2]);
  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60000,
  });
  const out = { env: { chromium: browser.version(), axe: require('axe-core/package.json').version,
    playwright: require('playwright-core/package.json').version }, results: {} };
  try {
    if (job.screenshotDir) fs.mkdirSync(job.screenshotDir, { recursive: true });
    for (const p of job.pages) {
      try {
        out.results[p.key] = await auditPage(browser, job, p);
      } catch (e) {
        out.results[p.key] = { url: p.url, error: String(e && e.stack || e) };
      }
    }
  } finally {
    await browser.close();
  }
  out.env.seconds = (Date.now() - started) / 1000;
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ fatal: String(e && e.stack || e) }));
  process.exit(3);
});
