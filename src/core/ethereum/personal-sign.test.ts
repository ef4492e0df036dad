import { SigningKey, computeAddress, hashMessage } from 'ethers';
import { describe, expect, it } from 'vitest';
import { InvalidParamsError } from './errors';
import { decodePersonalMessage, personalSignParams } from './personal-sign';

/** Signs the decoded bytes the way the background does (EIP-191 digest, raw key). */
function sign(key: string, message: string): string {
  return new SigningKey(key).sign(hashMessage(decodePersonalMessage(message).bytes)).serialized;
}

describe('decodePersonalMessage — signing vectors', () => {
  // MetaMask eth-sig-util src/personal-sign.test.ts ("kumavis fml manual test I-III",
  // generated with geth internals; III is from parity's RPC tests).
  it.each([
    [
      '6969696969696969696969696969696969696969696969696969696969696969',
      '0x68656c6c6f20776f726c64',
      '0xce909e8ea6851bc36c007a0072d0524b07a3ff8d4e623aca4c71ca8e57250c4d0a3fc38fa8fbaaa81ead4b9f6bd03356b6f8bf18bccad167d78891636e1d69561b',
      '0xbe93f9bacbcffc8ee6663f2647917ed7a20a57bb',
    ],
    [
      '6969696969696969696969696969696969696969696969696969696969696969',
      '0x0cc175b9c0f1b6a831c399e26977266192eb5ffee6ae2fec3ad71c777531578f',
      '0x9ff8350cc7354b80740a3580d0e0fd4f1f02062040bc06b893d70906f8728bb5163837fd376bf77ce03b55e9bd092b32af60e86abce48f7b8d3539988ee5a9be1c',
      '0xbe93f9bacbcffc8ee6663f2647917ed7a20a57bb',
    ],
    [
      '4545454545454545454545454545454545454545454545454545454545454545',
      '0x0cc175b9c0f1b6a831c399e26977266192eb5ffee6ae2fec3ad71c777531578f',
      '0xa2870db1d0c26ef93c7b72d2a0830fa6b841e0593f7186bc6c7cc317af8cf3a42fda03bd589a49949aa05db83300cdb553116274518dbe9d90c65d0213f4af491b',
      '0xe0da1edcea030875cd0f199d96eb70f6ab78faf2',
    ],
    // Same file, "Hello, world!" passed as a plain (non-hex) string.
    [
      '4af1bceebf7f3634ec3cff8a2c38e51178d5d4ce585c52d6043e5e2cc3418bb0',
      'Hello, world!',
      '0x90a938f7457df6e8f741264c32697fc52f9a8f867c52dd70713d9d2d472f2e415d9c94148991bbe1f4a1818d1dff09165782749c877f5cf1eff4ef126e55714d1c',
      null,
    ],
  ])('key %s, message %s', (key, message, signature, address) => {
    expect(sign(`0x${key}`, message)).toBe(signature);
    if (address) expect(computeAddress(`0x${key}`).toLowerCase()).toBe(address);
  });
});

