import { describe, expect, it } from 'vitest';
import { originFromSender } from './origin';

describe('originFromSender', () => {
  it('uses sender.origin, including a sub-frame of another site', () => {
    expect(originFromSender({ origin: 'https://dapp.example', url: 'https://dapp.example/x?y' })).toBe('https://dapp.example');
    expect(originFromSender({ origin: 'https://iframe.example', url: 'https://iframe.example/', tab: { url: 'https://top.example/' } as never })).toBe('https://iframe.example');
  });
  it('allows http on localhost', () => {
    expect(originFromSender({ origin: 'http://localhost:5173' })).toBe('http://localhost:5173');
  });
  it('refuses opaque and non-web origins with 4100', () => {
    for (const s of [{ origin: 'null' }, { url: 'data:text/html,hi' }, { origin: 'file://' }, { origin: 'chrome-extension://abc' }, {}]) {
      expect(() => originFromSender(s)).toThrow(expect.objectContaining({ code: 4100 }));
    }
  });
});
