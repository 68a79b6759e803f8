// The read side as a visitor of the demo walks it, in each language: from the home page down the
// chain commission → session → agreement → plan → item → lead organisation → person → party, by
// clicking links. Every page: right status, <html lang dir>, visual direction, no sideways scroll on
// a 360 px phone, no serious/critical axe finding, and a screenshot in artifacts/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  launchBrowser, newContext, checkA11y, screenshot, horizontalOverflow, DESKTOP, PHONE,
} from './lib/browser.mjs';

const LANGS = ['ar', 'fr', 'en'];
const DIR = { ar: 'rtl', fr: 'ltr', en: 'ltr' };

let server;
let browser;

before(async () => {
  server = await startServer({ demo: true, name: 'read_side-server' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Remembers the status of the last main-frame document the page loaded. */
function trackStatus(page) {
  const state = { status: null, url: null, failed: [] };
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) {
      state.status = r.status();
      state.url = r.url();
    } else if (r.status() >= 400) {
      state.failed.push(`${r.status()} ${r.url()}`);
    }
  });
  page.on('requestfailed', (r) => state.failed.push(`failed ${r.url()}`));
  page.on('pageerror', (e) => state.failed.push(`script error ${e.message}`));
  return state;
}

/** The checks every page gets; `expectStatus` is 200 for the walk, 404 for the error page. */
async function checkPage(t, page, state, lang, label, { expectStatus = 200 } = {}) {
  const name = `${lang}-${label}`;
  assert.equal(state.status, expectStatus, `${name}: HTTP status of ${state.url}`);
  assert.deepEqual(state.failed, [], `${name}: sub-resources or scripts failed`);

  const html = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    direction: getComputedStyle(document.body).direction,
    title: document.title.trim(),
    h1s: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
    styled: [...document.styleSheets].some((s) => s.cssRules.length > 0),
  }));
  assert.equal(html.lang, lang, `${name}: <html lang>`);
  assert.equal(html.dir, DIR[lang], `${name}: <html dir>`);
  assert.equal(html.direction, DIR[lang], `${name}: computed direction of <body>`);
  assert.ok(html.title, `${name}: empty <title>`);
  assert.equal(html.h1s.length, 1, `${name}: expected one <h1>, got ${JSON.stringify(html.h1s)}`);
  assert.ok(html.h1s[0], `${name}: empty <h1>`);
  assert.ok(html.styled, `${name}: the stylesheet did not load`);

  await screenshot(page, name);
  await checkVisualDirection(page, lang, name);
  await checkA11y(page, `${name} (${page.url()})`, { t });

  // A phone: nothing may push the page sideways.
  await page.setViewportSize(PHONE);
  try {
    const o = await horizontalOverflow(page);
    await screenshot(page, `${name}-360px`);
    assert.ok(
      !o.overflows,
      `${name}: horizontal scrollbar at ${PHONE.width} px (scrollWidth ${o.scrollWidth} > ${o.clientWidth}); ` +
        `sticking out: ${o.culprits.join(', ') || 'nothing identifiable'}`,
    );
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

/**
 * Direction as a reader sees it: the main heading's text starts at the right edge of its box in
 * Arabic and at the left in French/English, and the brand (first item of the top bar) sits on the
 * reading-start side of the viewport.
 */
async function checkVisualDirection(page, lang, name) {
  const geo = await page.evaluate(() => {
    const h1 = document.querySelector('main h1');
    // The heading's own words only: a badge (e.g. "example") is a padded inline box whose
    // top sits above the text line, and would otherwise be taken for the first line.
    const rects = [];
    const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || node.parentElement.closest('.badge')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      rects.push(...range.getClientRects());
    }
    const box = h1.getBoundingClientRect();
    const style = getComputedStyle(h1);
    const padStart = parseFloat(style.paddingInlineStart) || 0;
    // The first line box of the heading's text (a long title may wrap).
    const firstTop = Math.min(...rects.map((r) => r.top));
    const firstLine = rects.filter((r) => r.top < firstTop + 2);
    const brand = document.querySelector('.top .brand')?.getBoundingClientRect();
    return {
      viewport: document.documentElement.clientWidth,
      boxLeft: box.left + (style.direction === 'ltr' ? padStart : 0),
      boxRight: box.right - (style.direction === 'rtl' ? padStart : 0),
      textLeft: Math.min(...firstLine.map((r) => r.left)),
      textRight: Math.max(...firstLine.map((r) => r.right)),
      brandCenter: brand ? (brand.left + brand.right) / 2 : null,
    };
  });
  const tolerance = 2;
  if (DIR[lang] === 'rtl') {
    assert.ok(
      Math.abs(geo.boxRight - geo.textRight) <= tolerance && geo.textRight > geo.viewport / 2,
      `${name}: the <h1> text should start at the right: ${JSON.stringify(geo)}`,
    );
    assert.ok(geo.brandCenter > geo.viewport / 2, `${name}: the brand should sit on the right: ${JSON.stringify(geo)}`);
  } else {
    assert.ok(
      Math.abs(geo.textLeft - geo.boxLeft) <= tolerance && geo.textLeft < geo.viewport / 2,
      `${name}: the <h1> text should start at the left: ${JSON.stringify(geo)}`,
    );
    assert.ok(geo.brandCenter < geo.viewport / 2, `${name}: the brand should sit on the left: ${JSON.stringify(geo)}`);
  }
}

