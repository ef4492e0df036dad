import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { outputScript } from '../../core/bitcoin/address';
import { bytesToBase64, bytesToHex } from '../../core/bitcoin/encoding';
import { analyzePsbt, highFeeWarning, type OwnScriptInfo } from '../../core/bitcoin/psbt-analyze';
import { fakeTxid, testKey, testKeyring } from '../../core/bitcoin/test-helpers';
import { parseTypedData } from '../../core/ethereum/typed-data';
import { daiPermit, eip2612Permit, MAX_UINT48, permitSingle, permitTransferFrom, SPENDER, USDC } from '../../core/ethereum/test-vectors';
import { budgetWarning } from '../../core/insights/spending';
import { chainMismatchRisks, lookalikeWarning, transactionRisks, typedDataRisks } from '../../core/risk';
import type { WarningView } from '../../shared/approvals';
import { WARNING_TEXTS, warningView, type Warning, type WarningKind } from '../../shared/warnings';
import { dictionaries, translator } from '../i18n';
import { warningKey, warningText } from './warning-text';

/** Every kind and sentence variant the code declares (the producers' types are built from this list). */
const ALL = (Object.keys(WARNING_TEXTS) as WarningKind[]).flatMap((kind) => WARNING_TEXTS[kind].map((text) => warningKey({ kind, text })));

