import { id } from 'ethers';
import { describe, expect, it } from 'vitest';
import { callArg, decodeCall, tokenAmountArg } from './calldata';

const word = (hex: string) => hex.replace(/^0x/, '').toLowerCase().padStart(64, '0');
const MAX = 'f'.repeat(64);
const ROUTER = '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45'; // Uniswap SwapRouter02
const UR = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD'; // Uniswap Universal Router
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ALICE = '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826';
const BOB = '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB';

describe('decodeCall', () => {
  it('uses the canonical selectors', () => {
    // Well-known 4-byte selectors (ERC-20 / ERC-721 / Permit2), recomputed here.
    const expected: Record<string, string> = {
      'transfer(address,uint256)': '0xa9059cbb',
      'approve(address,uint256)': '0x095ea7b3',
      'transferFrom(address,address,uint256)': '0x23b872dd',
      'increaseAllowance(address,uint256)': '0x39509351',
      'setApprovalForAll(address,bool)': '0xa22cb465',
      'safeTransferFrom(address,address,uint256)': '0x42842e0e',
      'approve(address,address,uint160,uint48)': '0x87517c45',
    };
    for (const [sig, selector] of Object.entries(expected)) expect(id(sig).slice(0, 10)).toBe(selector);
  });

  it('decodes an unlimited ERC-20 approve (hand-built ABI words)', () => {
    expect(decodeCall(`0x095ea7b3${word(ROUTER)}${MAX}`)).toEqual({
      name: 'approve',
      selector: '0x095ea7b3',
      signature: 'approve(address,uint256)',
      args: [
        { name: 'spender', type: 'address', value: ROUTER },
        { name: 'value', type: 'uint256', value: (2n ** 256n - 1n).toString() },
      ],
    });
  });

  it('decodes transfer', () => {
    expect(decodeCall(`0xa9059cbb${word(BOB)}${word('0xf4240')}`)?.args).toEqual([
      { name: 'to', type: 'address', value: BOB },
      { name: 'value', type: 'uint256', value: '1000000' },
    ]);
  });

  it('decodes transferFrom and safeTransferFrom', () => {
    const a = decodeCall(`0x23b872dd${word(ALICE)}${word(BOB)}${word('0x2a')}`);
    expect(a?.name).toBe('transferFrom');
    expect(a?.args.map((x) => x.value)).toEqual([ALICE, BOB, '42']);
    const b = decodeCall(`0x42842e0e${word(ALICE)}${word(BOB)}${word('0x2a')}`);
    expect(b?.signature).toBe('safeTransferFrom(address,address,uint256)');
    expect(b?.args.map((x) => `${x.name}:${x.type}`)).toEqual(['from:address', 'to:address', 'tokenId:uint256']);
  });

  it('decodes increaseAllowance', () => {
    expect(decodeCall(`0x39509351${word(ROUTER)}${word('0x64')}`)?.args).toEqual([
      { name: 'spender', type: 'address', value: ROUTER },
      { name: 'addedValue', type: 'uint256', value: '100' },
    ]);
  });

  it('decodes setApprovalForAll true and false', () => {
    expect(decodeCall(`0xa22cb465${word(ROUTER)}${word('0x1')}`)?.args[1]).toEqual({ name: 'approved', type: 'bool', value: 'true' });
    expect(decodeCall(`0xa22cb465${word(ROUTER)}${word('0x0')}`)?.args[1]?.value).toBe('false');
  });

  it('decodes Permit2 approve', () => {
    const call = decodeCall(`0x87517c45${word(USDC)}${word(UR)}${word('f'.repeat(40))}${word('f'.repeat(12))}`);
    expect(call).toEqual({
      name: 'approve',
      selector: '0x87517c45',
      signature: 'approve(address,address,uint160,uint48)',
      args: [
        { name: 'token', type: 'address', value: USDC },
        { name: 'spender', type: 'address', value: UR },
        { name: 'amount', type: 'uint160', value: (2n ** 160n - 1n).toString() },
        { name: 'expiration', type: 'uint48', value: (2n ** 48n - 1n).toString() },
      ],
    });
  });

  it('accepts upper-case hex and reports a lower-case selector', () => {
    expect(decodeCall(`0x095EA7B3${word(ROUTER).toUpperCase()}${MAX.toUpperCase()}`)?.selector).toBe('0x095ea7b3');
  });

  it('ignores trailing bytes, as the EVM does', () => {
    expect(decodeCall(`0xa9059cbb${word(BOB)}${word('0x1')}deadbeef`)?.args[1]?.value).toBe('1');
  });

  it('reads dirty address bits the way legacy token contracts do (masked), instead of giving up', () => {
    const dirty = `ffffffffffffffffffffffff${ROUTER.slice(2).toLowerCase()}`;
    expect(decodeCall(`0x095ea7b3${dirty}${MAX}`)?.args[0]?.value).toBe(ROUTER);
  });

  it('reads any non-zero bool as true', () => {
    expect(decodeCall(`0xa22cb465${word(ROUTER)}${word('0x2')}`)?.args[1]?.value).toBe('true');
  });

  it.each<[string, string | undefined]>([
    ['undefined', undefined],
    ['empty', ''],
    ['0x', '0x'],
    ['short selector', '0x095ea7'],
    ['odd length', `0x095ea7b3${word(ROUTER)}${MAX}0`],
    ['non-hex', `0x095ea7b3${word(ROUTER)}${'z'.repeat(64)}`],
    ['no 0x', `095ea7b3${word(ROUTER)}${MAX}`],
    ['unknown selector', `0xdeadbeef${word(ROUTER)}${MAX}`],
    ['selector only', '0x095ea7b3'],
    ['missing argument', `0x095ea7b3${word(ROUTER)}`],
    ['truncated word', `0x095ea7b3${word(ROUTER)}${MAX.slice(2)}`],
  ])('gives null for %s', (_name, data) => {
    expect(decodeCall(data)).toBeNull();
  });

  it('never throws on random data behind known selectors', () => {
    const selectors = ['0xa9059cbb', '0x095ea7b3', '0x23b872dd', '0x39509351', '0xa22cb465', '0x42842e0e', '0x87517c45'];
    for (let i = 0; i < 500; i++) {
      const n = Math.floor(Math.random() * 200);
      const body = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(n))).toString('hex');
      const sel = selectors[i % selectors.length] ?? '0x';
      expect(() => decodeCall(`${sel}${body}`)).not.toThrow();
    }
  });
});

