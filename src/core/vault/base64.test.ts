import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

describe('base64', () => {
  it('matches Node Buffer for every length 0..64', () => {
    for (let n = 0; n <= 64; n++) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(n));
      const b64 = bytesToBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(b64)).toEqual(bytes);
    }
  });

  it('handles all byte values', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
  });

  it.each([
    ['missing padding', 'QQ'],
    ['bad length', 'QUJDR'],
    ['whitespace', 'QU JD'],
    ['newline', 'QUJD\n'],
    ['url-safe alphabet', 'a-_b'],
    ['padding in the middle', 'QQ==QUJD'],
    ['three pad chars', 'Q==='],
    ['non-canonical trailing bits (1 pad)', 'QUJ='],
    ['non-canonical trailing bits (2 pad)', 'QR=='],
    ['non-ascii', 'QUJé'],
  ])('rejects %s', (_name, text) => {
    expect(base64ToBytes(text)).toBeNull();
  });
});
