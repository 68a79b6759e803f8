// The secretariat's everyday round trip (issue 14, done-when), in French on the real binary
// with demo data, served without --demo so a login is needed:
//
// 1. From the plan's page, its items as CSV (the page's own link).
// 2. One due date changed in the file (item 4.1, a year later), as an officer would in a
//    spreadsheet application, and the file imported back into the plan: the preview finds
//    exactly one changed item, names the changed field, refuses nothing; committed, the plan
//    says one item was updated, holds as many items as before (no duplicate), and item 4.1
//    carries its new due date.
// 3. Item 3.1, open and long past its due date, reads "En retard" on every page type that
//    lists it or shows it: home, plan, agreement, items list, dashboard,
//    timeline, next-session proposal, a session's agenda when it carries it, and its own page.
//
// Every page gets a screenshot in artifacts/.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, createDataDir, taawun, addUser } from './lib/server.mjs';
import { launchBrowser, newContext, screenshot } from './lib/browser.mjs';
import { login } from './lib/session.mjs';
import { messages } from './lib/i18n.mjs';
import { demoCommission, download } from './lib/documents.mjs';

const LANG = 'fr';
const PASSWORD = 'a long passphrase for tests only';
const OFFICER = { username: 'karim.alaoui', name: 'Karim Alaoui', party: 'MA', role: 'secretariat' };

/** A CSV line split into cells (quoted cells may hold the separator and doubled quotes). */
function cells(line, sep) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

