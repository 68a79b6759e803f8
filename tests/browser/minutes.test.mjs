// The minutes of a session, from recording it to filing them signed, the way the Moroccan
// secretariat does it on the real binary (demo data, served without --demo so a login is needed):
//
// 1. From the commission's page, the proposal for the next session: the 2nd, held in Rabat at
//    Morocco's invitation, saved with its dates and place.
// 2. From the session's page, its agenda: the conclusions agreed under the first point, in
//    Arabic and French.
// 3. From the minutes page, the draft in Arabic ‖ French: a PDF whose text holds the ordinal
//    title in both languages, Rabat, the conclusions and the DRAFT mark.
// 4. Still there, once both heads have signed: adopting without the scan is refused with the
//    reason; the scan of the signed originals is attached, then the minutes marked adopted.
// 5. Found again, in French and in Arabic: the session page lists the signed scan with its
//    SHA-256, the minutes page says "adopted" and names the scan, and the adopted PDF carries
//    the text's SHA-256 in its footer and no DRAFT mark.
//
// Every page gets a screenshot in artifacts/ and an axe-core check (no serious or critical finding).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { startServer, createDataDir, taawun, addUser } from './lib/server.mjs';
import { launchBrowser, newContext, checkA11y, screenshot } from './lib/browser.mjs';
import { login } from './lib/session.mjs';
import { messages } from './lib/i18n.mjs';
import { UUID, demoCommission, download, pdfText } from './lib/documents.mjs';
import { choose, fillText3, group, press } from './lib/forms.mjs';

const PASSWORD = 'a long passphrase for tests only';
const OFFICER = { username: 'nadia.benjelloun', name: 'Nadia Benjelloun', party: 'MA', role: 'secretariat' };
const CONCLUSIONS = {
  ar: 'اتفق الطرفان على تنظيم دورة تكوين المكونين قبل نهاية السنة',
  fr: 'Les deux parties conviennent d’organiser le stage de formation de formateurs avant la fin de l’année',
};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Downloads the minutes page's PDF in `layout` through its own form. */
async function minutesPdf(page, tr, sessionHref, layout) {
  const form = page.locator(`form[action="${sessionHref}/minutes.pdf"]`);
  await form.getByLabel(tr('doc-layout')).selectOption(layout);
  return download(page, () => form.getByRole('button', { name: tr('doc-download') }).click());
}

