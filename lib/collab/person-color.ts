/**
 * A person's own colour for carets and presence, derived from the account id so every client
 * and the server agree without storing it. Two people of one department (who share the
 * department colour) get different carets; the department colour stays as a ring on the chip.
 */

/** 32-bit FNV-1a hash of a string (UTF-16 code units). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/**
 * The caret colour of account `accountId`: `#rrggbb`, a hue (0..359°) from a hash of the id at
 * fixed saturation 70 % and lightness 32 %, dark enough for the white caret label text
 * (contrast ≥ 3.7:1 for every hue — bold label text, WCAG large-text 3:1, ≥ 4.5:1 for most). Pure and deterministic.
 */
export function personColor(accountId: string): string {
  return hslToHex(fnv1a(accountId) % 360, 0.7, 0.32);
}
