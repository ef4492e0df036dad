// The Bitcoin services against the regtest Esplora TEST FIXTURE over real HTTP: gap-limit
// scan, balances, coins, a send with change to /1/n, a frozen coin, a speed-up (adding a coin
// when needed), replacements that evict later sends, change held by open reviews, and a
// lying server (the fixture behind a proxy that rewrites its answers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegtestEsplora, type RegtestEsplora } from '../../../test/fixtures/regtest';
import { startLyingEsplora, type LyingEsplora } from '../../../test/fixtures/regtest/lying-proxy';
import { btcAddress } from '../../../test/fixtures/regtest/phrase-addresses';
import type { BtcSendReview } from '../../shared/btc-views';
import { AccountCache } from './account-cache';
import { BtcActivityStore } from './btc-activity-store';
import { btcActivity } from './btc-activity-view';
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

/** The Bitcoin services of a wallet holding PHRASE, on regtest, talking to the Esplora at `url`. */
async function walletOn(url: string) {
  const local = memoryStore();
  const session = memoryStore();
  const settings = new SettingsService(local);
  await settings.update({ btcNetwork: 'regtest' });
  const keyring = new KeyringService(new VaultService(local, session), new AccountCache(local));
  keyring.load({ v: 1, mnemonic: PHRASE, passphrase: '', accounts: [{ index: 0, name: 'Account 1' }], backedUp: true });
  const networks = new BtcNetworkService(local, settings, (baseUrl) => createEsploraClient({ baseUrl, tipTtlMs: 0, maxAgeMs: 0 }));
  await networks.setEsploraUrl('regtest', url); // one client per URL: each fixture gets its own
  const book = new BtcAddressBook(local, keyring);
  const frozen = new BtcFrozenStore(local);
  const wallet = new BtcWalletService(networks, book, frozen, keyring);
  const activity = new BtcActivityStore(local);
  const send = new BtcSendService(networks, wallet, book, keyring, new BtcQuoteStore(session), activity);
  return { wallet, send, frozen, activity, book };
}

const payTo = (address: string, value: bigint, feeRate = 2) => ({ account: 0, to: [{ address, value }], feeRate, from: 'p2wpkh' as const, kind: 'send' as const, origin: null });

