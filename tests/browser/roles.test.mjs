// Three accounts of the two parties at work, in Arabic and in French, on the real binary
// (demo data loaded with `taawun demo`, served without --demo, so every page asks for a login):
//
// 1. A Moroccan secretariat officer assigned to the demo commission signs in, adds two people
//    through the person form, records the 2nd session (dates, host, place in three languages),
//    both delegations (members entered out of order), two decisions, then three action items in
//    the demo plan with a lead body on each side — the third released to the originating party
//    only — and checks the read pages: delegations in protocol order, decisions, items with
//    both leads, search.
// 2. A Malian party editor signs in, reports progress on Mali's side of one new item and finds
//    it in the item's progress history.
// 3. A Malian reader signs in: the originator-only item is absent from the plan and from every
//    page visited, its address answers the 404 page, search does not find it; the rest shows.
//
// Every page visited (forms included, and the page after each submit) gets a screenshot in
// artifacts/ and an axe-core check with no serious or critical finding allowed.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { startServer, createDataDir, taawun, addUser, artifactsDir } from './lib/server.mjs';
import { launchBrowser, newContext, checkA11y, screenshot } from './lib/browser.mjs';
import { login, logout } from './lib/session.mjs';
import { messages } from './lib/i18n.mjs';
import { group, field, fillText3, choose, rows, press, formErrors } from './lib/forms.mjs';

const LANGS = ['ar', 'fr'];
const DIR = { ar: 'rtl', fr: 'ltr' };
const PASSWORD = 'a long passphrase for tests only';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The accounts, created with `taawun user add`; the secretariat also gets the commission. */
const USERS = {
  secretariat: { username: 'amina.alaoui', name: 'Amina Alaoui', party: 'MA', role: 'secretariat' },
  editor: { username: 'oumar.traore', name: 'Oumar Traoré', party: 'ML', role: 'party_editor' },
  reader: { username: 'fatoumata.keita', name: 'Fatoumata Keïta', party: 'ML', role: 'reader' },
};

/** Party short names as the pages show them. */
const PARTY = {
  MA: { ar: 'المغرب', fr: 'Maroc' },
  ML: { ar: 'مالي', fr: 'Mali' },
};

/** People of the demo, and two added through the person form (invented for this test). */
const PEOPLE = {
  mouhib: { ar: 'عبد الغني مهيب', latin: 'Abdelghani Mouhib' },
  mahamadou: { ar: 'محمد ماسولي ساماكي', latin: 'Mahamadou Massaoulé Samaké' },
  sadiq: { ar: 'صديق ساماكي', latin: 'Sadiq Samaké' },
  benali: {
    ar: 'يوسف بنعلي', latin: 'Youssef Benali', party: 'MA', organisation: '(IGFAR)',
    function: { ar: 'ضابط اتصال', fr: 'Officier de liaison', en: 'Liaison officer' },
  },
  coulibaly: {
    ar: 'باكاري كوليبالي', latin: 'Bakary Coulibaly', party: 'ML', organisation: '(EMGA)',
    function: { ar: 'مدير الدراسات', fr: 'Directeur des études', en: 'Director of studies' },
  },
};

/** Delegation members as typed into the form (out of order) and as protocol orders them. */
const DELEGATIONS = [
  {
    party: 'MA',
    typed: [['benali', 'member', 2], ['mouhib', 'head', 1]],
    order: ['mouhib', 'benali'],
  },
  {
    party: 'ML',
    typed: [['coulibaly', 'expert', 3], ['sadiq', 'member', 2], ['mahamadou', 'head', 1]],
    order: ['mahamadou', 'sadiq', 'coulibaly'],
  },
];

const SESSION = {
  start: '2026-02-16',
  end: '2026-02-18',
  host: 'MA',
  place: { ar: 'الرباط', fr: 'Rabat', en: 'Rabat' },
};

const DECISIONS = [
  { ar: 'اعتماد برنامج التكوين العسكري لسنة 2026', fr: 'Adoption du programme de formation militaire 2026', en: 'Adoption of the 2026 military training programme' },
  { ar: 'إحداث فريق عمل مشترك لتبادل الخبرات', fr: "Création d'un groupe de travail conjoint sur l'échange d'expertise", en: 'Creation of a joint working group on the exchange of expertise' },
];

