// Every page type on a 360 px phone, in Arabic and in French (issue 14, part 3). The demo
// data with two accounts (a Moroccan secretariat officer of the demo commission, and an
// administrator for the pages only administrators reach); the page types' addresses are found
// by following links from the home page, as a person would, so a new page type only needs its
// pattern below. On each page:
// - nothing pushes the page sideways (the root's scrollWidth stays within 360 px);
// - every visible cell of every table lies inside the viewport, not cut off nor scrolled out of
//   sight in a scrolling box, and every data cell is labelled with its column's name
//   (`data-label`, shown before it once the rows are stacked);
// - an action item's due date and status are on screen wherever an item row lists them;
// - charts fit the width and their text is at least 10 px high as drawn.
// A full-page screenshot of each lands in artifacts/ (phones-<lang>-<type>.png).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { startServer, createDataDir, taawun, addUser, artifactsDir } from './lib/server.mjs';
import { launchBrowser, newContext, screenshot, PHONE } from './lib/browser.mjs';
import { login } from './lib/session.mjs';
import { messages } from './lib/i18n.mjs';
import { demoCommission } from './lib/documents.mjs';

const LANGS = ['ar', 'fr'];
const PASSWORD = 'a long passphrase for tests only';
const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const USERS = {
  secretariat: { username: 'amina.alaoui', name: 'Amina Alaoui', role: 'secretariat' },
  admin: { username: 'karim.admin', name: 'Karim Admin', role: 'administrator' },
};

/**
 * The page types: a name, the pattern of their path (and query), and who reads them. Each is
 * found among the links the crawl meets; `start` pages are addresses a person types or
 * reaches through a form (a search) rather than a link.
 */
const TYPES = [
  ['home', '/'],
  ['commissions', '/commissions'],
  ['commission', `/commissions/${ID}`],
  ['next-session', `/commissions/${ID}/next-session`],
  ['session-new', `/commissions/${ID}/sessions/new`],
  ['plan-new', `/commissions/${ID}/plans/new`],
  ['agreements', '/agreements'],
  ['agreement', `/agreements/${ID}`],
  ['agreement-edit', `/agreements/${ID}/edit`],
  ['clause-new', `/agreements/${ID}/clauses/new`],
  ['session', `/sessions/${ID}`],
  ['session-edit', `/sessions/${ID}/edit`],
  ['minutes', `/sessions/${ID}/minutes`],
  ['delegations', `/sessions/${ID}/delegations`],
  ['agenda', `/sessions/${ID}/agenda`],
  ['decisions', `/sessions/${ID}/decisions`],
  ['plan', `/plans/${ID}`],
  ['timeline', `/plans/${ID}/timeline`],
  ['import', `/plans/${ID}/import`],
  ['item-new', `/plans/${ID}/items/new`],
  ['items', '/items(\\?.*)?'],
  ['item', `/items/${ID}`],
  ['item-edit', `/items/${ID}/edit`],
  ['progress-new', `/items/${ID}/progress/new`],
  ['activity-new', `/items/${ID}/activities/new`],
  ['dashboard', '/dashboard'],
  ['dashboard-commission', `/dashboard/commissions/${ID}`],
  ['dashboard-party', `/dashboard/parties/${ID}`],
  ['parties', '/parties', { as: 'admin' }],
  ['party', `/parties/${ID}`],
  ['organisation', `/organisations/${ID}`],
  ['person', `/people/${ID}`],
  ['person-new', '/people/new'],
  ['ranks', '/ranks', { as: 'admin' }],
  ['areas', '/areas', { as: 'admin' }],
  ['search', '/search\\?q=.+', { start: '/search?q=Mali' }],
  ['notifications', '/notifications'],
  ['exports', '/exports'],
  ['account', '/account'],
  ['calendar', '/account/calendar'],
  ['users', '/admin/users', { as: 'admin' }],
  ['user', `/admin/users/${ID}`, { as: 'admin' }],
  ['history', `/history/[a-z_]+/${ID}`, { as: 'admin' }],
].map(([name, pattern, opts = {}]) => ({ name, re: new RegExp(`^${pattern}$`), as: 'secretariat', ...opts }));

/** Links a crawl must not follow: actions, downloads, language switches. */
const SKIP = /^\/(logout|lang\/|static\/|files\/|jobs\/|export\/|calendar\/)|\.(pdf|ics|xlsx|csv)(\?|$)/;

let browser;
let data;
let server;

