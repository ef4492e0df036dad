import { AbiCoder, encodeBytes32String } from 'ethers';
import { describe, expect, it } from 'vitest';
import { balanceOfData, decodeText, decodeUint, judgeMetadata } from './erc20-metadata';

const coder = AbiCoder.defaultAbiCoder();
const str = (s: string) => coder.encode(['string'], [s]);
const uint = (n: bigint | number) => coder.encode(['uint256'], [n]);
const CODE = '0x6080604052';

describe('ERC-20 metadata read from the contract', () => {
  it('decodes string and bytes32 symbols, strips control and bidi characters', () => {
    expect(decodeText(str('TST'))).toBe('TST');
    expect(decodeText(encodeBytes32String('MKR'))).toBe('MKR');
    expect(decodeText(str('US\u202eDT\u0000 '))).toBe('USDT');
    expect(decodeText(str(''))).toBeNull();
    expect(decodeText('0x')).toBeNull();
    expect(decodeText('0x1234')).toBeNull();
    expect(decodeText(42)).toBeNull();
    expect(decodeText(`0x${'ff'.repeat(64)}`)).toBeNull(); // an offset pointing nowhere
  });

  it('decodes a uint word; anything shorter is no answer', () => {
    expect(decodeUint(uint(6))).toBe(6n);
    expect(decodeUint('0x')).toBeNull();
    expect(decodeUint('0x06')).toBeNull();
    expect(decodeUint('garbage')).toBeNull();
  });

  it('accepts a well-behaved token', () => {
    expect(judgeMetadata({ code: CODE, symbol: str('TST'), name: str('Test Token'), decimals: uint(6) })).toEqual({ ok: true, symbol: 'TST', name: 'Test Token', decimals: 6 });
    // name() is optional in ERC-20
    expect(judgeMetadata({ code: CODE, symbol: str('TST'), name: undefined, decimals: uint(18) })).toEqual({ ok: true, symbol: 'TST', name: null, decimals: 18 });
  });

  it('refuses an address without code, a contract that reverts, and absurd decimals', () => {
    expect(judgeMetadata({ code: '0x', symbol: undefined, name: undefined, decimals: undefined })).toEqual({ ok: false, problem: 'no_code' });
    expect(judgeMetadata({ code: CODE, symbol: undefined, name: undefined, decimals: undefined })).toEqual({ ok: false, problem: 'unreadable' });
    expect(judgeMetadata({ code: CODE, symbol: str('X'), name: undefined, decimals: '0x' })).toEqual({ ok: false, problem: 'unreadable' });
    expect(judgeMetadata({ code: CODE, symbol: str('X'), name: undefined, decimals: uint(77) })).toEqual({ ok: false, problem: 'bad_decimals', decimals: 77n });
    expect(judgeMetadata({ code: CODE, symbol: str('X'), name: undefined, decimals: uint(2n ** 255n) })).toMatchObject({ ok: false, problem: 'bad_decimals' });
  });

  it('builds balanceOf call data', () => {
    expect(balanceOfData('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')).toBe('0x70a08231000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266');
  });
});
