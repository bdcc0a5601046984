// The translators' files (src/i18n/locales): read as they are, and each
// language besides German compiled for the app to fetch when chosen
// (build.rs compiles German into the wasm).
import { readFileSync, readdirSync } from 'node:fs';

const LOCALES = new URL('../src/i18n/locales/', import.meta.url);

const unquote = (s) => JSON.parse(s);

/** key → { source: [msgid, msgid_plural?], forms: [msgstr…] } of one file. */
export function readCatalogue(file) {
  const entries = new Map();
  let entry = null;
  let field = null;
  for (const line of readFileSync(new URL(file, LOCALES), 'utf8').split('\n')) {
    const m = line.match(/^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$/);
    if (m) {
      const [, keyword, value] = m;
      if (keyword === 'msgctxt') {
        entry = { source: [], forms: [] };
        entries.set(unquote(value), entry);
      } else if (entry && keyword.startsWith('msgid')) entry.source.push(unquote(value));
      else if (entry) entry.forms.push(unquote(value));
      field = keyword;
    } else if (entry && field && line.startsWith('"')) {
      const list = field.startsWith('msgid') ? entry.source : entry.forms;
      list[list.length - 1] += unquote(line);
    }
  }
  return entries;
}

/** Each translation's code, from its file name (`en.po` → `en`), checked against its header. */
export function languages() {
  return readdirSync(LOCALES).filter((name) => name.endsWith('.po')).map((name) => {
    const code = name.slice(0, -3);
    const declared = readFileSync(new URL(name, LOCALES), 'utf8').match(/"Language: ([^\\"]+)\\n"/)?.[1];
    if (declared !== code) throw new Error(`src/i18n/locales/${name}: "Language: ${declared}" does not match the file name`);
    return code;
  });
}

/** The keys in the order the app numbers them (build.rs: sorted by bytes;
 *  keys are ASCII, so JavaScript's order is the same), and their FNV-1a
 *  fingerprint, which the app compares before it installs a language. */
export function keys() {
  const sorted = [...readCatalogue('messages.pot').keys()].sort();
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(sorted.join('\0'))) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return { sorted, fingerprint: hash };
}

/** A language's texts as the app installs them: `{ keys: fingerprint,
 *  texts: [...] }`, per key in order its forms joined by U+0001; empty where
 *  a form is missing (the app falls back to German). */
export function compiled(code) {
  const { sorted, fingerprint } = keys();
  const catalogue = readCatalogue(`${code}.po`);
  const texts = sorted.map((key) => {
    const entry = catalogue.get(key);
    const complete = entry && entry.forms.length > 0 && entry.forms.every((form) => form !== '');
    return complete ? entry.forms.join('\u0001') : '';
  });
  return { keys: fingerprint, texts };
}