before(async () => {
  const old = await readdir(artifactsDir).catch(() => []);
  await Promise.all(old.filter((f) => f.startsWith('phones-')).map((f) => rm(path.join(artifactsDir, f), { force: true })));
  data = await createDataDir('taawun-phones-');
  await taawun(['demo', '--data-dir', data.dir]);
  const commission = await demoCommission(data.dir, 'phones-lookup-server');
  for (const u of Object.values(USERS)) {
    await addUser(data.dir, [
      '--username', u.username, '--display-name', u.name, '--party', 'MA', '--role', u.role,
      '--clearance', 'secret', ...(u.role === 'secretariat' ? ['--commission', commission] : []),
    ], PASSWORD);
  }
  server = await startServer({ dataDir: data.dir, name: 'phones-server' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await data?.remove();
});

/**
 * One address per page type, found by following the links of the pages an account reads,
 * breadth first from the home page (and the types' `start` addresses).
 */
async function discover(context, types) {
  const found = new Map();
  const queue = ['/', ...types.filter((t) => t.start).map((t) => t.start)];
  const seen = new Set(queue);
  let fetched = 0;
  while (queue.length && found.size < types.length && fetched < 250) {
    const href = queue.shift();
    const url = new URL(href, server.url);
    const key = url.pathname + url.search;
    for (const t of types) if (!found.has(t.name) && t.re.test(key)) found.set(t.name, key);
    const response = await context.request.get(url.href);
    fetched += 1;
    if (!response.ok() || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    const html = await response.text();
    for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const next = m[1].replace(/&amp;/g, '&');
      if (SKIP.test(next) || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  const missing = types.filter((t) => !found.has(t.name)).map((t) => t.name);
  assert.deepEqual(missing, [], `page types not reached by following links (${fetched} pages read)`);
  return found;
}

/** What a phone shows of the page's tables, charts and item rows, measured in the page. */
async function measure(page, { due, status }) {
  return page.evaluate(({ due, status }) => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const problems = [];
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const inside = (r) => r.left >= -1 && r.right <= width + 1;
    const where = (el) => {
      const t = el.closest('table');
      const id = t?.id || t?.className || t?.closest('section')?.getAttribute('aria-labelledby') || '';
      return `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" in table ${id}`;
    };
    for (const table of document.querySelectorAll('table')) {
      for (const cell of table.querySelectorAll('tbody th, tbody td, thead th')) {
        if (!shown(cell)) continue;
        const r = cell.getBoundingClientRect();
        if (!inside(r)) problems.push(`${where(cell)} at [${Math.round(r.left)}…${Math.round(r.right)}]`);
        if (cell.tagName === 'TD' && !cell.dataset.label?.trim()) problems.push(`${where(cell)} has no data-label`);
      }
      // A box squeezed to its narrowest breaks its words letter by letter: still inside the
      // viewport, but not readable.
      for (const box of table.querySelectorAll('caption, tbody th, tbody td')) {
        if (shown(box) && box.textContent.trim().length >= 12 && box.getBoundingClientRect().width < 80) {
          problems.push(`${where(box)} squeezed to ${Math.round(box.getBoundingClientRect().width)} px`);
        }
      }
    }
    // Item rows: the cells under the due date and status columns, wherever they are listed.
    let itemRows = 0;
    for (const tr of document.querySelectorAll('tbody tr')) {
      const cells = [...tr.querySelectorAll('td')];
      const d = cells.find((c) => c.dataset.label === due);
      const s = cells.find((c) => c.dataset.label === status);
      if (!d || !s) continue;
      itemRows += 1;
      for (const [what, c] of [['due date', d], ['status', s]]) {
        if (!c.textContent.trim()) continue;
        if (!shown(c) || !inside(c.getBoundingClientRect())) problems.push(`${what} of ${where(tr)} not on screen`);
      }
    }
    // Charts: inside the width, and no text smaller than 10 px as drawn.
    const charts = [...document.querySelectorAll('svg.chart')];
    for (const svg of charts) {
      const r = svg.getBoundingClientRect();
      if (!inside(r)) problems.push(`chart #${svg.id} at [${Math.round(r.left)}…${Math.round(r.right)}]`);
      for (const text of svg.querySelectorAll('text')) {
        const tr = text.getBoundingClientRect();
        if (tr.width === 0 || getComputedStyle(text).display === 'none') continue;
        const px = parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 1);
        if (px < 10) problems.push(`chart #${svg.id} text "${text.textContent.slice(0, 20)}" drawn at ${px.toFixed(1)} px`);
        if (!inside(tr)) problems.push(`chart #${svg.id} text "${text.textContent.slice(0, 20)}" at [${Math.round(tr.left)}…${Math.round(tr.right)}]`);
      }
    }
    return {
      scrollWidth: root.scrollWidth,
      width,
      tables: document.querySelectorAll('table').length,
      itemRows,
      charts: charts.length,
      problems: [...new Set(problems)].slice(0, 12),
    };
  }, { due, status });
}

for (const lang of LANGS) {
  test(`every page type at 360 px in ${lang}`, async (t) => {
    const tr = messages(lang);
    const labels = { due: tr('col-due'), status: tr('col-status') };
    const contexts = {};
    const pages = {};
    try {
      for (const [who, u] of Object.entries(USERS)) {
        contexts[who] = await newContext(browser, server.url, lang, { viewport: PHONE });
        pages[who] = await contexts[who].newPage();
        await login(pages[who], u.username, PASSWORD);
      }
      const found = new Map();
      for (const who of Object.keys(USERS)) {
        const types = TYPES.filter((ty) => ty.as === who);
        for (const [name, href] of await discover(contexts[who], types)) found.set(name, { href, who });
      }
      const seen = { itemRows: 0, charts: 0 };
      for (const ty of TYPES) {
        const { href, who } = found.get(ty.name);
        await t.test(`${ty.name} ${href}`, async () => {
          const page = pages[who];
          const response = await page.goto(href);
          assert.equal(response.status(), 200, `${lang} ${ty.name}: HTTP status of ${href}`);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          const m = await measure(page, labels);
          await screenshot(page, `phones-${lang}-${ty.name}`);
          seen.itemRows += m.itemRows;
          seen.charts += m.charts;
          assert.ok(
            m.scrollWidth <= PHONE.width,
            `${lang} ${ty.name}: the page is ${m.scrollWidth} px wide at ${PHONE.width} px`,
          );
          assert.deepEqual(m.problems, [], `${lang} ${ty.name} (${href}): ${m.tables} tables, ${m.charts} charts`);
        });
      }
      // The suite did look at item rows and charts: a page that stopped listing them would
      // otherwise pass unseen.
      assert.ok(seen.itemRows > 0, `${lang}: no item row with a due date and a status was measured`);
      assert.ok(seen.charts >= 2, `${lang}: only ${seen.charts} charts measured`);
    } finally {
      for (const c of Object.values(contexts)) await c.close();
    }
  });
}
