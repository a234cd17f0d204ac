#!/usr/bin/env node
// A page of `noticegen preview` open in headless Chromium (the flags of lib/chromium.cjs) while
// the notice is saved: how long after each save the browser has the new page.
//
//   node preview_probe.cjs JOB.json
//
// JOB.json: {"url": "http://127.0.0.1:PORT/", "notice": PATH, "anchor": TEXT,
//            "replacement": TEXT with {i}, "shown": TEXT with {i}, "saves": N, "warmup": N}
// Each save writes the notice with `anchor` replaced by `replacement` ({i}: the save's number)
// and waits until the page, reloaded by its own script, has loaded with `shown`; the time is
// from just before the write to the page's DOMContentLoaded with the text. A page loaded
// without it (a build of the file read half written) is waited out. The first `warmup` saves
// are not counted. Prints one JSON array on stdout: the milliseconds of each counted save.
// Exit 3 on a fatal error (then stdout is {"fatal": …}).
'use strict';
const fs = require('fs');
const { chromium } = require('playwright-core');

const { CHROMIUM, CHROMIUM_ARGS } = require('./lib/chromium.cjs');

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const text = fs.readFileSync(job.notice, 'utf8');
  if (!text.includes(job.anchor)) throw new Error(`the notice does not contain ${job.anchor}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60000 });
  const times = [];
  try {
    const page = await browser.newPage();
    await page.goto(job.url, { waitUntil: 'load', timeout: 30000 });
    await page.waitForTimeout(300); // the page's event stream is open long before a save
    for (let i = 0; i < job.warmup + job.saves; i += 1) {
      const marker = job.shown.replace('{i}', String(i));
      const started = process.hrtime.bigint();
      fs.writeFileSync(job.notice, text.replace(job.anchor, job.replacement.replace('{i}', String(i))));
      for (;;) {
        await page.waitForEvent('domcontentloaded', { timeout: 30000 });
        const loaded = process.hrtime.bigint();
        const body = await page.evaluate(() => document.body ? document.body.innerText : '');
        if (body.includes(marker)) {
          if (i >= job.warmup) times.push(Number(loaded - started) / 1e6);
          break;
        }
      }
      await page.waitForTimeout(200); // the other formats are made, as a person reads
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(times));
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ fatal: String(e && e.stack || e) }));
  process.exit(3);
});
