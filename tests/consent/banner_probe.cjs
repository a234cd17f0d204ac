// Drives the real consent managers in Chromium on a local test site and reports what it saw, as
// JSON on standard output. Used by tests/test_consent_browser.py; one call runs every case.
//
//   node tests/consent/banner_probe.cjs CASES.json
//
// CASES.json: [{"manager": "cookieconsent" | "klaro", "url": "http://127.0.0.1:PORT/page.html",
//               "category": "analytics", "cookies": ["_hjSession_1", ...]}, ...]
// where "cookies" are the cookies the page's analytics test script sets when it runs.
// For each case it reports: the banner's categories and services as the library shows them,
// whether strictly necessary can be switched off, the cookie table's rows, and what happens to
// the test script and its cookies when the visitor declines, accepts and then withdraws.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require(path.join(__dirname, '..', 'audit', 'node_modules', 'playwright-core'));

const CHROMIUM = process.env.AUDIT_CHROMIUM || '/usr/bin/chromium';
const WAIT = 10000;

// Where each library puts things (vanilla-cookieconsent 3.1.0, Klaro 0.7.22).
const UI = {
  cookieconsent: {
    banner: '#cc-main .cm',
    preferences: '#cc-main .pm',
    accept: '#cc-main .cm [data-role="all"]',
    decline: '#cc-main .cm [data-role="necessary"]',
    save: '#cc-main .pm [data-role="save"]',
  },
  klaro: {
    banner: '.klaro .cookie-notice',
    preferences: '.klaro .cookie-modal',
    accept: '.klaro .cookie-notice .cm-btn-success',
    decline: '.klaro .cookie-notice .cn-decline',
    save: '.klaro .cookie-modal .cm-btn-accept',
  },
};

async function structure(page, manager) {
  if (manager === 'cookieconsent') {
    return page.evaluate(() => {
      const text = (el) => (el ? el.textContent.trim() : '');
      return [...document.querySelectorAll('#cc-main .pm__section--toggle')].map((section) => {
        const toggle = section.querySelector('input.section__toggle:not([data-category])');
        const head = [...section.querySelectorAll('thead th')].map(text);
        return {
          id: toggle.value,
          title: text(section.querySelector('.pm__section-title')).replace(/\d+ \S+$/, '').trim(),
          disabled: toggle.disabled,
          checked: toggle.checked,
          services: [...section.querySelectorAll('input.section__toggle[data-category]')]
            .map((i) => ({ id: i.value, label: text(i.closest('label').querySelector('.toggle__label')),
                           disabled: i.disabled })),
          headers: head,
          rows: [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text)),
        };
      });
    });
  }
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.trim() : '');
    return [...document.querySelectorAll('.klaro .cookie-modal li.cm-purpose')].map((item) => {
      const toggle = item.querySelector('input[id^="purpose-item-"]');
      return {
        id: toggle.id.replace('purpose-item-', ''),
        title: text(item.querySelector('.cm-list-title')),
        disabled: toggle.disabled,
        checked: toggle.checked,
        services: [...item.querySelectorAll('li.cm-service')].map((li) => {
          const input = li.querySelector('input');
          const id = input.id.replace('service-item-', '');
          return { id, label: text(li.querySelector('.cm-list-title')), disabled: input.disabled,
                   description: text(li.querySelector(`#service-item-${id}-description .cm-list-description`)) };
        }),
      };
    });
  });
}

async function state(page, context, category) {
  const ran = await page.evaluate(() => window.analyticsRan || 0);
  const cookies = (await context.cookies()).map((c) => c.name).sort();
  return { ran, cookies };
}

async function fresh(browser, c) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  await page.goto(c.url);
  await page.waitForSelector(UI[c.manager].banner, { state: 'visible', timeout: WAIT });
  return { context, page, errors };
}

async function openSettingsFromNotice(page, ui) {
  // The notice's own "Cookie settings" link (in the built fragment), not the banner's button.
  await page.click('main [data-cc="show-preferencesModal"]');
  await page.waitForSelector(ui.preferences, { state: 'visible', timeout: WAIT });
}

async function runCase(browser, c) {
  const ui = UI[c.manager];
  const out = { manager: c.manager, url: c.url, errors: [] };

  // 1. First visit: the banner, nothing ran, the notice's link opens the preferences.
  let { context, page, errors } = await fresh(browser, c);
  out.banner = await page.locator(ui.banner).innerText();
  out.before = await state(page, context);
  await openSettingsFromNotice(page, ui);
  out.settingsLinkOpens = true;
  if (c.manager === 'klaro') {  // the services are folded: unfold them
    for (const caret of await page.locator('.klaro .cm-caret a').all()) await caret.click();
  } else {
    for (const title of await page.locator('#cc-main .pm__section-title').all()) await title.click();
  }
  out.categories = await structure(page, c.manager);
  // Try to switch strictly necessary off, as a visitor would: click its switch.
  const necessary = c.manager === 'klaro' ? 'label[for="purpose-item-necessary"]'
    : '#cc-main .pm__section--toggle input.section__toggle[value="necessary"]:not([data-category])';
  await page.click(necessary, { force: true });
  out.necessaryAfterClick = await page.evaluate((sel) => {
    const input = document.querySelector(sel);
    return input ? input.checked : null;
  }, c.manager === 'klaro' ? '#purpose-item-necessary' : necessary);
  out.errors.push(...errors);
  await context.close();

  // 2. Declining: the analytics script does not run, now or after a reload.
  ({ context, page, errors } = await fresh(browser, c));
  await page.click(ui.decline);
  await page.waitForTimeout(300);
  out.declined = await state(page, context);
  await page.reload();
  await page.waitForTimeout(500);
  out.declinedReloaded = await state(page, context);
  out.declinedBannerAfterReload = await page.locator(ui.banner).isVisible();
  out.errors.push(...errors);
  await context.close();

  // 3. Accepting runs it; 4. withdrawing from the notice's link clears its cookies.
  ({ context, page, errors } = await fresh(browser, c));
  await page.click(ui.accept);
  await page.waitForFunction(() => (window.analyticsRan || 0) > 0, null, { timeout: WAIT })
    .catch(() => {});
  out.accepted = await state(page, context);
  await openSettingsFromNotice(page, ui);
  if (c.manager === 'klaro') {
    await page.click(`label[for="purpose-item-${c.category}"]`);
  } else {
    await page.click(`#cc-main .pm__section--toggle input.section__toggle[value="${c.category}"]:not([data-category])`,
                     { force: true });
  }
  await page.click(ui.save);
  await page.waitForTimeout(500);
  out.withdrawn = await state(page, context);
  out.errors.push(...errors);
  await context.close();
  return out;
}

(async () => {
  const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  // Without this flag navigator.webdriver is true, and vanilla-cookieconsent's hideFromBots
  // (on by default, as the generated configuration leaves it) hides the banner from a robot.
  const browser = await chromium.launch({ executablePath: CHROMIUM,
                                          args: ['--disable-blink-features=AutomationControlled'] });
  const results = [];
  try {
    for (const c of cases) {
      try {
        results.push(await runCase(browser, c));
      } catch (e) {
        results.push({ manager: c.manager, url: c.url, failure: String(e && e.stack || e) });
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
})().catch((e) => { console.error(e); process.exit(2); });
