#!/usr/bin/env node
// Script-execution probe: loads each HTML file in headless Chromium (Debian's /usr/bin/chromium,
// same flags as lib/axe_run.cjs) and records every sign that the page ran code or reached out.
//
//   node script_probe.cjs FILE.html [FILE.html ...]
//
// Prints one JSON array on stdout, one object per file, in order:
//   {file, url, scripts: [{url, startLine, startColumn, length, source}], dialogs: [{type, message}],
//    console: [{type, text}], errors: [string], requests: [{url, resourceType, blocked}],
//    navigations: [string]}
// scripts: every script Chromium's debugger saw parsed in a page (main) world: <script> elements,
//   event-handler attributes as they are compiled, javascript: URLs, eval. Playwright's own
//   utility-world scripts are not page scripts and are left out; the probe evaluates nothing in the page.
// requests: everything except the page itself and stylesheets (*.css) from the page's own folder.
//   Requests outside file:/localhost are blocked (blocked: true) and still listed.
// navigations: main-frame navigations away from the file, and popups.
// An inert page has all lists empty. Exit 0 when every file was probed; 3 on a fatal error
// (then stdout is {"fatal": "..."}).
'use strict';
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const { CHROMIUM, CHROMIUM_ARGS } = require('./lib/chromium.cjs');
const NAV_TIMEOUT_MS = 30000;
// Time after the load event for timers, late error events and dialogs to show up.
const SETTLE_MS = 300;
const PLAYWRIGHT_SOURCE_URL = /__playwright_|__puppeteer_/;

function isLocal(u) {
  try {
    const url = new URL(u);
    if (['file:', 'data:', 'blob:', 'about:'].includes(url.protocol)) return true;
    return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch (e) { return false; }
}

function dirOf(u) {
  const url = new URL(u);
  url.hash = '';
  url.search = '';
  return url.href.slice(0, url.href.lastIndexOf('/') + 1);
}

function stripHash(u) {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
}

async function probe(browser, file) {
  const url = pathToFileURL(path.resolve(file)).href;
  const out = { file, url, scripts: [], dialogs: [], console: [], errors: [], requests: [], navigations: [] };
  const folder = dirOf(url);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  let page = null;
  const navigated = (u) => { if (!out.navigations.includes(u)) out.navigations.push(u); };
  try {
    await ctx.route('**/*', (route) => {
      const u = route.request().url();
      if (isLocal(u)) return route.continue();
      return route.abort('blockedbyclient');
    });
    ctx.on('request', (req) => {
      const u = req.url();
      const mainNav = req.isNavigationRequest() && page && req.frame() === page.mainFrame();
      if (mainNav && stripHash(u) === url) return;
      if (mainNav) navigated(u);
      const rt = req.resourceType();
      if (rt === 'stylesheet' && u.startsWith(folder) && !u.slice(folder.length).includes('/')
          && new URL(u).pathname.endsWith('.css')) return;
      out.requests.push({ url: u, resourceType: rt, blocked: !isLocal(u) });
    });
    ctx.on('page', (p) => { if (page && p !== page) navigated(`popup: ${p.url()}`); });

    page = await ctx.newPage();
    page.on('dialog', (d) => {
      out.dialogs.push({ type: d.type(), message: d.message() });
      d.dismiss().catch(() => {});
    });
    page.on('console', (m) => out.console.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => out.errors.push(String(e && e.message || e)));
    page.on('crash', () => out.errors.push('page crashed'));
    page.on('framenavigated', (f) => {
      // A blocked navigation lands on Chromium's error page; the request above already names the target.
      if (f === page.mainFrame() && stripHash(f.url()) !== url && !f.url().startsWith('chrome-error:')) navigated(f.url());
    });

    // A separate CDP session with the debugger on sees every script the page compiles.
    const cdp = await ctx.newCDPSession(page);
    const pending = [];
    cdp.on('Debugger.scriptParsed', (s) => {
      const aux = s.executionContextAuxData || {};
      if (aux.isDefault === false) return; // Playwright's isolated utility world
      if (PLAYWRIGHT_SOURCE_URL.test(s.url || '')) return;
      if ((s.url || '').startsWith('chrome-error:')) return; // Chromium's own error page (see navigations)
      const rec = { url: s.url, startLine: s.startLine, startColumn: s.startColumn, length: s.length, source: null };
      out.scripts.push(rec);
      pending.push(cdp.send('Debugger.getScriptSource', { scriptId: s.scriptId })
        .then((r) => { rec.source = (r.scriptSource || '').slice(0, 300); })
        .catch(() => {}));
    });
    await cdp.send('Debugger.enable');

    try {
      await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    } catch (e) {
      out.errors.push(`load event not reached: ${String(e.message).split('\n')[0]}`);
    }
    await page.waitForTimeout(SETTLE_MS);
    await Promise.all(pending);
    await cdp.detach().catch(() => {});
  } finally {
    await ctx.close();
  }
  return out;
}

async function main() {
  const files = process.argv.slice(2);
  if (!files.length) {
    process.stderr.write('usage: node script_probe.cjs FILE.html [FILE.html ...]\n');
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60000,
  });
  const results = [];
  try {
    for (const f of files) results.push(await probe(browser, f));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ fatal: String(e && e.stack || e) }));
  process.exit(3);
});