describe('minutes', () => {
  it('the 2nd session in Rabat: conclusions, draft, signed scan, adopted, found in both languages', async (t) => {
    const fr = messages('fr');
    const ar = messages('ar');
    const data = await createDataDir('taawun-minutes-');
    await taawun(['demo', '--data-dir', data.dir]);
    const commission = await demoCommission(data.dir, 'minutes-lookup-server');
    await addUser(data.dir, [
      '--username', OFFICER.username, '--display-name', OFFICER.name, '--party', OFFICER.party,
      '--role', OFFICER.role, '--clearance', 'restricted', '--commission', commission,
    ], PASSWORD);
    const server = await startServer({ dataDir: data.dir, name: 'minutes-server' });
    const contexts = [];
    const open = async (lang) => {
      const context = await newContext(browser, server.url, lang, { acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      await login(page, OFFICER.username, PASSWORD);
      let shot = 0;
      const look = async (label) => {
        await screenshot(page, `minutes-${lang}-${String(++shot).padStart(2, '0')}-${label}`);
        await checkA11y(page, label, { t });
      };
      return { page, look };
    };
    try {
      // 1. The 2nd session, recorded from the proposal on the commission's page.
      const { page, look } = await open('fr');
      await page.goto(`/commissions/${commission}`);
      await page.getByRole('link', { name: fr('next-session-link') }).click();
      await page.waitForURL(/\/next-session$/);
      await look('next-session');
      const form = page.locator('main form');
      assert.equal(await form.getByLabel('Numéro de la session').inputValue(), '2');
      await form.locator('input[name="start_on"]').fill('2026-02-10');
      await form.locator('input[name="end_on"]').fill('2026-02-12');
      await choose(form.locator('select[name="host_party_id"]'), 'Maroc');
      await fillText3(form, fr, 'Lieu', { ar: 'الرباط', fr: 'Rabat', en: 'Rabat' });
      const saved = await press(page, fr('form-save'));
      assert.equal(saved.status(), 200);
      assert.match(new URL(page.url()).pathname, new RegExp(`^/sessions/${UUID}$`));
      const sessionHref = new URL(page.url()).pathname;
      await look('session-recorded');

      // 2. Its conclusions, under the first point of its agenda.
      await page.goto(`${sessionHref}/agenda`);
      await look('agenda-form');
      const agenda = page.locator('main form');
      const first = group(agenda, 'Conclusions arrêtées').first();
      await first.getByLabel(fr('lang-name-ar'), { exact: true }).fill(CONCLUSIONS.ar);
      await first.getByLabel(fr('lang-name-fr'), { exact: true }).fill(CONCLUSIONS.fr);
      const agreed = await press(page, fr('form-save'));
      assert.equal(agreed.status(), 200);
      assert.equal(new URL(page.url()).pathname, sessionHref);

      // 3. The draft, Arabic ‖ French, from the minutes page.
      await page.goto(`${sessionHref}/minutes`);
      await look('minutes-draft');
      assert.match(await page.locator('#minutes-status').textContent(), fr.re('minutes-status-draft', { version: 1 }));
      const draft = await minutesPdf(page, fr, sessionHref, 'ar-fr');
      assert.equal(draft.name, 'minutes-2-ar-fr.pdf');
      const draftText = pdfText(draft.file);
      for (const words of ['محضر الدورة الثانية', 'Procès-verbal de la 2e session', 'الرباط', 'Rabat',
        CONCLUSIONS.fr, 'PROJET', 'مشروع']) {
        assert.ok(draftText.includes(words), `${words} missing from the draft`);
      }

      // 4. Adopting: refused without the signed scan, then the scan attached and adopted.
      const adopt = page.locator('main form[action$="/minutes/adopt"]');
      await adopt.getByRole('button', { name: fr('minutes-adopt') }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('main [role="alert"]').textContent(), /joignez le scan/);
      await look('minutes-adopt-refused');
      // The "scan" is the draft as printed and signed: any PDF does for the system.
      const scan = await readFile(draft.file);
      const scanSha = createHash('sha256').update(scan).digest('hex');
      await page.getByLabel(fr('minutes-scan-choose')).setInputFiles({
        name: 'pv-2eme-session-signe.pdf', mimeType: 'application/pdf', buffer: scan,
      });
      await page.locator('main form.upload').getByRole('button', { name: fr('files-attach-button') }).click();
      await page.waitForURL(new RegExp(`${sessionHref}/minutes$`));
      await page.waitForLoadState();
      assert.match(await page.locator('#minutes-scan').textContent(), /pv-2eme-session-signe\.pdf/);
      assert.ok((await page.locator('#minutes-scan').textContent()).includes(scanSha));
      await look('minutes-scan-attached');
      await adopt.getByRole('button', { name: fr('minutes-adopt') }).click();
      await page.waitForURL(new RegExp(`${sessionHref}/minutes$`));
      await page.waitForLoadState();
      assert.match(await page.locator('#minutes-status').textContent(), fr.re('minutes-status-adopted', { version: 1 }));
      const textSha = (await page.locator('#h-versions ~ ul .hash').first().textContent()).trim();
      assert.match(textSha, /^[0-9a-f]{64}$/);
      await look('minutes-adopted');

      // 5a. Found in French: the session's files, and the adopted PDF.
      await page.goto(sessionHref);
      const files = page.locator('main #files');
      assert.ok((await files.textContent()).includes('pv-2eme-session-signe.pdf'), 'the scan is in the session\'s files');
      assert.ok((await files.textContent()).includes(scanSha), 'with its SHA-256');
      await look('session-files');
      await page.goto(`${sessionHref}/minutes`);
      const adopted = pdfText((await minutesPdf(page, fr, sessionHref, 'fr')).file);
      assert.ok(adopted.includes('Procès-verbal de la 2e session'), adopted);
      assert.ok(!adopted.includes('PROJET'), 'an adopted text has no DRAFT mark');
      // No delegation recorded yet: each side's block is still titled, with room to sign.
      for (const head of ['Chef de la délégation du Royaume du Maroc', 'Chef de la délégation de la République du Mali']) {
        assert.ok(adopted.includes(head), `${head} missing`);
      }
      assert.ok(adopted.replace(/ /g, '').includes(textSha), 'the text\'s SHA-256 in the footer');

      // 5b. Found in Arabic, by the same officer in an Arabic session.
      const arabic = await open('ar');
      await arabic.page.goto(sessionHref);
      const arFiles = await arabic.page.locator('main #files').textContent();
      assert.ok(arFiles.includes('pv-2eme-session-signe.pdf') && arFiles.includes(scanSha));
      assert.ok(arFiles.includes(ar('file-purpose-signed_minutes')), 'the scan\'s purpose, in Arabic');
      await arabic.look('session-files');
      await arabic.page.goto(`${sessionHref}/minutes`);
      assert.equal(await arabic.page.locator('html').getAttribute('dir'), 'rtl');
      assert.match(await arabic.page.locator('#minutes-status').textContent(), ar.re('minutes-status-adopted', { version: 1 }));
      assert.ok((await arabic.page.locator('#h-versions ~ ul').textContent()).includes('pv-2eme-session-signe.pdf'));
      assert.ok((await arabic.page.locator('#minutes-text').textContent()).includes(CONCLUSIONS.ar));
      await arabic.look('minutes-adopted');
      const arPdf = pdfText((await minutesPdf(arabic.page, ar, sessionHref, 'ar')).file);
      for (const words of ['محضر الدورة الثانية', 'الرباط', CONCLUSIONS.ar]) {
        assert.ok(arPdf.includes(words), `${words} missing from the Arabic minutes`);
      }
      assert.ok(!arPdf.includes('مشروع'), 'an adopted text has no DRAFT mark');
      assert.ok(arPdf.replace(/ /g, '').includes(textSha), 'the text\'s SHA-256 in the Arabic footer');
    } finally {
      for (const c of contexts) await c.close();
      await server.stop();
      await data.remove();
    }
  });
});
