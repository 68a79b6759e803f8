// The secretariat's documents, the way a person gets them in Arabic on the real binary
// (demo data, served without --demo so a login is needed):
//
// 1. From the 1st session's page: the minutes in Arabic ‖ French, downloaded through the page's
//    own form (layout chosen in the select), a PDF whose text holds both heads of delegation.
// 2. From the commission's page: the action plan's status report, a PDF with the item codes.
// 3. From /exports, then the commission's items list: its items as Excel, an .xlsx workbook.
// 4. From the plan's page: "Import items from a spreadsheet" with that very workbook. Each row
//    names its item by id and version, so the preview finds nothing to change and offers
//    nothing to commit (plan_roundtrip.test.mjs changes a date and commits).
// 5. From the account: a calendar subscription, whose secret address a calendar application
//    (here: fetch, without the login cookie) reads as iCalendar with the session in it.
//
// Every page gets a screenshot in artifacts/ and an axe-core check (no serious or critical finding).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, createDataDir, taawun, addUser } from './lib/server.mjs';
import { launchBrowser, newContext, checkA11y, screenshot } from './lib/browser.mjs';
import { login } from './lib/session.mjs';
import { messages } from './lib/i18n.mjs';
import { demoCommission, download, pdfText } from './lib/documents.mjs';

const LANG = 'ar';
const PASSWORD = 'a long passphrase for tests only';
const OFFICER = { username: 'nadia.benjelloun', name: 'Nadia Benjelloun', party: 'MA', role: 'secretariat' };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('documents', () => {
  it('minutes, status report, Excel list, import and calendar, in Arabic', async (t) => {
    const tr = messages(LANG);
    const data = await createDataDir('taawun-documents-');
    await taawun(['demo', '--data-dir', data.dir]);
    const commission = await demoCommission(data.dir, 'documents-lookup-server');
    await addUser(data.dir, [
      '--username', OFFICER.username, '--display-name', OFFICER.name, '--party', OFFICER.party,
      '--role', OFFICER.role, '--clearance', 'restricted', '--commission', commission,
    ], PASSWORD);
    const server = await startServer({ dataDir: data.dir, name: 'documents-server' });
    const context = await newContext(browser, server.url, LANG, { acceptDownloads: true });
    const page = await context.newPage();
    let shot = 0;
    const look = async (label) => {
      await screenshot(page, `documents-${LANG}-${String(++shot).padStart(2, '0')}-${label}`);
      await checkA11y(page, label, { t });
    };
    try {
      await login(page, OFFICER.username, PASSWORD);

      // 1. The minutes, Arabic ‖ French.
      await page.goto(`/commissions/${commission}`);
      await look('commission');
      const sessionHref = await page.locator(`main a[href^="/sessions/"]`).first().getAttribute('href');
      await page.goto(sessionHref);
      await look('session');
      const minutesForm = page.locator(`form[action="${sessionHref}/minutes.pdf"]`);
      await minutesForm.getByLabel(tr('doc-layout')).selectOption('ar-fr');
      const minutes = await download(page, () => minutesForm.getByRole('button', { name: tr('doc-download') }).click());
      assert.equal(minutes.name, 'minutes-1-ar-fr.pdf');
      const minutesText = pdfText(minutes.file);
      for (const name of ['عبد الغني مهيب', 'Abdelghani Mouhib', 'محضر الدورة', 'Procès-verbal']) {
        assert.ok(minutesText.includes(name), `${name} missing from the minutes`);
      }

      // 2. The status report of the commission's plan, in Arabic.
      await page.goto(`/commissions/${commission}`);
      const reportForm = page.locator(`form[action="/commissions/${commission}/report.pdf"]`);
      const report = await download(page, () => reportForm.getByRole('button', { name: tr('doc-download') }).click());
      assert.match(report.name, /^status-report-ar\.pdf$/);
      assert.ok(pdfText(report.file).includes('تقرير حالة خطة العمل'), 'report title missing');

      // 3. The items list as Excel, from /exports (the menu's link).
      await page.getByRole('navigation', { name: tr('nav-main') }).getByRole('link', { name: tr('nav-exports') }).click();
      await page.waitForURL(/\/exports$/);
      await look('exports');
      // The commission's own items: the /exports list holds the demo's Morocco–Senegal items too,
      // whose Senegalese lead bodies are no party of this plan's.
      await page.goto(`/items?commission=${commission}&show=all`);
      await look('items-list');
      const items = await download(page, () => page.locator('main a[href^="/export/items.xlsx?"]').click());
      assert.match(items.name, /^items-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = await readFile(items.file);
      assert.equal(workbook.subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip');

      // 4. Import that workbook into the plan: refused (codes taken), then the code column ignored.
      await page.goto(`/commissions/${commission}`);
      const planHref = await page.locator('main a[href^="/plans/"]').first().getAttribute('href');
      await page.goto(planHref);
      await page.locator('main .record-head').getByRole('link', { name: tr('import-offer') }).click();
      await page.waitForURL(/\/import$/);
      await look('import-upload');
      await page.getByLabel(tr('import-file')).setInputFiles({
        name: items.name,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: workbook,
      });
      await page.getByRole('button', { name: tr('import-read') }).click();
      await page.waitForLoadState();
      await look('import-preview');
      // The export names each item by id and version: read back unchanged, it changes nothing.
      assert.equal(await page.locator('table.problems').count(), 0, 'an export imports back without problems');
      const notice = await page.locator('main p[role="status"]').textContent();
      assert.equal(notice.trim(), tr('import-nothing-to-change'));
      assert.equal(await page.locator('button[value="commit"]').count(), 0, 'nothing to commit');

      // 5. A calendar subscription, read by a "calendar application" without the cookie.
      await page.goto('/account/calendar');
      await look('calendar');
      await page.getByRole('button', { name: tr('calendar-create') }).click();
      await page.waitForLoadState();
      await look('calendar-created');
      const address = await page.getByLabel(tr('calendar-address')).inputValue();
      assert.match(address, /\/calendar\/feeds\/[0-9a-f]{64}\/taawun\.ics$/);
      const feed = await fetch(address);
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get('content-type'), /^text\/calendar/);
      const ics = await feed.text();
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics, /BEGIN:VEVENT/);
    } finally {
      await context.close();
      await server.stop();
      await data.remove();
    }
  });
});
