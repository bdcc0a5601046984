// The UI texts as the translators' files hold them (src/i18n/locales):
// German from messages.pot, every other language from <code>.po; read by
// the reader the build uses (scripts/locales.mjs).
import { readCatalogue } from '../../scripts/locales.mjs';

export { readCatalogue };

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
