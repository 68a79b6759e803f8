// Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core (no browser
// download), one context per reader language, axe-core checks and screenshots for humans.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { artifactsDir } from './server.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

/** The system Chromium (Debian package `chromium`); `CHROMIUM_PATH` overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for a quiet, offline, throw-away browser (CI runs as root, hence --no-sandbox). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Desktop and phone viewports used by the tests. */
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/**
 * Launches Chromium. Playwright gives every launch a fresh temporary user-data-dir (and deletes
 * it on close), so no profile, cookie or cache leaks between runs.
 */
export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

const locales = { ar: 'ar', fr: 'fr-FR', en: 'en-GB' };

/**
 * A new browser context reading in `lang` (ar | fr | en): the site's `lang` cookie is set for
 * `baseURL`, and the browser locale (Accept-Language) matches it.
 */
export async function newContext(browser, baseURL, lang, options = {}) {
  const context = await browser.newContext({
    baseURL,
    locale: locales[lang] ?? lang,
    viewport: DESKTOP,
    ...options,
  });
  await context.addCookies([{ name: 'lang', value: lang, url: baseURL }]);
  return context;
}

/** A file-name-safe version of a label. */
function slug(label) {
  return label.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'page';
}

/** Full-page screenshot to tests/browser/artifacts/<label>.png; returns the path. */
export async function screenshot(page, label) {
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${slug(label)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Impacts that fail a page; "minor" and "moderate" findings are only reported. */
const BLOCKING = new Set(['serious', 'critical']);

function describeViolation(v) {
  const nodes = v.nodes
    .slice(0, 5)
    .map((n) => `      at ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
    .join('\n');
  const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
  return `  - ${v.id} [${v.impact}] ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
}

/**
 * Runs axe-core on the page and throws if any violation has impact serious or critical; the
 * message lists each rule id, impact, help text and the target selectors. Milder findings are
 * passed to `t.diagnostic` when a test context is given. Resolves with axe's violations.
 */
export async function checkA11y(page, label, { t } = {}) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated through the DevTools protocol, not added as a <script>: the pages' strict
    // Content-Security-Policy (no inline script) rightly refuses an injected tag.
    await page.evaluate(await readFile(axePath, 'utf8'));
  }
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact));
  const mild = results.violations.filter((v) => !BLOCKING.has(v.impact));
  // One line per finding: the TAP reporter escapes newlines inside a diagnostic.
  for (const v of t ? mild : []) {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
    t.diagnostic(`axe (not blocking) ${v.id} [${v.impact}] ${v.help} at ${targets}${v.nodes.length > 3 ? ', …' : ''} on ${label}`);
  }
  if (blocking.length) {
    throw new Error(
      `axe: ${blocking.length} serious/critical accessibility violation(s) on ${label} (${page.url()}):\n` +
        blocking.map(describeViolation).join('\n'),
    );
  }
  return results.violations;
}

/**
 * Measures horizontal overflow: `{ overflows, scrollWidth, clientWidth, culprits }`, where culprits
 * are the outermost elements sticking out of the viewport that are not inside a scrolling box
 * (tables in `.scroll` may scroll on their own without moving the page).
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const scrolls = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return true;
      }
      return false;
    };
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || (r.right <= width + 1 && r.left >= -1)) continue;
      if (scrolls(el)) continue;
      const parentOut = el.parentElement && culprits.some((c) => c.el.contains(el));
      if (parentOut) continue;
      const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
      culprits.push({ el, name, left: Math.round(r.left), right: Math.round(r.right) });
    }
    return {
      overflows: root.scrollWidth > width,
      scrollWidth: root.scrollWidth,
      clientWidth: width,
      culprits: culprits.slice(0, 8).map(({ name, left, right }) => `${name} [${left}…${right}]`),
    };
  });
}