describe('Bitcoin services on the regtest fixture', () => {
  let esplora: RegtestEsplora;
  let wallet: BtcWalletService;
  let send: BtcSendService;
  let frozen: BtcFrozenStore;

  beforeAll(async () => {
    esplora = await startRegtestEsplora();
    ({ wallet, send, frozen } = await walletOn(esplora.url));
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

describe('Speed-up and cancel when later sends spend the pending one', () => {
  let esplora: RegtestEsplora;
  let w: Awaited<ReturnType<typeof walletOn>>;
  beforeAll(async () => {
    esplora = await startRegtestEsplora();
    w = await walletOn(esplora.url);
  });
  afterAll(async () => {
    await esplora.stop();
  });

  it('pays for the later sends it evicts, lists them on the review, and marks them dropped; a send made after the review stops the broadcast', async () => {
    esplora.fund(addr('p2wpkh', 0, 0), 100_000n, { mine: true });
    const shop = addr('p2wpkh', 0, 0, 5);
    const friend = addr('p2tr', 0, 0, 6);
    const first = await w.send.confirm((await w.send.quote(payTo(shop, 30_000n))).quoteId);
    // The only coin left is the first send's unconfirmed change: the next send spends it.
    const second = await w.send.quote(payTo(friend, 50_000n));
    expect(second.inputs.map((i) => i.txid)).toEqual([first.txid]);
    const child = await w.send.confirm(second.quoteId);
    const [parentTx, childTx] = [esplora.state.getTx(first.txid)!, esplora.state.getTx(child.txid)!];

    const review = await w.send.quoteReplacement(0, first.txid, 'speed_up', 3);
    expect(review.dropped).toEqual([{ txid: child.txid, mine: true, sent: '50000', recipients: [friend], fee: childTx.fee.toString() }]);
    expect(BigInt(review.fee!)).toBeGreaterThanOrEqual(parentTx.fee + childTx.fee + BigInt(review.vsize));
    expect(review.recipients).toEqual([{ address: shop, value: '30000' }]);

    // Before it is confirmed, the friend's send gets a child of its own: the review is stale.
    const third = await w.send.confirm((await w.send.quote(payTo(shop, 10_000n))).quoteId);
    expect(esplora.state.getTx(third.txid)?.inputs[0]?.txid).toBe(child.txid);
    const posts = () => esplora.requests.filter((r) => r.startsWith('POST')).length;
    const before = posts();
    await expect(w.send.confirm(review.quoteId)).rejects.toMatchObject({ data: { reason: 'btc_replacement_changed' } });
    expect(posts()).toBe(before);
    expect(esplora.state.getTx(first.txid)).toBeDefined();

    // Reviewed again: both later sends listed and paid for; the fixture's BIP125 check accepts it.
    const again = await w.send.quoteReplacement(0, first.txid, 'speed_up', 3);
    expect(again.dropped.map((d) => d.txid).sort()).toEqual([child.txid, third.txid].sort());
    const { txid } = await w.send.confirm(again.quoteId);
    expect(esplora.state.mempool().map((t) => t.txid)).toEqual([txid]);
    const items = await btcActivity(w.wallet, w.activity, 0);
    const status = (id: string) => items.find((i) => i.txid === id)?.status;
    expect([status(first.txid), status(child.txid), status(third.txid), status(txid)]).toEqual(['replaced', 'dropped', 'dropped', 'pending']);
    await expect(w.send.quoteReplacement(0, child.txid, 'cancel')).rejects.toMatchObject({ data: { reason: 'not_pending' } });
    esplora.mine(1);
  });

  it('cancels a send whose change a later send spent: both gone, everything back to us', async () => {
    const shop = addr('p2wpkh', 0, 0, 5);
    const { coins } = await w.wallet.coins(0);
    const total = coins.reduce((s, c) => s + c.value, 0n);
    const first = await w.send.confirm((await w.send.quote(payTo(shop, 5_000n))).quoteId);
    const child = await w.send.confirm((await w.send.quote(payTo(shop, total - 20_000n))).quoteId);
    const review = await w.send.quoteReplacement(0, first.txid, 'cancel', 2);
    expect(review.dropped.map((d) => [d.txid, d.mine])).toEqual([[child.txid, true]]);
    expect(review.outputs).toHaveLength(1);
    await w.send.confirm(review.quoteId);
    expect(esplora.state.getTx(child.txid)).toBeUndefined();
    expect(esplora.state.balance(shop).unconfirmed).toBe(0n);
  });
});

describe('Speed-up that needs another coin', () => {
  it('adds the free confirmed coin, never the frozen one, and the fixture accepts the result', async () => {
    const esplora = await startRegtestEsplora();
    try {
      const w = await walletOn(esplora.url);
      const spent = esplora.fund(addr('p2wpkh', 0, 0), 20_000n, { mine: true });
      const big = esplora.fund(addr('p2wpkh', 0, 1), 1_000_000n, { mine: true });
      const free = esplora.fund(addr('p2wpkh', 0, 2), 50_000n, { mine: true });
      await w.frozen.set('regtest', `${big}:0`, true);
      // 20,000 − 19,700: no room for change at 1 sat/vB, so the pending send has none.
      const review = await w.send.quote(payTo(addr('p2wpkh', 0, 0, 5), 19_700n, 1));
      expect(review.inputs.map((i) => i.txid)).toEqual([spent]);
      expect(review.outputs.filter((o) => o.change)).toEqual([]);
      const { txid } = await w.send.confirm(review.quoteId);

      const faster = await w.send.quoteReplacement(0, txid, 'speed_up', 20);
      const cancel = await w.send.quoteReplacement(0, txid, 'cancel', 40); // a second review of the same send
      expect(faster.inputs.map((i) => i.txid)).toEqual([spent, free]);
      expect(faster.inputs.map((i) => i.txid)).not.toContain(big);
      expect(faster.feeRate).toBeGreaterThanOrEqual(20);
      const { txid: replaced } = await w.send.confirm(faster.quoteId);
      const entry = esplora.state.getTx(replaced)!;
      expect(entry.inputs.map((i) => i.txid).sort()).toEqual([spent, free].sort());
      expect(esplora.state.getTx(txid)).toBeUndefined();
      expect(esplora.state.spenderOf(big, 0)).toBeUndefined();
      // The other review now would replace the replacement: refused, nothing sent.
      await expect(w.send.confirm(cancel.quoteId)).rejects.toMatchObject({ data: { reason: 'not_pending' } });
      expect(esplora.state.getTx(replaced)).toBeDefined();
    } finally {
      await esplora.stop();
    }
  });
});

describe('Open reviews never share a change address', () => {
  it('holds the change address of each open review until it is sent', async () => {
    const esplora = await startRegtestEsplora();
    try {
      const w = await walletOn(esplora.url);
      esplora.fund(addr('p2wpkh', 0, 0), 200_000n, { mine: true });
      const shop = addr('p2wpkh', 0, 0, 5);
      const changeOf = (r: BtcSendReview) => r.outputs.find((o) => o.change)?.address;
      const [a, b] = await Promise.all([w.send.quote(payTo(shop, 10_000n)), w.send.quote(payTo(shop, 20_000n))]);
      expect(new Set([changeOf(a), changeOf(b)])).toEqual(new Set([addr('p2wpkh', 1, 0), addr('p2wpkh', 1, 1)]));
      const c = await w.send.quote(payTo(shop, 30_000n));
      expect(changeOf(c)).toBe(addr('p2wpkh', 1, 2));
      // Sending b: its address is used; a and c keep theirs; the next review gets a fresh one.
      await w.send.confirm(b.quoteId);
      const d = await w.send.quote(payTo(shop, 5_000n));
      expect([changeOf(a), changeOf(b), changeOf(c)]).not.toContain(changeOf(d));
      expect(changeOf(d)).toBe(addr('p2wpkh', 1, 3));
    } finally {
      await esplora.stop();
    }
  });
});

describe('A lying Esplora server (the fixture behind a proxy that rewrites answers)', () => {
  let esplora: RegtestEsplora;
  let liar: LyingEsplora;
  let w: Awaited<ReturnType<typeof walletOn>>;
  beforeAll(async () => {
    esplora = await startRegtestEsplora();
    liar = await startLyingEsplora(esplora.url);
    w = await walletOn(liar.url);
  });
  afterAll(async () => {
    await liar.stop();
    await esplora.stop();
  });

  const shop = addr('p2wpkh', 0, 0, 5);
  /** Rewrites `value` of the coin `txid` in UTXO lists and of its output in /tx JSON. */
  const inflate = (txid: string, by: number) => (path: string, body: string) => {
    if (/^\/address\/[^/]+\/utxo$/.test(path)) {
      return JSON.stringify((JSON.parse(body) as { txid: string; value: number }[]).map((u) => (u.txid === txid ? { ...u, value: u.value + by } : u)));
    }
    if (path === `/tx/${txid}`) {
      const tx = JSON.parse(body) as { vout: { value: number }[] };
      tx.vout[0]!.value += by;
      return JSON.stringify(tx);
    }
    return body;
  };
  const refused = async (p: Promise<unknown>, message = /Nothing was signed or sent/) => {
    const posts = esplora.requests.filter((r) => r.startsWith('POST')).length;
    const error = await p.then(() => null, (e: unknown) => e as Error);
    expect(error).toMatchObject({ data: { reason: 'btc_server_mismatch' } });
    expect(error?.message).toMatch(message);
    expect(esplora.requests.filter((r) => r.startsWith('POST')).length).toBe(posts);
    expect(await w.activity.all()).toEqual([]);
  };

  it('refuses a coin whose amount the server inflates (in its UTXO list and its transaction JSON alike)', async () => {
    const coin = esplora.fund(addr('p2wpkh', 0, 0), 40_000n, { mine: true });
    liar.lie = inflate(coin, 60_000);
    const { coins } = await w.wallet.coins(0);
    expect(coins.map((c) => c.value)).toEqual([100_000n]); // believable, and wrong
    await refused(w.send.quote(payTo(shop, 70_000n)), /as 100000 sats, but its transaction says 40000 sats/);
    await refused(w.send.quote(payTo(shop, 10_000n)));
  });

  it('refuses a coin of someone else listed as ours, and a raw transaction that is not the one asked for', async () => {
    const theirs = esplora.fund(addr('p2wpkh', 0, 0, 9), 80_000n, { mine: true });
    liar.lie = (path, body) => {
      if (path === `/address/${addr('p2wpkh', 0, 0)}/utxo`) {
        const list = JSON.parse(body) as unknown[];
        return JSON.stringify([...list, { txid: theirs, vout: 0, value: 80_000, status: { confirmed: true, block_height: 1, block_hash: '00'.repeat(32), block_time: 1 } }]);
      }
      return body;
    };
    await refused(w.send.quote(payTo(shop, 100_000n)), /pays another script/);

    // The raw hex rewritten to match an inflated amount (a consistent lie): its hash is no longer the txid.
    const fresh = esplora.fund(addr('p2wpkh', 0, 1), 25_000n, { mine: true }); // its raw tx not fetched (nor cached) yet
    const le = (n: bigint) => {
      const b = Buffer.alloc(8);
      b.writeBigUInt64LE(n);
      return b.toString('hex');
    };
    liar.lie = (path, body) => {
      if (path !== `/tx/${fresh}/hex`) return inflate(fresh, 500_000)(path, body);
      expect(body).toContain(le(25_000n));
      return body.replace(le(25_000n), le(525_000n));
    };
    await refused(w.send.quote(payTo(shop, 300_000n)), /answered for transaction \w+ with something else/);
  });

  it('told the truth, sends with the real amounts; a replacement reads amounts from the raw transactions, not the JSON', async () => {
    liar.lie = null;
    const review = await w.send.quote(payTo(shop, 30_000n));
    expect(review.inputs.map((i) => i.value)).toEqual(['40000']);
    const { txid } = await w.send.confirm(review.quoteId);
    expect(esplora.state.getTx(txid)).toBeDefined();
    // The pending send's JSON now claims a bigger input and fee: a speed-up built on it would overpay.
    liar.lie = (path, body) => {
      if (path !== `/tx/${txid}`) return body;
      const tx = JSON.parse(body) as { vin: { prevout: { value: number } }[]; fee: number };
      tx.vin[0]!.prevout.value += 500_000;
      tx.fee += 500_000;
      return JSON.stringify(tx);
    };
    const faster = await w.send.quoteReplacement(0, txid, 'speed_up', 5);
    expect(faster.inputs.map((i) => i.value)).toEqual(['40000']);
    expect(Number(faster.fee)).toBeLessThan(2_000);
    await w.send.confirm(faster.quoteId);
    expect(esplora.state.getTx(txid)).toBeUndefined();
  });
});