describe('decodePersonalMessage — display', () => {
  it('decodes hex UTF-8 to text', () => {
    const m = decodePersonalMessage('0x68656c6c6f20776f726c64');
    expect(m.text).toBe('hello world');
    expect(m.hex).toBe('0x68656c6c6f20776f726c64');
    expect(Array.from(m.bytes)).toEqual(Array.from(Buffer.from('hello world')));
  });

  it('lower-cases the hex it reports', () => {
    expect(decodePersonalMessage('0x4869').hex).toBe('0x4869');
    expect(decodePersonalMessage('0xABCD').hex).toBe('0xabcd');
  });

  it('keeps newline, carriage return and tab', () => {
    const text = 'Sign in to example.org\r\n\tNonce: 42\n';
    expect(decodePersonalMessage(`0x${Buffer.from(text).toString('hex')}`).text).toBe(text);
  });

  it('decodes multi-byte UTF-8', () => {
    const text = 'Grüße 👋 日本';
    expect(decodePersonalMessage(`0x${Buffer.from(text).toString('hex')}`).text).toBe(text);
  });

  it.each([
    ['invalid UTF-8', '0xff'],
    ['truncated UTF-8 sequence', '0xe282'],
    ['overlong encoding', '0xc0af'],
    ['NUL', '0x6100'],
    ['ESC (terminal escape)', '0x1b5b33316d'],
    ['DEL', '0x7f'],
    ['C1 control U+0085', '0xc285'],
    ['bidi override U+202E', `0x61${'e280ae'}62`],
    ['bidi isolate U+2066', '0xe281a6'],
    ['binary hash', '0x0cc175b9c0f1b6a831c399e26977266192eb5ffee6ae2fec3ad71c777531578f'],
  ])('gives text null for %s', (_name, hex) => {
    const m = decodePersonalMessage(hex);
    expect(m.text).toBeNull();
    expect(m.hex).toBe(hex);
  });

  it('treats "0x" as empty bytes', () => {
    const m = decodePersonalMessage('0x');
    expect(m.bytes.length).toBe(0);
    expect(m.hex).toBe('0x');
    expect(m.text).toBe('');
  });

  it('left-pads an odd digit count like MetaMask', () => {
    const m = decodePersonalMessage('0x141');
    expect(m.hex).toBe('0x0141');
    expect(Array.from(m.bytes)).toEqual([0x01, 0x41]);
  });

  it('keeps a leading BOM visible in the text', () => {
    expect(decodePersonalMessage('0xefbbbf41').text).toBe('\uFEFFA');
  });

  it('signs a non-hex string as its UTF-8 bytes', () => {
    for (const text of ['Hello, world!', '0xhello', '0X41', 'ünïcödé', '']) {
      const m = decodePersonalMessage(text);
      expect(Buffer.from(m.bytes).toString('utf8')).toBe(text);
      expect(m.text).toBe(text);
      expect(m.hex).toBe(`0x${Buffer.from(text).toString('hex')}`);
    }
  });

  it('shows what is really signed for a lone surrogate', () => {
    const m = decodePersonalMessage('a\uD800b');
    expect(m.hex).toBe('0x61efbfbd62');
    expect(m.text).toBe('a\uFFFDb');
  });

  it('hides a plain string with control characters', () => {
    const m = decodePersonalMessage('a\u0000b');
    expect(m.text).toBeNull();
    expect(m.hex).toBe('0x610062');
  });

  it('rejects a non-string at runtime', () => {
    expect(() => decodePersonalMessage(42 as unknown as string)).toThrow(InvalidParamsError);
  });
});

describe('personalSignParams', () => {
  const addr = '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826';
  const lower = addr.toLowerCase();

  it('reads [message, address]', () => {
    expect(personalSignParams(['0x68656c6c6f', addr])).toEqual({ message: '0x68656c6c6f', address: addr });
  });

  it('recovers the legacy [address, message] order', () => {
    expect(personalSignParams([lower, '0x68656c6c6f'])).toEqual({ message: '0x68656c6c6f', address: addr });
    expect(personalSignParams([addr, 'Hello'])).toEqual({ message: 'Hello', address: addr });
  });

  it('keeps the standard order when the message is itself 20 bytes of hex', () => {
    const other = '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB';
    expect(personalSignParams([other, addr])).toEqual({ message: other, address: addr });
  });

  it('checksums the address whatever its case', () => {
    expect(personalSignParams(['hi', lower]).address).toBe(addr);
    expect(personalSignParams(['hi', lower.toUpperCase().replace('0X', '0x')]).address).toBe(addr);
  });

  it('ignores a third (legacy password) param', () => {
    expect(personalSignParams(['hi', addr, 'password'])).toEqual({ message: 'hi', address: addr });
  });

  it.each<[string, unknown]>([
    ['not an array', { message: 'hi', address: addr }],
    ['empty', []],
    ['one param', ['hi']],
    ['no address', ['hi', 'there']],
    ['short address', ['hi', addr.slice(0, 41)]],
    ['address without 0x', ['hi', addr.slice(2)]],
    ['non-string message', [42, addr]],
    ['non-string address', ['hi', 42]],
    ['null', null],
  ])('rejects %s', (_name, params) => {
    expect(() => personalSignParams(params)).toThrow(InvalidParamsError);
  });
});
