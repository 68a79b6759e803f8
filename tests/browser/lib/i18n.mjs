// The site's own wording, read from its Fluent catalogues (crates/i18n/locales/*.ftl), so a test
// finds a button or a field by the label a person reads in that language, and follows the
// catalogue when a wording changes. Only simple messages are read (text with `{ $var }`
// placeables); plural selectors are left out (tests do not look for them).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './server.mjs';

const cache = new Map();

/** The simple messages of a locale, as `{ key: text }`. */
function catalogue(lang) {
  if (cache.has(lang)) return cache.get(lang);
  const file = path.join(repoRoot, 'crates', 'i18n', 'locales', `${lang}.ftl`);
  const out = {};
  let key = null;
  let parts = [];
  const flush = () => {
    if (key !== null) {
      const text = parts.join(' ').trim();
      // A selector (`{ $count -> … }`) is not a simple message.
      if (text && !/->/.test(text)) out[key] = text;
    }
    key = null;
    parts = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([a-z][a-z0-9_-]*)\s*=\s?(.*)$/.exec(line);
    if (m) {
      flush();
      key = m[1];
      parts.push(m[2]);
    } else if (key !== null && /^\s+\S/.test(line)) {
      parts.push(line.trim());
    } else {
      flush();
    }
  }
  flush();
  cache.set(lang, out);
  return out;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The message function of a locale: `t(key, args)` is the text with placeables filled in;
 * `t.re(key, args)` an anchored RegExp of it (whitespace-tolerant), for accessible-name matching.
 * An unknown key throws, so a renamed message fails loudly instead of matching nothing.
 */
export function messages(lang) {
  const cat = catalogue(lang);
  const raw = (key) => {
    const text = cat[key];
    if (text === undefined) throw new Error(`no simple message ${key} in ${lang}.ftl`);
    return text;
  };
  const fill = (text, args, map) =>
    text.replace(/\{\s*\$([a-z_]+)\s*\}/g, (_, name) => {
      if (!(name in args)) throw new Error(`message needs $${name}`);
      return map(String(args[name]));
    });
  const t = (key, args = {}) => fill(raw(key), args, (v) => v);
  t.re = (key, args = {}) => {
    const src = escapeRe(raw(key)).replace(/\\\{\s*\\\$([a-z_]+)\s*\\\}/g, (_, name) => {
      if (!(name in args)) throw new Error(`message needs $${name}`);
      return escapeRe(String(args[name]));
    });
    return new RegExp(`^\\s*${src.replace(/\s+/g, '\\s+')}\\s*$`);
  };
  return t;
}
