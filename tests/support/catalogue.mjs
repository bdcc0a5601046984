// The UI texts as the translators' files hold them (src/i18n/locales):
// German from messages.pot, every other language from <code>.po.
import { readFileSync } from 'node:fs';

const LOCALES = new URL('../../src/i18n/locales/', import.meta.url);

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

/** The texts of the German UI that no other language shares: what must not
 *  be seen once the UI speaks `code`. Placeholders split a text into pieces. */
export function germanOnly(code) {
  const german = readCatalogue('messages.pot');
  const other = readCatalogue(`${code}.po`);
  // A text shown shortened ("SGB II" of "SGB II (Grundsicherung)") counts as theirs too.
  const theirs = new Set([...other.values()].flatMap((e) => e.forms.flatMap((f) => [f, f.split(' (')[0]])));
  const whole = new Set();
  const pieces = new Set();
  for (const [key, entry] of german) {
    if (key.startsWith('format.')) continue;
    for (const text of entry.source) {
      if (theirs.has(text)) continue;
      if (!text.includes('{')) whole.add(text);
      for (const piece of text.split(/\{[a-z_]+\}/)) {
        const trimmed = piece.trim();
        if (trimmed.length >= 15 && trimmed.includes(' ') && ![...theirs].some((t) => t.includes(trimmed))) pieces.add(trimmed);
      }
    }
  }
  return { whole, pieces };
}