describe('callArg', () => {
  it('finds an argument by name', () => {
    const call = decodeCall(`0xa9059cbb${word(BOB)}${word('0x5')}`);
    expect(call && callArg(call, 'to')).toBe(BOB);
    expect(call && callArg(call, 'value')).toBe('5');
    expect(call && callArg(call, 'spender')).toBeUndefined();
  });
});

describe('tokenAmountArg', () => {
  it('names the amount of the called token in ERC-20 transfers and approvals', () => {
    const arg = (data: string) => {
      const call = decodeCall(data);
      return call && tokenAmountArg(call);
    };
    expect(arg(`0xa9059cbb${word(BOB)}${word('0x5')}`)).toBe('value');
    expect(arg(`0x095ea7b3${word(ROUTER)}${MAX}`)).toBe('value');
    expect(arg(`0x23b872dd${word(ALICE)}${word(BOB)}${word('0x2a')}`)).toBe('value');
    expect(arg(`0x39509351${word(ROUTER)}${word('0x64')}`)).toBe('addedValue');
    // No amount of the called contract: an NFT id, an operator flag, Permit2's amount of another token.
    expect(arg(`0x42842e0e${word(ALICE)}${word(BOB)}${word('0x2a')}`)).toBeNull();
    expect(arg(`0xa22cb465${word(ROUTER)}${word('0x1')}`)).toBeNull();
    expect(arg(`0x87517c45${word(USDC)}${word(UR)}${word('f'.repeat(40))}${word('f'.repeat(12))}`)).toBeNull();
  });
});
