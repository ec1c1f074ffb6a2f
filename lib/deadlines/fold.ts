// Length-preserving folding of Vietnamese text: diacritics removed, đ → d, lower case, one output
// character per input UTF-16 unit. Keeping the length is what lets every match found in folded
// text point back at the same offsets in the text the user sees.

const TABLE_SIZE = 0x2000;
let table: Uint16Array | null = null;

function buildTable(): Uint16Array {
  const t = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    let f = ch.normalize("NFD").charAt(0).toLowerCase();
    if (ch === "đ" || ch === "Đ") f = "d";
    if (f.length !== 1) f = ch;
    t[c] = f.charCodeAt(0);
  }
  return t;
}

export function foldVi(s: string): string {
  if (!table) table = buildTable();
  const t = table;
  let out = "";
  let chunk: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    chunk.push(c < TABLE_SIZE ? (t[c] ?? c) : c);
    if (chunk.length === 4096) {
      out += String.fromCharCode(...chunk);
      chunk = [];
    }
  }
  if (chunk.length) out += String.fromCharCode(...chunk);
  return out;
}