/** A cell written back, quoted when it must be. */
function quote(cell, sep) {
  return /["\n\r]/.test(cell) || cell.includes(sep) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * The text of the row, list entry or definition around each link to `href` on the page. A
 * chart's label (inside an SVG) names the item without its status: the chart's table does.
 */
async function entriesLinking(page, href) {
  return page.locator(`main a[href="${href}"]`).evaluateAll((links) =>
    links
      .filter((a) => !a.closest('svg'))
      .map((a) => (a.closest('tr, li, dd, p') ?? a).textContent.replace(/\s+/g, ' ').trim()),
  );
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('plan round trip', () => {
  it('export a plan, change one date, import it back; 3.1 late everywhere', async () => {
    const tr = messages(LANG);
    const data = await createDataDir('taawun-roundtrip-');
    await taawun(['demo', '--data-dir', data.dir]);
    const commission = await demoCommission(data.dir, 'roundtrip-lookup-server');
    await addUser(data.dir, [
      '--username', OFFICER.username, '--display-name', OFFICER.name, '--party', OFFICER.party,
      '--role', OFFICER.role, '--clearance', 'restricted', '--commission', commission,
    ], PASSWORD);
    const server = await startServer({ dataDir: data.dir, name: 'roundtrip-server' });
    const context = await newContext(browser, server.url, LANG, { acceptDownloads: true });
    const page = await context.newPage();
    let shot = 0;
    const look = (label) => screenshot(page, `roundtrip-${LANG}-${String(++shot).padStart(2, '0')}-${label}`);
    try {
      await login(page, OFFICER.username, PASSWORD);

      // 1. The plan's items as CSV, from the plan's page.
      await page.goto(`/commissions/${commission}`);
      const planHref = await page.locator('main a[href^="/plans/"]').first().getAttribute('href');
      await page.goto(planHref);
      await look('plan');
      const itemLinks = async () =>
        new Set(await page.locator('main table a[href^="/items/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
      const before = await itemLinks();
      assert.ok(before.size > 0, "the demo plan lists its items");
      const csv = await download(page, () => page.locator('main a[href^="/export/items.csv?plan="]').click());
      assert.match(csv.name, /\.csv$/);
      const text = (await readFile(csv.file, 'utf8')).replace(/^\uFEFF/, '');

      // 2. Item 4.1's due date a year later, everything else as exported.
      const lines = text.split(/\r?\n/);
      const sep = [';', ',', '\t'].find((s) => lines[0].includes(s));
      const head = cells(lines[0], sep);
      const due = head.indexOf(tr('import-field-due-on'));
      const code = head.indexOf(tr('import-field-code'));
      assert.ok(due >= 0 && code >= 0, `due date and code columns in ${head.join(' | ')}`);
      let changed = 0;
      let oldDue = '';
      let newDue = '';
      const edited = lines.map((line, n) => {
        if (n === 0 || !line) return line;
        const row = cells(line, sep);
        if (row[code] !== '4.1') return line;
        oldDue = row[due];
        newDue = oldDue.replace(/20(\d\d)/, (_, yy) => `20${Number(yy) + 1}`);
        assert.notEqual(newDue, oldDue, `a year in ${oldDue}`);
        row[due] = newDue;
        changed++;
        return row.map((c) => quote(c, sep)).join(sep);
      });
      assert.equal(changed, 1, 'item 4.1 is in the export once');

      await page.locator('main .record-head').getByRole('link', { name: tr('import-offer') }).click();
      await page.waitForURL(/\/import$/);
      await page.getByLabel(tr('import-file')).setInputFiles({
        name: csv.name,
        mimeType: 'text/csv',
        buffer: Buffer.from(edited.join('\r\n'), 'utf8'),
      });
      await page.getByRole('button', { name: tr('import-read') }).click();
      await page.waitForLoadState();
      await look('import-preview');
      assert.equal(await page.locator('table.problems').count(), 0, 'nothing refused');
      const summary = await page.locator('#import-summary').textContent();
      assert.match(summary, /1 action modifiée/);
      assert.doesNotMatch(summary, /nouvelle/i, 'no new item: no duplicate');
      const changes = await page.locator('section[aria-labelledby="h-sample"] tbody tr').evaluateAll((rows) =>
        rows.map((r) => r.textContent.replace(/\s+/g, ' ').trim()),
      );
      const changedRows = changes.filter((r) => r.startsWith('Modifiée'));
      assert.equal(changedRows.length, 1, changes.join('\n'));
      assert.match(changedRows[0], new RegExp(`${tr('import-field-due-on')}.*4\\.1`));
      const commit = page.locator('button[value="commit"]');
      assert.equal((await commit.textContent()).trim(), tr('import-commit-changes'));
      await commit.click();
      await page.waitForURL(new RegExp(`${planHref}\\?imported=0&updated=1$`));
      await look('import-done');
      const notice = await page.locator('main p[role="status"]').textContent();
      assert.match(notice, /1 action mise à jour/);
      assert.deepEqual(await itemLinks(), before, 'the same items, none added');
      const item41 = await page.locator('main tr:has(td:text-is("4.1")) a[href^="/items/"]').getAttribute('href');
      await page.goto(item41);
      await look('item-4.1');
      const year = newDue.match(/20\d\d/)[0];
      const dueShown = await page.locator(`dl.facts dt:text-is("${tr('col-due')}") + dd`).textContent();
      assert.match(dueShown, new RegExp(year), `4.1 is now due in ${year}: ${dueShown}`);

      // 3. Item 3.1 is late on every page type that shows it.
      await page.goto(planHref);
      const item31 = await page.locator('main tr:has(td:text-is("3.1")) a[href^="/items/"]').getAttribute('href');
      const late = tr('assessment-overdue');
      const statuses = ['planned', 'in_progress', 'on_hold', 'done', 'cancelled'].map((k) => tr(`status-${k}`));
      // The agreement whose articles 3.1 implements, from the item's own page.
      await page.goto(item31);
      const agreementHref = (await page.locator('main a[href^="/agreements/"]').first().getAttribute('href')).split('#')[0];
      await page.goto(`/commissions/${commission}`);
      const sessionHrefs = await page.locator('main a[href^="/sessions/"]').evaluateAll((as) =>
        [...new Set(as.map((a) => a.getAttribute('href')).filter((h) => /^\/sessions\/[^/]+$/.test(h)))]);
      const pages = [
        '/',
        planHref,
        `${planHref}/timeline`,
        agreementHref,
        `/items?commission=${commission}&show=all`,
        '/dashboard',
        `/commissions/${commission}/next-session`,
      ];
      for (const href of [...pages, ...sessionHrefs]) {
        await page.goto(href);
        // The proposal's form offers items as checkboxes whose labels carry no link.
        const entries = href.endsWith('/next-session')
          ? await page.locator('main label').evaluateAll((ls) =>
            ls.map((l) => l.textContent.replace(/\s+/g, ' ').trim()).filter((t) => /^3\.1\b/.test(t)))
          : await entriesLinking(page, item31);
        const isSession = href.startsWith('/sessions/');
        if (isSession && entries.length === 0) continue;
        await look(`late-${href.split('/').filter(Boolean).slice(0, 1).join('') || 'home'}`);
        // Where 3.1's status shows (a status word, or a late flag), it says late; a mere
        // list of codes (an article's "implemented by") shows no status.
        const withStatus = entries.filter((e) => statuses.some((w) => e.includes(w)) || /retard/i.test(e));
        assert.ok(withStatus.length > 0, `${href} shows 3.1 with its status: ${entries.join(' | ')}`);
        for (const e of withStatus) {
          assert.ok(e.includes(late) || /retard/i.test(e), `${href}: 3.1 without "${late}": ${e}`);
        }
      }
      await page.goto(item31);
      await look('item-3.1');
      const status = await page.locator(`dl.facts dt:text-is("${tr('col-status')}") + dd`).textContent();
      assert.ok(status.includes(late), `the item page says late: ${status}`);
    } finally {
      await context.close();
      await server.stop();
      await data.remove();
    }
  });
});