describe('risk warnings have a sentence in every language', () => {
  it('every kind and variant has a key in en and zh_CN, and the Chinese one is Chinese', () => {
    expect(ALL.length).toBeGreaterThan(20);
    for (const key of ALL) {
      expect(dictionaries.en, key).toHaveProperty([key]);
      expect(dictionaries.zh_CN, key).toHaveProperty([key]);
      expect((dictionaries.zh_CN as Record<string, string>)[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('no sentence is left over from a kind or variant the code no longer produces', () => {
    const sentences = Object.keys(dictionaries.en).filter((k) => /^warning\.(?!part\.|until\.)/.test(k));
    expect(sentences.sort()).toEqual([...ALL].sort());
  });
});

// ---- Samples from the real producers, covering every variant ----

const NOW = 1_700_000_000;
const word = (hex: string) => hex.replace(/^0x/, '').toLowerCase().padStart(64, '0');
const MAX = 'f'.repeat(64);
const ROUTER = '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45';
const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const BAYC = '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D';
const TARGET = '0xd9A1b0B1e1aE382DbDc898Ea68012FfcB2853a91';
const POISON = '0xd9A1C3788D81257612E2581A6ea0aDa244853a91';

const tx = (to: string, data?: string, more: Partial<Parameters<typeof transactionRisks>[0]> = {}) =>
  transactionRisks({ to, value: 0n, ...(data ? { data } : {}), knownAddresses: [TARGET], nowSeconds: NOW, ...more });
const typed = (data: unknown) => typedDataRisks(parseTypedData(data, 1n), NOW);

const nftPermit = {
  types: { Permit: [{ name: 'spender', type: 'address' }, { name: 'tokenId', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] },
  primaryType: 'Permit',
  domain: { name: 'Bored Ape Yacht Club', chainId: 1, verifyingContract: BAYC },
  message: { spender: SPENDER, tokenId: 42, nonce: 0, deadline: NOW - 60 },
};
/** A Permit2 allowance whose domain names no contract: "through Permit2" without an address. */
const bareDomain = (() => {
  const d = permitSingle('1000', '0');
  return { ...d, types: { PermitSingle: d.types.PermitSingle, PermitDetails: d.types.PermitDetails }, domain: { name: 'Permit2', chainId: 1 } };
})();

const ethSamples = [
  ...tx(USDC, `0x095ea7b3${word(ROUTER)}${MAX}`),
  ...tx(USDC, `0x39509351${word(ROUTER)}${MAX}`),
  ...tx(USDC, `0x095ea7b3${word(ROUTER)}${word((10n ** 30n).toString(16))}`),
  ...tx(USDC, `0x39509351${word(ROUTER)}${word((10n ** 31n).toString(16))}`),
  // The same with the token known (from the token list or its contract): named, amount in its units.
  ...tx(USDC, `0x095ea7b3${word(ROUTER)}${MAX}`, { token: { symbol: 'USDC', decimals: 6 } }),
  ...tx(USDC, `0x39509351${word(ROUTER)}${word((10n ** 31n).toString(16))}`, { token: { symbol: 'USDC', decimals: 6 } }),
  ...tx(BAYC, `0xa22cb465${word(ROUTER)}${word('0x1')}`),
  ...tx(PERMIT2, `0x87517c45${word(USDC)}${word(ROUTER)}${word('f'.repeat(40))}${word('f'.repeat(12))}`),
  ...tx(PERMIT2, `0x87517c45${word(USDC)}${word(ROUTER)}${word('0x3e8')}${word('0x0')}`),
  ...tx(PERMIT2, `0x87517c45${word(USDC)}${word(ROUTER)}${word('0x3e8')}${word((NOW + 3600).toString(16))}`),
  ...tx(POISON, undefined, { value: 10n ** 18n, balance: 2n * 10n ** 17n, nativeSymbol: 'POL' }),
  ...tx(TARGET, '0xdeadbeef', { toHasCode: false }),
  ...tx(TARGET, undefined, { toHasCode: false, expectsContract: true }),
  ...chainMismatchRisks(1n, 31337n),
  ...typed(eip2612Permit()),
  ...typed(eip2612Permit('1000000', String(NOW + 600))),
  ...typed(eip2612Permit('1000000', String(NOW - 600))),
  ...typed(daiPermit(true, 0)),
  ...typed(daiPermit(true, NOW + 60)),
  ...typed(nftPermit),
  ...typed(permitSingle()),
  ...typed(permitSingle('5000000', MAX_UINT48)),
  ...typed(bareDomain),
  ...typed(permitTransferFrom({ token: USDC, amount: '100' }, { deadline: String(NOW + 1800) })),
  lookalikeWarning('tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsz'),
  budgetWarning('TST'),
];

const NET = 'testnet4';
const kr = testKeyring();
const tr = testKey(kr, 'p2tr', NET);
const wpkh = testKey(kr, 'p2wpkh', NET);
const stranger = testKey(kr, 'p2wpkh', NET, 0, 0, 7).address;
const ownScripts = new Map<string, OwnScriptInfo>([tr, wpkh].map((k) => [bytesToHex(outputScript(k.address, NET)), { type: k.type, path: k.path }]));
const spk = (a: string) => outputScript(a, NET);

/** Our taproot and segwit inputs (the second with a sighash), a stranger's input (value known or not), outputs as given. */
function psbt(o: { sighash?: number; foreignValue?: boolean; outs: bigint[] }): string {
  const t = new btc.Transaction({ allowUnknownOutputs: true });
  t.addInput({ txid: fakeTxid(21), index: 0, witnessUtxo: { script: spk(tr.address), amount: 50_000n } });
  t.addInput({ txid: fakeTxid(22), index: 0, witnessUtxo: { script: spk(wpkh.address), amount: 30_000n }, ...(o.sighash !== undefined ? { sighashType: o.sighash } : {}) });
  t.addInput({ txid: fakeTxid(23), index: 0, ...(o.foreignValue === false ? {} : { witnessUtxo: { script: spk(stranger), amount: 20_000n } }) });
  for (const amount of o.outs) t.addOutput({ script: spk(stranger), amount });
  return bytesToBase64(t.toPSBT());
}
const signSecond = (p: string, sighash?: number) => analyzePsbt(p, { network: NET, ownScripts, toSignInputs: [{ index: 1, ...(sighash !== undefined ? { sighashTypes: [sighash] } : {}) }] }).warnings;

const btcSamples = [
  ...signSecond(psbt({ sighash: 0x02, outs: [99_000n] }), 0x02),
  ...signSecond(psbt({ sighash: 0x83, outs: [9_000n, 90_000n] }), 0x83),
  ...signSecond(psbt({ sighash: 0x03, outs: [99_000n] }), 0x03),
  ...signSecond(psbt({ foreignValue: false, outs: [70_000n] })),
  ...signSecond(psbt({ outs: [150_000n] })),
  highFeeWarning(2_000_000n, 10, 5_000_000n)!,
  highFeeWarning(20_000n, 10, 15_000n)!,
  highFeeWarning(1_000n, 800, 500_000n)!,
  highFeeWarning(20_000n, 10, 30_000n)!,
];

const samples: WarningView[] = [...ethSamples, ...btcSamples].map((w) => warningView(w as Warning<'danger' | 'warning' | 'info'>));

describe('risk warnings rendered from their facts', () => {
  it('the samples come from the real producers and cover every kind and variant', () => {
    expect(new Set(samples.map(warningKey))).toEqual(new Set(ALL));
  });

  it('in English, word for word the sentence the background wrote (so no fact is missing from the params)', () => {
    const t = translator('en');
    for (const w of samples) expect(warningText(t, w), warningKey(w)).toBe(w.message);
  });

  it('in 简体中文, every placeholder filled and every address and number named', () => {
    const t = translator('zh_CN');
    for (const w of samples) {
      const text = warningText(t, w);
      expect(text, warningKey(w)).not.toMatch(/[{}]/);
      expect(text, warningKey(w)).toMatch(/[\u4e00-\u9fff]/);
      expect(text, warningKey(w)).not.toContain('raw units');
      // Addresses, ids and sats the sentence names appear as they are (the rest is checked in English above).
      const template = (dictionaries.en as Record<string, string>)[warningKey(w)]!;
      for (const key of ['spender', 'operator', 'collection', 'recipient', 'lookalikeOf', 'to', 'tokenId', 'requested', 'current', 'fee', 'feeRate', 'sent', 'sats', 'symbol'] as const) {
        const v = w.params[key];
        if (template.includes(`{${key}}`)) expect(text, `${warningKey(w)} ${key}`).toContain(v);
      }
    }
  });

  it('a warning without a sentence here (stored by another version) falls back to its English message', () => {
    const odd = { kind: 'budget', text: 'gone', severity: 'warning', message: 'English fallback', params: {} } as unknown as WarningView;
    expect(warningText(translator('zh_CN'), odd)).toBe('English fallback');
  });

  it('words amounts, dates and token names in Chinese', () => {
    const t = translator('zh_CN');
    const [unlimited] = typed(eip2612Permit());
    expect(warningText(t, warningView(unlimited!))).toBe(
      `签署此许可后，${SPENDER} 无需您再次确认即可从您的钱包中花费 无限数量的 USD Coin（${USDC}）；签名有效期至 2030-01-01（远在未来）。`,
    );
    const [balance] = tx(TARGET, undefined, { value: 15n * 10n ** 17n, balance: 2n * 10n ** 17n });
    expect(warningText(t, warningView(balance!))).toBe('此交易要发送 1.5 ETH，但账户只有 0.2 ETH（未计手续费）。交易将会失败。');
  });
});