const ITEMS = [
  {
    code: 'S2.1',
    title: { ar: 'دورة تكوينية في حفظ السلام لفائدة ضباط ماليين', fr: 'Stage de maintien de la paix pour officiers maliens', en: 'Peacekeeping course for Malian officers' },
    leads: { MA: '(IGFAR)', ML: '(EMGA)' },
    due: '2026-12-31',
  },
  {
    code: 'S2.2',
    title: { ar: 'تبادل المدربين بين المدارس العسكرية', fr: "Échange d'instructeurs entre écoles militaires", en: 'Exchange of instructors between military schools' },
    leads: { MA: '(FAR)', ML: '(MDAC)' },
    due: '2027-06-30',
  },
];

/** Released to its originating party (Morocco) only: Mali's accounts must never meet it. */
const SECRET = {
  code: 'S2.9',
  title: { ar: 'تقييم داخلي زركونيوم', fr: 'Évaluation interne Zirconium', en: 'Internal assessment Zirconium' },
  leads: { MA: '(IGFAR)', ML: '(EMGA)' },
  due: '2026-09-30',
  word: { ar: 'زركونيوم', fr: 'Zirconium' },
};

const PROGRESS = {
  percent: '40',
  narrative: { ar: 'انطلقت الدورة الأولى بمشاركة عشرين ضابطا', fr: 'Premier stage lancé avec vingt officiers', en: 'First course started with twenty officers' },
};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * The id of the demo's Morocco–Mali commission, read from /commissions of a short-lived `serve --demo`
 * on the same data directory (the accounts need it before the real server starts).
 */
async function demoCommission(dataDir, lang) {
  const lookup = await startServer({ demo: true, dataDir, name: `roles-${lang}-lookup-server` });
  try {
    const html = await (await fetch(new URL('/commissions', lookup.url))).text();
    // The demo also holds an invented Morocco–Senegal commission: take the Morocco–Mali one.
    const links = [...html.matchAll(new RegExp(`href="/commissions/(${UUID})"[^>]*>(.*?)</a>`, 'gs'))];
    const ids = new Set(links.filter((m) => m[2].includes('maroco-malienne')).map((m) => m[1]));
    assert.equal(ids.size, 1, `expected the demo's Morocco–Mali commission, found ${[...ids].join(', ') || 'none'}`);
    return [...ids][0];
  } finally {
    await lookup.stop();
  }
}

/** Screenshots and logs of an earlier run of this language, so artifacts/ shows this run only. */
async function clearArtifacts(lang) {
  const old = await readdir(artifactsDir).catch(() => []);
  await Promise.all(old.filter((f) => f.startsWith(`roles-${lang}-`)).map((f) => rm(path.join(artifactsDir, f), { force: true })));
}

/** A data directory with the demo and the three accounts, and the server on it (no --demo). */
async function prepare(lang) {
  await clearArtifacts(lang);
  const data = await createDataDir(`taawun-roles-${lang}-`);
  await taawun(['demo', '--data-dir', data.dir]);
  const commission = await demoCommission(data.dir, lang);
  for (const u of Object.values(USERS)) {
    await addUser(data.dir, [
      '--username', u.username, '--display-name', u.name, '--party', u.party, '--role', u.role,
      '--clearance', 'restricted', ...(u.role === 'secretariat' ? ['--commission', commission] : []),
    ], PASSWORD);
  }
  const server = await startServer({ dataDir: data.dir, name: `roles-${lang}-server` });
  return { data, server, commission };
}

/** Remembers the status of the last document loaded in the main frame, and what failed. */
function track(page) {
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

/** Clicks `link` like a person and waits until the address matches `url`. */
async function follow(page, link, url, what) {
  await link.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {
    throw new Error(`no visible link to ${what} on ${page.url()}`);
  });
  await Promise.all([page.waitForURL(url), link.first().click()]);
}

/** Follows the link of the main content to exactly `href` (a path of ids: nothing to escape). */
const open = (page, href, what) => follow(page, page.locator(`main a[href="${href}"]`), new RegExp(`${href}$`), what);

