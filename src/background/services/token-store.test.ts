import { describe, expect, it } from 'vitest';
import { defaultTokens } from '../../shared/default-tokens';
import { memoryStore } from './store';
import { TokenStore } from './token-store';

const MAINNET_USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const MINE = { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'TST', decimals: 6, image: null };

describe('token list: defaults merged with the user’s tokens', () => {
  it('lists a network’s defaults first, then the added tokens; nothing on Localhost', async () => {
    const s = new TokenStore(memoryStore());
    await s.add(1, MINE);
    const list = await s.list(1);
    expect(list.map((t) => t.symbol)).toEqual([...defaultTokens(1).map((t) => t.symbol), 'TST']);
    expect(list.filter((t) => t.isDefault)).toHaveLength(defaultTokens(1).length);
    expect(list.at(-1)).toEqual({ ...MINE, isDefault: false });
    expect(await s.find(1, MINE.address.toUpperCase().replace('0X', '0x'))).toEqual({ ...MINE, isDefault: false });
    expect((await s.find(1, MAINNET_USDC.toLowerCase()))?.symbol).toBe('USDC');
    expect(await s.find(31337, MINE.address)).toBeUndefined();
    expect(await s.list(31337)).toEqual([]);
  });

  it('hides a default token (kept hidden), shows it again when the user adds it back', async () => {
    const local = memoryStore();
    const s = new TokenStore(local);
    expect(await s.remove(1, MAINNET_USDC.toLowerCase())).toBe(true);
    expect((await s.list(1)).map((t) => t.address)).not.toContain(MAINNET_USDC);
    expect(await new TokenStore(local).remove(1, MAINNET_USDC)).toBe(false); // already hidden: nothing listed to remove
    expect((await s.list(10)).map((t) => t.symbol)).toContain('USDC'); // other chains untouched
    await s.add(1, { address: MAINNET_USDC, symbol: 'USDC', decimals: 6, image: null });
    const usdc = (await s.list(1)).filter((t) => t.address === MAINNET_USDC);
    expect(usdc).toEqual([{ address: MAINNET_USDC, symbol: 'USDC', decimals: 6, image: null, isDefault: true }]);
  });

  it('removes an added token; removing an unknown one changes nothing', async () => {
    const local = memoryStore();
    const s = new TokenStore(local);
    await s.add(31337, MINE);
    const before = local.dump();
    expect(await s.remove(31337, '0x0000000000000000000000000000000000000001')).toBe(false);
    expect(local.dump()).toEqual(before);
    expect(await s.remove(31337, MINE.address)).toBe(true);
    expect(await s.list(31337)).toEqual([]);
  });
});
