#!/usr/bin/env node
// Loads HTML files in headless Chromium (Debian's /usr/bin/chromium, the flags of lib/axe_run.cjs)
// and, per job, evaluates a script in the page, takes a screenshot and/or prints it to PDF.
//
//   node render_probe.cjs JOB.json
//
// JOB.json: {"pages": [{"file": PATH, "width": 1280, "height": 800, "colorScheme": "light"|"dark",
//             "evaluate": "JS expression (may be async) whose JSON value is returned",
//             "screenshot": PNG_PATH, "fullPage": true, "scrollTo": CSS_SELECTOR, "pdf": PDF_PATH}]}
// "media": "print" shows the page as printed (for screenshots of the print stylesheet).
// "axeRules": ["color-contrast", …] runs axe-core with only those rules and returns
// {violations: [{id, nodes: [{target, summary}]}], incomplete: [same]} as "axe".
// A screenshot is of the whole page unless fullPage is false: then of the viewport, scrolled to
// the element scrollTo names.
// Prints one JSON array on stdout, one object per page, in order: {file, value, screenshot, pdf,
// pdfPages, error}. pdfPages counts the PDF's page objects (A4, the page's print stylesheet, CSS
// page size honoured). Nothing outside file:/localhost is loaded. Exit 3 on a fatal error.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const AXE_PATH = require.resolve('axe-core/axe.min.js');
const { CHROMIUM, CHROMIUM_ARGS } = require('./lib/chromium.cjs');

function isLocal(u) {
  try {
    const url = new URL(u);
    if (['file:', 'data:', 'blob:', 'about:'].includes(url.protocol)) return true;
    return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch (e) { return false; }
}

// A PDF's pages: each page object is "/Type /Page" (the page tree is "/Type /Pages").
function countPages(buffer) {
  const text = buffer.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

async function run(browser, job) {
  const out = { file: job.file, value: null, axe: null, screenshot: null, pdf: null, pdfPages: null, error: null };
  const ctx = await browser.newContext({
    viewport: { width: job.width || 1280, height: job.height || 800 }, deviceScaleFactor: 1,
    colorScheme: job.colorScheme || 'light', locale: 'en-US', reducedMotion: 'reduce',
    isMobile: (job.width || 1280) < 600,
  });
  await ctx.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  try {
    const page = await ctx.newPage();
    if (job.media) await page.emulateMedia({ media: job.media });
    await page.goto(pathToFileURL(path.resolve(job.file)).href, { waitUntil: 'load', timeout: 30000 });
    if (job.evaluate) out.value = await page.evaluate(job.evaluate);
    if (job.axeRules) {
      await page.addScriptTag({ path: AXE_PATH });
      out.axe = await page.evaluate(async (ids) => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { runOnly: { type: 'rule', values: ids } });
        const brief = (list) => list.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({
          target: n.target.join(' '), summary: (n.failureSummary || '').split('\n').slice(0, 3).join(' '),
          data: n.any && n.any[0] ? n.any[0].data : null })) }));
        return { violations: brief(r.violations), incomplete: brief(r.incomplete), passes: r.passes.map((v) => ({ id: v.id, nodes: v.nodes.length })) };
      }, job.axeRules);
    }
    if (job.screenshot) {
      fs.mkdirSync(path.dirname(job.screenshot), { recursive: true });
      if (job.scrollTo) await page.locator(job.scrollTo).first().evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: job.screenshot, fullPage: job.fullPage !== false });
      out.screenshot = job.screenshot;
    }
    if (job.pdf) {
      fs.mkdirSync(path.dirname(job.pdf), { recursive: true });
      await page.emulateMedia({ media: 'print' });
      const data = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      fs.writeFileSync(job.pdf, data);
      out.pdf = job.pdf;
      out.pdfPages = countPages(data);
    }
  } catch (e) {
    out.error = String(e && e.stack || e);
  } finally {
    await ctx.close();
  }
  return out;
}

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60000 });
  const results = [];
  try {
    for (const p of job.pages) results.push(await run(browser, p));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ fatal: String(e && e.stack || e) }));
  process.exit(3);
});
