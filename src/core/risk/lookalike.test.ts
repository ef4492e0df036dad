import { describe, expect, it } from 'vitest';
import { findLookalike } from './lookalike';

// The May 2024 1,155 WBTC loss (SlowMist incident write-up): the victim meant
// to pay TARGET and copied POISON from history; same first 4 / last 6 hex chars.
const TARGET = '0xd9A1b0B1e1aE382DbDc898Ea68012FfcB2853a91';
const POISON = '0xd9A1C3788D81257612E2581A6ea0aDa244853a91';
const OTHER = '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826';

describe('findLookalike — EVM', () => {
  it('flags the WBTC poisoning pair', () => {
    expect(findLookalike(POISON, [OTHER, TARGET])).toBe(TARGET);
  });

  it('is case-insensitive on both sides', () => {
    expect(findLookalike(POISON.toLowerCase(), [TARGET])).toBe(TARGET);
    expect(findLookalike(`0x${POISON.slice(2).toUpperCase()}`, [TARGET.toLowerCase()])).toBe(TARGET.toLowerCase());
  });

  it('does not flag the same address in another case', () => {
    expect(findLookalike(TARGET.toLowerCase(), [TARGET])).toBeNull();
  });

  it('does not flag a known address even if another known one resembles it', () => {
    expect(findLookalike(POISON, [TARGET, POISON])).toBeNull();
  });

  it('needs both the first and the last four characters', () => {
    expect(findLookalike('0xd9A1000000000000000000000000000000000000', [TARGET])).toBeNull(); // prefix only
    expect(findLookalike('0x0000000000000000000000000000000000003a91', [TARGET])).toBeNull(); // suffix only
    expect(findLookalike('0xd9A2C3788D81257612E2581A6ea0aDa244853a91', [TARGET])).toBeNull(); // 4th char differs
    expect(findLookalike('0xd9A1C3788D81257612E2581A6ea0aDa244853a92', [TARGET])).toBeNull(); // last char differs
  });

  it('flags a minimal 4+4 match (dust-spam style)', () => {
    expect(findLookalike('0xd9a1ffffffffffffffffffffffffffffffff3a91', [TARGET])).toBe(TARGET);
  });

  it('ignores junk on either side', () => {
    expect(findLookalike('not an address', [TARGET])).toBeNull();
    expect(findLookalike(POISON, ['', 'vitalik.eth', '0x1234'])).toBeNull();
    expect(findLookalike('', [])).toBeNull();
  });
});

describe('findLookalike — Bitcoin', () => {
  // BIP-173 test vector address; the look-alike keeps "bc1q" + 4 and the last 4.
  const SEGWIT = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
  const SEGWIT_FAKE = 'bc1qw508zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz8f3t4';

  it('compares after the HRP and witness version', () => {
    expect(findLookalike(SEGWIT_FAKE, [SEGWIT])).toBe(SEGWIT);
    expect(findLookalike(SEGWIT_FAKE.toUpperCase(), [SEGWIT])).toBe(SEGWIT);
    expect(findLookalike(SEGWIT.toUpperCase(), [SEGWIT])).toBeNull();
  });

  it('catches a taproot address posing as a segwit v0 one', () => {
    const taprootFake = 'bc1pw508qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq8f3t4';
    expect(findLookalike(taprootFake, [SEGWIT])).toBe(SEGWIT);
  });

  it('does not compare across networks or with EVM addresses', () => {
    expect(findLookalike('tb1qw508zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz8f3t4', [SEGWIT])).toBeNull();
    expect(findLookalike('0xw508', [SEGWIT])).toBeNull();
  });

  it('skips the version character of base58 addresses', () => {
    const GENESIS = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
    expect(findLookalike('1A1zPxxxxxxxxxxxxxxxxxxxxxxxxvfNa', [GENESIS])).toBe(GENESIS);
    expect(findLookalike('3A1zPxxxxxxxxxxxxxxxxxxxxxxxxvfNa', [GENESIS])).toBe(GENESIS);
    expect(findLookalike('1A1zQxxxxxxxxxxxxxxxxxxxxxxxxvfNa', [GENESIS])).toBeNull();
  });

  it('treats base58 case as significant for identity', () => {
    const GENESIS = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
    expect(findLookalike(GENESIS, [GENESIS])).toBeNull();
    expect(findLookalike('1a1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', [GENESIS])).toBe(GENESIS);
  });

  it('ignores mixed-case bech32 (invalid)', () => {
    expect(findLookalike('bc1qW508zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz8f3t4', [SEGWIT])).toBeNull();
  });
});
