// A third party on an instance that serves several partners (issue 10, finding 11). The demo
// holds the Morocco–Mali commission and an invented Morocco–Senegal one; "releasable to all
// parties" reaches the parties of a record's own commission only. Served without --demo, with two
// Senegalese accounts created by `taawun user add` as an administrator would:
//
// 1. A Senegalese reader, in French, finds only the Morocco–Senegal commission in the list and on
//    the home page, nothing for "Bamako" in the search, the Mali commission's own address answers
//    404 like an unknown one, and their own commission leads to its session in Dakar, its plan
//    and the item in Thiès.
// 2. A Senegalese party editor opens the edit form of the item their party leads, and gets 404 on
//    the Mali commission too.
//
// Every page gets a screenshot in artifacts/ and an axe-core check (no serious or critical finding).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, createDataDir, taawun, addUser } from './lib/server.mjs';
import { launchBrowser, newContext, checkA11y, screenshot } from './lib/browser.mjs';
import { login, logout } from './lib/session.mjs';

const LANG = 'fr';
const PASSWORD = 'a long passphrase for tests only';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const USERS = {
  reader: { username: 'awa.diop', name: 'Awa Diop', party: 'SN', role: 'reader' },
  editor: { username: 'moussa.ndiaye', name: 'Moussa Ndiaye', party: 'SN', role: 'party_editor' },
};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Both demo commissions' ids, by their French names, from a short-lived `serve --demo`. */
async function demoCommissions(dataDir) {
  const lookup = await startServer({ demo: true, dataDir, name: 'third_party-lookup-server' });
  try {
    const html = await (await fetch(new URL('/commissions', lookup.url))).text();
    const links = [...html.matchAll(new RegExp(`href="/commissions/(${UUID})"[^>]*>(.*?)</a>`, 'gs'))];
    const named = (name) => {
      const ids = [...new Set(links.filter((m) => m[2].includes(name)).map((m) => m[1]))];
      assert.equal(ids.length, 1, `one commission named ${name}`);
      return ids[0];
    };
    return { mali: named('maroco-malienne'), senegal: named('maroco-sénégalaise') };
  } finally {
    await lookup.stop();
  }
}

describe('third party', () => {
  it('a Senegalese reader and party editor meet only their own commission', async (t) => {
    const data = await createDataDir('taawun-third-party-');
    await taawun(['demo', '--data-dir', data.dir]);
    const commissions = await demoCommissions(data.dir);
    for (const u of Object.values(USERS)) {
      await addUser(data.dir, [
        '--username', u.username, '--display-name', u.name, '--party', u.party, '--role', u.role,
        '--clearance', 'restricted',
      ], PASSWORD);
    }
    const server = await startServer({ dataDir: data.dir, name: 'third_party-server' });
    const context = await newContext(browser, server.url, LANG);
    const page = await context.newPage();
    let shot = 0;
    const look = async (label) => {
      await screenshot(page, `third_party-${LANG}-${String(++shot).padStart(2, '0')}-${label}`);
      await checkA11y(page, label, { t });
    };
    const main = () => page.locator('main').innerText();
    try {
      // 1. The reader.
      await login(page, USERS.reader.username, PASSWORD);
      await look('home');
      assert.ok(!(await main()).includes('maroco-malienne'), 'home shows the Mali commission');
      assert.ok(!(await main()).includes('Bamako'), 'home shows the Bamako session');

      await page.goto('/commissions');
      await look('commissions');
      const list = await main();
      assert.ok(list.includes('maroco-sénégalaise'), 'own commission listed');
      assert.ok(!list.includes('maroco-malienne'), 'Mali commission listed');
      assert.equal(await page.locator(`a[href="/commissions/${commissions.mali}"]`).count(), 0);

      await page.goto('/search?q=Bamako');
      await look('search');
      const results = await page.locator('#results').innerText();
      assert.ok(!results.includes('Bamako') && !results.includes('maroco-malienne'), results);

      const hidden = await page.goto(`/commissions/${commissions.mali}`);
      assert.equal(hidden.status(), 404);
      await look('mali-commission-not-found');

      await page.locator('header nav').first().locator('a[href="/commissions"]').click();
      await page.waitForURL(/\/commissions$/);
      await page.locator(`main a[href="/commissions/${commissions.senegal}"]`).first().click();
      await page.waitForURL(new RegExp(`/commissions/${commissions.senegal}$`));
      await look('own-commission');
      assert.ok((await main()).includes('Dakar'), 'the 1st session, in Dakar');
      await page.locator('main a[href^="/plans/"]').first().click();
      await page.waitForURL(/\/plans\//);
      await look('own-plan');
      const plan = await main();
      assert.ok(plan.includes('Thiès') && plan.includes('Ziguinchor'), plan);
      await logout(page);

      // 2. The party editor.
      await login(page, USERS.editor.username, PASSWORD);
      await page.goto(`/commissions/${commissions.senegal}`);
      await page.locator('main a[href^="/plans/"]').first().click();
      await page.waitForURL(/\/plans\//);
      await page.locator('main a[href^="/items/"]', { hasText: 'Thiès' }).first().click();
      await page.waitForURL(/\/items\/[0-9a-f-]+$/);
      await look('own-item');
      const item = new URL(page.url()).pathname;
      await page.locator(`main a[href="${item}/edit"]`).first().click();
      await page.waitForURL(new RegExp(`${item}/edit$`));
      await look('own-item-edit');
      const again = await page.goto(`/commissions/${commissions.mali}`);
      assert.equal(again.status(), 404);
    } catch (e) {
      await screenshot(page, `third_party-${LANG}-FAILED`).catch(() => {});
      throw e;
    } finally {
      await context.close();
      await server.stop();
      await data.remove();
    }
  });
});
