/**
 * windows-1252 decoding. Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (bytes
 * 0x80–0x9F become C1 controls instead of “ ” – € …), so the 32 differing bytes are mapped here.
 */

/** Code points for bytes 0x80..0x9F; 0 marks the five bytes windows-1252 leaves undefined (kept as is). */
const HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    for (const b of bytes.subarray(start, start + CHUNK)) {
      codes.push(b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] || b : b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