/** Clicks `link` like a person and waits until the address matches `urlPattern`. */
async function follow(page, link, urlPattern, what) {
  await link.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {
    throw new Error(`no visible link to ${what} on ${page.url()}`);
  });
  await Promise.all([page.waitForURL(urlPattern), link.first().click()]);
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The first link in the page's main content into a section (`/sessions/…`, `/plans/…`, …). */
const into = (page, section) => page.locator(`main a[href^="/${section}/"]`);
const at = (section) => new RegExp(`/${section}/${UUID}$`);

for (const lang of LANGS) {
  test(`the demo read side, walked in ${lang}`, async (t) => {
    const context = await newContext(browser, server.url, lang);
    const page = await context.newPage();
    const state = trackStatus(page);
    // Each page is a subtest: a failed check is reported and the walk goes on; a missing link
    // (a failed navigation) stops the walk, since later pages are reached through it.
    const visit = (label, options) => t.test(label, (st) => checkPage(st, page, state, lang, label, options));
    try {
      await page.goto('/');
      await visit('home');

      await follow(page, page.locator('main section[aria-labelledby="h-commissions"] a[href^="/commissions/"]'), at('commissions'), 'a commission');
      await visit('commission');

      await follow(page, into(page, 'sessions'), at('sessions'), 'a session');
      await visit('session');

      await follow(page, into(page, 'agreements'), at('agreements'), 'an agreement');
      await visit('agreement');

      await follow(page, into(page, 'plans'), at('plans'), 'an action plan');
      await visit('plan');

      await follow(page, into(page, 'items'), at('items'), 'an action item');
      await visit('item');

      await follow(page, into(page, 'organisations'), at('organisations'), 'a lead organisation');
      await visit('organisation');

      await follow(page, into(page, 'people'), at('people'), 'a person of the organisation');
      await visit('person');

      await follow(page, into(page, 'parties'), at('parties'), "the person's party");
      await visit('party');

      // The two lists in the main menu.
      const menu = page.locator('header nav').first();
      await follow(page, menu.locator('a[href="/commissions"]'), /\/commissions$/, 'the commissions list');
      await visit('commissions');
      await follow(page, menu.locator('a[href="/agreements"]'), /\/agreements$/, 'the agreements list');
      await visit('agreements');

      // An unknown record: a 404 page, still in the reader's language and accessible.
      await page.goto('/sessions/00000000-0000-7000-8000-000000000000');
      await visit('not-found', { expectStatus: 404 });
    } catch (e) {
      await screenshot(page, `${lang}-FAILED`).catch(() => {});
      throw e;
    } finally {
      await context.close();
    }
  });
}

/** Clicks a language link and waits for the page to come back in that language. */
async function switchTo(page, link, lang) {
  await link.click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.waitForLoadState();
}

test('the language switch keeps the page and flips the direction', async () => {
  const context = await newContext(browser, server.url, 'fr');
  const page = await context.newPage();
  try {
    await page.goto('/commissions');
    const path = new URL(page.url()).pathname;
    const langs = page.getByRole('navigation').filter({ has: page.locator('a[hreflang]') });

    await switchTo(page, langs.getByRole('link', { name: 'العربية' }), 'ar');
    assert.equal(new URL(page.url()).pathname, path);
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await langs.getByRole('link', { name: 'العربية' }).getAttribute('aria-current'), 'true');

    await switchTo(page, langs.getByRole('link', { name: 'English' }), 'en');
    assert.equal(new URL(page.url()).pathname, path);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');

    // The choice is a cookie: it sticks for the next page.
    await page.goto('/agreements');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  } finally {
    await context.close();
  }
});