/** A link of the record's actions ("Edit", "Add an item"…) by its label. */
const action = (page, label) => page.locator('main .record-head').getByRole('link', { name: label, exact: true });

/** Names in the rows of a people table, in page order. */
async function delegationNames(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#delegations h3')].map((h) => {
      let el = h.nextElementSibling;
      while (el && !el.querySelector('table')) el = el.nextElementSibling;
      return {
        heading: h.textContent.replace(/\s+/g, ' ').trim(),
        names: el ? [...el.querySelectorAll('tbody tr th')].map((th) => th.textContent.replace(/\s+/g, ' ').trim()) : [],
      };
    }),
  );
}

// The two languages run side by side (each has its own data and server): most of the time
// goes to waiting on pages and on axe, so this saves about a quarter of the run time.
describe('roles', { concurrency: LANGS.length }, () => {
  for (const lang of LANGS) {
    it(`secretariat records, Mali's editor reports, Mali's reader is kept out (${lang})`, async (t) => {
      const tr = messages(lang);
      const { data, server, commission } = await prepare(lang);
      const context = await newContext(browser, server.url, lang);
      const page = await context.newPage();
      const state = track(page);
      let shot = 0;
      // Hidden from Mali's accounts: no page they visit may carry it.
      let mustNotShow = null;

      // The step running now: each page's checks are a subtest of it.
      let current = t;
      const step = (name, fn) => t.test(name, async (st) => {
        current = st;
        try {
          await fn();
        } finally {
          current = t;
        }
      });

      /** The checks of every page visited, as a subtest so one finding does not stop the story. */
      const visit = (label, { status = 200 } = {}) => {
        const name = `roles-${lang}-${String(++shot).padStart(2, '0')}-${label}`;
        return current.test(name, async (st) => {
          assert.equal(state.status, status, `${name}: HTTP status of ${state.url}`);
          assert.deepEqual(state.failed.splice(0), [], `${name}: sub-resources or scripts failed`);
          const html = await page.evaluate(() => ({
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            h1: document.querySelector('main h1')?.textContent.trim() ?? '',
            text: document.body.innerText,
          }));
          assert.equal(html.lang, lang, `${name}: <html lang>`);
          assert.equal(html.dir, DIR[lang], `${name}: <html dir>`);
          assert.ok(html.h1, `${name}: no <h1>`);
          await screenshot(page, name);
          if (mustNotShow) {
            for (const words of mustNotShow) {
              assert.ok(!html.text.includes(words), `${name}: shows the originator-only record (${words})`);
            }
          }
          await checkA11y(page, `${name} (${page.url()})`, { t: st });
        });
      };

      /** Saves the form on the page and expects to land on `url`; a re-shown form says why not. */
      const save = async (url, what) => {
        await press(page, tr('form-save'));
        const errors = await formErrors(page);
        assert.ok(url.test(new URL(page.url()).pathname) && !errors,
          `saving ${what} did not land on ${url} (at ${page.url()}, status ${state.status}): ${errors}`);
      };

      const nav = () => page.getByRole('navigation', { name: tr('nav-main'), exact: true });
      const goCommission = async () => {
        await follow(page, nav().getByRole('link', { name: tr('nav-commissions'), exact: true }), /\/commissions$/, 'the commissions');
        await open(page, `/commissions/${commission}`, 'the demo commission');
      };
      let planPath;
      const goPlan = async () => {
        await goCommission();
        await open(page, planPath, 'the demo action plan');
      };
      /** The header's search box, used like a person: words, then the button. */
      const search = async (words) => {
        const box = page.locator('header').getByRole('searchbox', { name: tr('search-label'), exact: true });
        await box.fill(words);
        await Promise.all([
          page.waitForURL(/\/search\?/),
          page.locator('header form[role="search"]').getByRole('button', { name: tr('search-submit'), exact: true }).click(),
        ]);
      };
      const searchHits = () => page.locator('main table a').allTextContents();

      const itemIds = [];
      let sessionPath;
      let secretId;

      try {
        // ---- 1. The Moroccan secretariat officer -------------------------------------------
        await step('secretariat records the 2nd session and the new items', async () => {
          await page.goto('/');
          assert.match(new URL(page.url()).pathname, /^\/login$/, 'an anonymous reader is sent to the login page');
          await visit('login');
          await login(page, USERS.secretariat.username, PASSWORD, { navigate: false });
          assert.equal(new URL(page.url()).pathname, '/', 'back to the page asked for');
          await visit('secretariat-home');

          await goCommission();
          await visit('commission');
          planPath = await page.locator('main #h-plans ~ ul a[href^="/plans/"]').first().getAttribute('href');

          // Two more people for the delegations, each from their party's page.
          for (const key of ['benali', 'coulibaly']) {
            const p = PEOPLE[key];
            await goCommission();
            await follow(page, page.locator('main dl.facts a[href^="/parties/"]', { hasText: PARTY[p.party][lang] }),
              /\/parties\//, `the party ${p.party}`);
            await visit(`party-${p.party}`);
            await follow(page, action(page, tr('action-new-person')), /\/people\/new$/, 'the new person form');
            await visit(`person-form-${key}`);
            await choose(field(page, tr('col-party')), PARTY[p.party][lang]);
            await field(page, tr('col-name-arabic')).fill(p.ar);
            await field(page, tr('col-name-latin')).fill(p.latin);
            await fillText3(page, tr, tr('col-function'), p.function);
            await choose(field(page, tr('col-organisation')), p.organisation);
            await save(new RegExp(`^/people/${UUID}$`), `the person ${p.latin}`);
            await visit(`person-${key}`);
          }

          // The session.
          await goCommission();
          await follow(page, action(page, tr('action-add-session')), /\/sessions\/new$/, 'the new session form');
          await visit('session-form');
          assert.equal(await field(page, tr('form-ordinal')).inputValue(), '2', 'the next ordinal is offered');
          await field(page, tr('form-start-on')).fill(SESSION.start);
          await field(page, tr('form-end-on')).fill(SESSION.end);
          await choose(field(page, tr('col-host')), PARTY[SESSION.host][lang]);
          await fillText3(page, tr, tr('col-place'), SESSION.place);
          await save(new RegExp(`^/sessions/${UUID}$`), 'the session');
          sessionPath = new URL(page.url()).pathname;
          await visit('session-new');
          const facts = await page.locator('main dl.facts').innerText();
          assert.ok(facts.includes(SESSION.place[lang]), `the place shows: ${facts}`);

          // Both delegations: one more line first (Mali brings three), then the members.
          await follow(page, action(page, tr('action-edit-delegations')), /\/delegations$/, 'the delegations form');
          await visit('delegations-form');
          await press(page, tr('form-add-rows'));
          await visit('delegations-form-more-rows');
          const blocks = rows(group(page.locator('main form'), tr('delegations-title')));
          for (const [d, del] of DELEGATIONS.entries()) {
            const block = blocks.nth(d);
            assert.match(await block.locator(':scope > legend').innerText(), new RegExp(PARTY[del.party][lang]),
              `delegation block ${d + 1} is ${del.party}'s`);
            const lines = rows(group(block, tr('form-members')));
            assert.ok(await lines.count() >= del.typed.length, `enough lines for ${del.party}`);
            for (const [i, [who, role, precedence]] of del.typed.entries()) {
              const line = lines.nth(i);
              await choose(field(line, tr('form-person')), PEOPLE[who][lang === 'ar' ? 'ar' : 'latin']);
              await field(line, tr('col-role')).selectOption({ label: tr(`role-${role}`) });
              await field(line, tr('form-precedence')).fill(String(precedence));
            }
          }
          await save(new RegExp(`^${sessionPath}$`), 'the delegations');
          await visit('session-with-delegations');
          const shown = await delegationNames(page);
          assert.equal(shown.length, 2, `two delegations: ${JSON.stringify(shown)}`);
          for (const [d, del] of DELEGATIONS.entries()) {
            assert.ok(shown[d].heading.includes(PARTY[del.party][lang]), `delegation ${d + 1} heading: ${shown[d].heading}`);
            assert.equal(shown[d].names.length, del.order.length, `${del.party} members: ${shown[d].names.join(' | ')}`);
            del.order.forEach((who, i) => assert.ok(shown[d].names[i]?.includes(PEOPLE[who][lang === 'ar' ? 'ar' : 'latin']),
              `${del.party} in protocol order: #${i + 1} should be ${PEOPLE[who].latin}, got ${shown[d].names.join(' | ')}`));
          }

          // Two decisions.
          await follow(page, action(page, tr('action-edit-decisions')), /\/decisions$/, 'the decisions form');
          await visit('decisions-form');
          const decisions = rows(group(page.locator('main form'), tr('decisions-title')));
          assert.ok(await decisions.count() >= 2, 'two blank decision lines');
          for (const [i, text] of DECISIONS.entries()) {
            await field(decisions.nth(i), tr('form-number')).fill(String(i + 1));
            await fillText3(decisions.nth(i), tr, tr('form-decision'), text);
          }
          await save(new RegExp(`^${sessionPath}$`), 'the decisions');
          await visit('session-with-decisions');
          const decided = await page.locator('#decisions ol li').allInnerTexts();
          assert.equal(decided.length, 2, `two decisions: ${decided.join(' | ')}`);
          DECISIONS.forEach((d, i) => assert.ok(decided[i].includes(d[lang]), `decision ${i + 1}: ${decided[i]}`));

          // Three action items in the demo plan, each led on both sides.
          await goPlan();
          await visit('plan');
          for (const [n, item] of [...ITEMS, SECRET].entries()) {
            const secret = item === SECRET;
            await follow(page, action(page, tr('action-add-item')), /\/items\/new$/, 'the new item form');
            await visit(`item-form-${item.code}`);
            await field(page, tr('col-code')).fill(item.code);
            await fillText3(page, tr, tr('form-title'), item.title);
            await field(page, tr('col-area')).selectOption({ index: 1 + (n % 2) }); // 0 is "none"
            for (const party of ['MA', 'ML']) {
              await choose(page.getByLabel(tr.re('form-lead-for', { party: PARTY[party][lang] })), item.leads[party]);
            }
            await field(page, tr('form-due-on')).fill(item.due);
            if (secret) {
              await field(group(page, tr('form-protection')), tr('form-releasability'))
                .selectOption({ label: tr('releasability-originator_only') });
            }
            await save(new RegExp(`^/items/${UUID}$`), `the item ${item.code}`);
            const id = new URL(page.url()).pathname.split('/').pop();
            if (secret) secretId = id;
            else itemIds.push(id);
            await visit(`item-${item.code}`);
            const leads = page.locator('main section[aria-labelledby="h-leads"] ul.sides > li');
            assert.equal(await leads.count(), 2, `${item.code}: a lead on each side`);
            for (const [i, party] of ['MA', 'ML'].entries()) {
              const text = await leads.nth(i).innerText();
              assert.ok(text.includes(PARTY[party][lang]), `${item.code}: lead ${i + 1} is ${party}'s: ${text}`);
              assert.ok(await leads.nth(i).locator('a[href^="/organisations/"]').count(), `${item.code}: ${party}'s lead body is named`);
            }
            await open(page, planPath, 'back to the plan');
            await visit(`plan-after-${item.code}`);
          }
          // The plan lists the three, each with both lead bodies.
          for (const item of [...ITEMS, SECRET]) {
            const row = page.locator('main table.items tbody tr', { has: page.locator('td', { hasText: item.code }) });
            assert.equal(await row.count(), 1, `${item.code} listed once in the plan`);
            const cells = await row.locator('td').allInnerTexts();
            // code, lead Morocco, lead Mali, due, status
            assert.ok(cells[1].trim() && cells[2].trim(), `${item.code}: both leads in the plan: ${cells.join(' | ')}`);
            assert.ok((await row.innerText()).includes(item.title[lang]), `${item.code}: title in the plan`);
          }
          // The originating party's own search finds the restricted item (so its absence later means something).
          await search(SECRET.word[lang]);
          await visit('secretariat-search');
          const hits = await searchHits();
          assert.ok(hits.some((h) => h.includes(SECRET.title[lang])), `the secretariat finds ${SECRET.code}: ${hits.join(' | ')}`);
        });

        // ---- 2. Mali's party editor ---------------------------------------------------------
        await step("Mali's editor reports progress on Mali's side", async () => {
          assert.equal(itemIds.length, 2, 'the items of step 1 exist');
          await logout(page);
          await visit('logged-out');
          await login(page, USERS.editor.username, PASSWORD);
          await visit('editor-home');
          mustNotShow = Object.values(SECRET.title).concat([SECRET.code]);
          await goPlan();
          await visit('editor-plan');
          await open(page, `/items/${itemIds[0]}`, `the item ${ITEMS[0].code}`);
          await visit('editor-item');
          await follow(page, action(page, tr('action-add-progress')), /\/progress\/new$/, 'the progress form');
          await visit('progress-form');
          const side = field(page, tr('form-reporting-side'));
          const sides = await side.locator('option').allTextContents();
          assert.deepEqual(sides.map((s) => s.trim()).filter((s) => s !== tr('form-none')), [PARTY.ML[lang]],
            "Mali's editor reports for Mali only");
          await choose(side, PARTY.ML[lang]);
          await field(page, tr('col-percent')).fill(PROGRESS.percent);
          await field(page, tr('col-status')).selectOption({ label: tr('status-in_progress') });
          await fillText3(page, tr, tr('col-narrative'), PROGRESS.narrative);
          await save(new RegExp(`^/items/${itemIds[0]}$`), 'the progress update');
          await visit('item-with-progress');
          const history = page.locator('main section[aria-labelledby="h-progress"] tbody tr');
          const entry = history.filter({ hasText: PROGRESS.narrative[lang] });
          assert.equal(await entry.count(), 1, `the update is in the progress history: ${(await history.allInnerTexts()).join(' | ')}`);
          const text = await entry.innerText();
          assert.ok(text.includes(PARTY.ML[lang]), `reported by Mali: ${text}`);
          assert.match(text, /40|٤٠/, `40 percent: ${text}`);
        });

        // ---- 3. Mali's reader ---------------------------------------------------------------
        await step("Mali's reader sees everything but the originator-only item", async () => {
          await logout(page);
          await login(page, USERS.reader.username, PASSWORD);
          await visit('reader-home');
          await goPlan();
          await visit('reader-plan');
          for (const item of ITEMS) {
            assert.equal(await page.locator('main table.items tbody tr', { hasText: item.title[lang] }).count(), 1,
              `${item.code} is visible to the reader`);
          }
          assert.equal(await page.locator(`main a[href="/items/${secretId}"]`).count(), 0, 'no link to the originator-only item');

          await open(page, `/items/${itemIds[0]}`, `the item ${ITEMS[0].code}`);
          await visit('reader-item');
          assert.equal(await page.locator('main section[aria-labelledby="h-progress"] tbody tr', { hasText: PROGRESS.narrative[lang] }).count(), 1,
            "the reader sees Mali's progress update");
          assert.equal(await action(page, tr('action-add-progress')).count(), 0, 'a reader is not offered to report');

          // The session, its delegations and decisions.
          await goCommission();
          await open(page, sessionPath, 'the 2nd session');
          await visit('reader-session');
          const shown = await delegationNames(page);
          assert.deepEqual(shown.map((d) => d.names.length), DELEGATIONS.map((d) => d.order.length), 'both delegations, all members');
          assert.equal(await page.locator('#decisions ol li').count(), 2, 'both decisions');

          // The originator-only item's own address: the 404 page, as for a record that never was.
          await page.goto(`/items/${secretId}`);
          await visit('reader-secret-item', { status: 404 });
          assert.equal((await page.locator('main h1').innerText()).trim(), tr('error-not-found-title'));

          // Search: nothing for the hidden item, the visible one still found.
          await search(SECRET.word[lang]);
          await visit('reader-search-secret');
          assert.deepEqual(await searchHits(), [], 'search does not find the originator-only item');
          assert.ok((await page.locator('main').innerText()).includes(tr('search-none')), 'the page says there is no result');
          await search(ITEMS[0].title[lang]);
          await visit('reader-search-visible');
          const hits = await searchHits();
          assert.ok(hits.some((h) => h.includes(ITEMS[0].title[lang])), `search finds ${ITEMS[0].code}: ${hits.join(' | ')}`);
        });
      } catch (e) {
        await screenshot(page, `roles-${lang}-FAILED`).catch(() => {});
        throw e;
      } finally {
        await context.close();
        await server.stop();
        await data.remove();
      }
    });
  }
});
