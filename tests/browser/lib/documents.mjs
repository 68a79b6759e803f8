// What the document scenarios share: the demo's Morocco–Mali commission, a downloaded file,
// and a PDF's text as poppler's pdftotext reads it (installed by scripts/test and CI).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer } from './server.mjs';

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The demo's Morocco–Mali commission's id, from a short-lived `serve --demo` on the same data. */
export async function demoCommission(dataDir, name = 'lookup-server') {
  const lookup = await startServer({ demo: true, dataDir, name });
  try {
    const html = await (await fetch(new URL('/commissions', lookup.url))).text();
    // The demo also holds an invented Morocco–Senegal commission: take the Morocco–Mali one.
    const links = [...html.matchAll(new RegExp(`href="/commissions/(${UUID})"[^>]*>(.*?)</a>`, 'gs'))];
    const ids = [...new Set(links.filter((m) => m[2].includes('maroco-malienne')).map((m) => m[1]))];
    assert.equal(ids.length, 1);
    return ids[0];
  } finally {
    await lookup.stop();
  }
}

/** The text of a PDF on one line, without direction marks. */
export function pdfText(file) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');
}

/** Clicks what starts a download and resolves with the saved file's path and suggested name. */
export async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { file: await dl.path(), name: dl.suggestedFilename() };
}
