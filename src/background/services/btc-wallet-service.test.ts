// The Bitcoin services against the regtest Esplora TEST FIXTURE over real HTTP: gap-limit
// scan, balances, coins, a send with change to /1/n, a frozen coin, a speed-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegtestEsplora, type RegtestEsplora } from '../../../test/fixtures/regtest';
import { btcAddress } from '../../../test/fixtures/regtest/phrase-addresses';
import { AccountCache } from './account-cache';
import { BtcActivityStore } from './btc-activity-store';
import { BtcAddressBook, GAP_LIMIT } from './btc-address-book';
import { BtcFrozenStore } from './btc-frozen-store';
import { BtcNetworkService } from './btc-network-service';
import { BtcQuoteStore } from './btc-quote-store';
import { BtcSendService } from './btc-send-service';
import { BtcWalletService } from './btc-wallet-service';
import { KeyringService } from './keyring-service';
import { SettingsService } from './settings-service';
import { memoryStore } from './store';
import { VaultService } from './vault-service';
import { createEsploraClient } from '../../core/bitcoin-client';

const PHRASE = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const addr = (type: 'p2wpkh' | 'p2tr', change: 0 | 1, index: number, account = 0) => btcAddress(PHRASE, type, 'regtest', account, change, index);

describe('Bitcoin services on the regtest fixture', () => {
  let esplora: RegtestEsplora;
  let wallet: BtcWalletService;
  let send: BtcSendService;
  let frozen: BtcFrozenStore;
  let local: ReturnType<typeof memoryStore>;

  beforeAll(async () => {
    esplora = await startRegtestEsplora();
    local = memoryStore();
    const session = memoryStore();
    const settings = new SettingsService(local);
    await settings.update({ btcNetwork: 'regtest' });
    const keyring = new KeyringService(new VaultService(local, session), new AccountCache(local));
    keyring.load({ v: 1, mnemonic: PHRASE, passphrase: '', accounts: [{ index: 0, name: 'Account 1' }], backedUp: true });
    const networks = new BtcNetworkService(local, settings, () => createEsploraClient({ baseUrl: esplora.url, tipTtlMs: 0, maxAgeMs: 0 }));
    const book = new BtcAddressBook(local, keyring);
    frozen = new BtcFrozenStore(local);
    wallet = new BtcWalletService(networks, book, frozen, keyring);
    send = new BtcSendService(networks, wallet, book, keyring, new BtcQuoteStore(session), new BtcActivityStore(local));
  });
  afterAll(async () => {
    await esplora.stop();
  });

  it('finds coins on receive and change addresses past the first gap (the window grows with each used address)', async () => {
    esplora.fund(addr('p2wpkh', 0, 0), 100_000n);
    esplora.fund(addr('p2wpkh', 0, GAP_LIMIT - 1), 20_000n); // last of the first window
    esplora.fund(addr('p2wpkh', 0, 2 * GAP_LIMIT - 2), 3_000n); // only inside the grown window
    esplora.fund(addr('p2tr', 1, 1), 7_000n, { mine: true });
    esplora.fund(addr('p2wpkh', 0, 3 * GAP_LIMIT + 5), 999n, { mine: true }); // beyond the gap: not ours to find
    const b = await wallet.balance(0);
    expect(b.byType.p2wpkh).toEqual({ confirmed: 123_000n, unconfirmed: 0n, total: 123_000n });
    expect(b.byType.p2tr.total).toBe(7_000n);
    const { coins } = await wallet.coins(0);
    expect(coins.map((c) => c.value).sort((x, y) => Number(x - y))).toEqual([3_000n, 7_000n, 20_000n, 100_000n]);
  });

  it('sends with change to the first unused change address, never a frozen coin, and records it', async () => {
    const { coins } = await wallet.coins(0);
    const big = coins.find((c) => c.value === 100_000n)!;
    await frozen.set('regtest', `${big.txid}:${big.vout}`, true);
    const other = addr('p2wpkh', 0, 0, 5);
    await expect(send.quote({ account: 0, to: [{ address: other, value: 30_000n }], feeRate: 2, from: 'p2wpkh', kind: 'send', origin: null })).rejects.toMatchObject({ data: { reason: 'insufficient_funds' } });
    const review = await send.quote({ account: 0, to: [{ address: other, value: 15_000n }], feeRate: 2, from: 'p2wpkh', kind: 'send', origin: null });
    expect(review.inputs.map((i) => i.txid)).not.toContain(big.txid);
    const change = review.outputs.find((o) => o.change);
    expect(change?.address).toBe(addr('p2wpkh', 1, 0));
    const { txid } = await send.confirm(review.quoteId);
    expect(esplora.state.getTx(txid)?.outputs.length).toBe(2);
    // The review cannot be broadcast twice.
    await expect(send.confirm(review.quoteId)).rejects.toMatchObject({ data: { reason: 'quote_expired' } });
    // The next change address moves on.
    await frozen.set('regtest', `${big.txid}:${big.vout}`, false);
    const next = await send.quote({ account: 0, to: [{ address: other, value: 50_000n }], feeRate: 2, from: 'p2wpkh', kind: 'send', origin: null });
    expect(next.outputs.find((o) => o.change)?.address).toBe(addr('p2wpkh', 1, 1));

    // Speed-up of the first send: accepted by the fixture's BIP125 check, the original evicted.
    const repl = await send.quoteReplacement(0, txid, 'speed_up', 5);
    expect(repl.replaces).toBe(txid);
    const { txid: replaced } = await send.confirm(repl.quoteId);
    expect(esplora.state.getTx(txid)).toBeUndefined();
    expect(esplora.state.getTx(replaced)?.fee).toBeGreaterThan(review.fee ? BigInt(review.fee) : 0n);
    await expect(send.quoteReplacement(0, txid, 'speed_up')).rejects.toMatchObject({ data: { reason: 'not_pending' } });
  });
});
