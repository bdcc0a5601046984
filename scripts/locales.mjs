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

/** A language's texts as the app installs them: key → forms joined by U+0001,
 *  only texts with every form translated (a missing one falls back to German). */
export function compiled(code) {
  const texts = {};
  for (const [key, entry] of readCatalogue(`${code}.po`)) {
    if (entry.forms.length > 0 && entry.forms.every((form) => form !== '')) texts[key] = entry.forms.join('\u0001');
  }
  return texts;
}
