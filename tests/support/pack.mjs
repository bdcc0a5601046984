// Parts as the app stores them (src/domain/data/storage/pack.rs): a packed
// part starts with U+0001, then its length in bytes as two 15-bit units,
// then LZ77 tokens written 15 bits to a character. Read here on their own,
// so the tests check the stored format, not only the app's reading of it.

/** A stored part's text; text stored before packing comes back as it is. */
export function unpack(stored) {
  if (!stored.startsWith('\u0001')) return stored;
  const units = [...stored.slice(1)].map((c) => c.codePointAt(0));
  const length = units[0] * 0x8000 + units[1];
  const tokens = [];
  let bits = 0;
  let count = 0;
  for (const unit of units.slice(2)) {
    bits = (bits << 15) | unit;
    count += 15;
    while (count >= 8) {
      count -= 8;
      tokens.push((bits >>> count) & 0xff);
    }
    bits &= (1 << count) - 1;
  }
  const out = new Uint8Array(length);
  let written = 0;
  let at = 0;
  const number = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = tokens[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (written < length) {
    const token = number();
    if (token % 2 === 0) {
      for (let i = 0; i < token / 2; i++) out[written++] = tokens[at++];
    } else {
      const repeat = (token - 1) / 2 + 4;
      const start = written - number();
      for (let i = 0; i < repeat; i++) out[written++] = out[start + i];
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(out);
}
