import { hexToBytes } from '@noble/hashes/utils.js';
import * as btc from '@scure/btc-signer';
import { Verifier } from 'bip322-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegtestEsplora } from '../fixtures/regtest';
import { btcAddress, REGTEST } from '../fixtures/regtest/phrase-addresses';
import { answer, answered, approvalWindow } from './helpers/approval';
import { buildBtcDapp } from './helpers/fixtures-build';
import { ABANDON, addresses, expectScreen, pickBtcNetwork, launchWithWallet } from './helpers/flows';
import { servePages, type Service } from './helpers/local-services';
import { startRegtest } from './helpers/servers';
import type { WalletBrowser } from './helpers/wallet-browser';

// Bitcoin dApps in the three dialects against the regtest Esplora TEST FIXTURE: sats-connect's
// real request() (bundled page), a UniSat-style page, Leather-style request(). PSBTs are built
// with @scure/btc-signer and our signatures are checked by the fixture's own btc-signer/noble
// validation when the signed transaction is broadcast; messages by bip322-js.

const OTHER = btcAddress(ABANDON, 'p2wpkh', 'regtest', 9); // not this account's
const STRANGER = btcAddress('legal winner thank year wave sausage worth useful legal winner thank yellow', 'p2wpkh', 'regtest');

type Sats = { status: 'success'; result: Record<string, unknown> } | { status: 'error'; error: { code: number; message: string } };
type Uni = { result?: unknown; error?: { code: number | null; message: string } };

const script = (address: string) => btc.OutScript.encode(btc.Address(REGTEST).decode(address));

/** A PSBT spending `coins` to `to` (the rest, minus a 1 sat/vB-ish fee, back to `change`). */
function psbtOf(coins: { txid: string; vout: number; value: bigint; address: string; sighash?: number }[], to: string, amount: bigint, change?: string): btc.Transaction {
  const tx = new btc.Transaction({ allowUnknownOutputs: false });
  for (const c of coins) tx.addInput({ txid: c.txid, index: c.vout, witnessUtxo: { script: script(c.address), amount: c.value }, sequence: 0xfffffffd, ...(c.sighash !== undefined ? { sighashType: c.sighash } : {}) });
  tx.addOutputAddress(to, amount, REGTEST);
  const total = coins.reduce((s, c) => s + c.value, 0n);
  if (change) tx.addOutputAddress(change, total - amount - 500n, REGTEST);
  return tx;
}

describe('Bitcoin dApps: sats-connect, UniSat-style and Leather-style on the regtest fixture', () => {
  let wb: WalletBrowser;
  let esplora: RegtestEsplora;
  let pages: Service;
  let me: { p2wpkh: string; p2tr: string };
  let sats: Page;
  let uni: Page;

  const satsCall = (fn: string, ...args: unknown[]) =>
    sats.evaluate(([f, a]) => (window as unknown as { satsDapp: Record<string, (...x: unknown[]) => Promise<unknown>> }).satsDapp[f]!(...a), [fn, args] as const) as Promise<Sats>;
  const uniCall = (fn: string, ...args: unknown[]) =>
    uni.evaluate(([f, a]) => (window as unknown as { unisatDapp: Record<string, (...x: unknown[]) => Promise<unknown>> }).unisatDapp[f]!(...a), [fn, args] as const) as Promise<Uni>;
  const fund = (address: string, value: bigint) => ({ txid: esplora.fund(address, value, { mine: true }), vout: 0, value, address });

  beforeAll(async () => {
    await buildBtcDapp();
    esplora = await startRegtest();
    pages = await servePages();
    const { wb: launched, popup } = await launchWithWallet(ABANDON);
    wb = launched;
    me = await addresses(popup);
    await popup.close();
    esplora.fund(me.p2wpkh, 500_000n, { mine: true });
    sats = await wb.context.newPage();
    await sats.goto(`${pages.url}btc-dapp/dist/index.html`);
    await sats.waitForFunction(() => document.body.dataset['ready'] === 'true');
    uni = await wb.context.newPage();
    // Another origin than the sats-connect page: permissions are per origin.
    await uni.goto(`${pages.url.replace('localhost', '127.0.0.1')}btc-dapp/unisat.html`);
    await uni.waitForFunction(() => document.body.dataset['ready'] === 'true');
  }, 120_000);

  afterAll(async () => {
    await wb?.close();
    await pages?.stop();
    await esplora?.stop();
  });

  describe('sats-connect (request() with our id from window.btc_providers)', () => {
    it('getInfo answers before connect; signing before connect is refused', async () => {
      expect(await sats.evaluate(() => (window as unknown as { satsDapp: { providers(): { id: string; name: string }[] } }).satsDapp.providers())).toContainEqual(expect.objectContaining({ name: 'DuoWallet' }));
      const info = await satsCall('getInfo');
      expect(info.status).toBe('success');
      expect((info as unknown as { result: { supports: string[] } }).result.supports).toContain('WBIP004');
      const refused = await satsCall('signMessage', me.p2wpkh, 'hello', 'ECDSA');
      expect(refused).toMatchObject({ status: 'error', error: { code: -32002 } }); // ACCESS_DENIED
    });

    it('getAddresses: a rejected connect is USER_REJECTION; approved, payment = SegWit and ordinals = Taproot (x-only key)', async () => {
      const rejected = satsCall('getAddresses', ['payment', 'ordinals']);
      const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="connect"]');
      expect(await win.getByTestId('connect-chain-btc').count()).toBe(1);
      await answer(wb.context, 'connect', false);
      expect(await rejected).toMatchObject({ status: 'error', error: { code: -32000 } });

      const approved = satsCall('getAddresses', ['payment', 'ordinals']);
      await answer(wb.context, 'connect', true);
      const r = await approved;
      expect(r.status).toBe('success');
      const list = (r as unknown as { result: { addresses: { address: string; purpose: string; addressType: string; publicKey: string }[] } }).result.addresses;
      expect(list.map((a) => [a.purpose, a.addressType, a.address])).toEqual([
        ['payment', 'p2wpkh', me.p2wpkh],
        ['ordinals', 'p2tr', me.p2tr],
      ]);
      expect(list[0]!.publicKey).toMatch(/^0[23][0-9a-f]{64}$/);
      expect(list[1]!.publicKey).toMatch(/^[0-9a-f]{64}$/);
    });

    it('signMessage ECDSA (SegWit) and BIP322 (Taproot): the user sees the text; bip322-js verifies both', async () => {
      const message = 'Sign in to the sats-connect test dApp\nnonce: 7';
      const ecdsa = satsCall('signMessage', me.p2wpkh, message, 'ECDSA');
      const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="btc_sign_message"]');
      expect(await win.getByTestId('sign-message-text').textContent()).toBe(message);
      await answer(wb.context, 'btc_sign_message', true);
      const a = (await ecdsa) as { status: 'success'; result: { signature: string; address: string } };
      expect(a.result.address).toBe(me.p2wpkh);
      expect(Verifier.verifySignature(me.p2wpkh, message, a.result.signature, true)).toBe(true);

      const bip322 = satsCall('signMessage', me.p2tr, message, 'BIP322');
      await answer(wb.context, 'btc_sign_message', true);
      const b = (await bip322) as { status: 'success'; result: { signature: string } };
      expect(Verifier.verifySignature(me.p2tr, message, b.result.signature)).toBe(true);
      expect(Verifier.verifySignature(me.p2tr, `${message}!`, b.result.signature)).toBe(false);
    });

    it('signPsbt (signInputs by address): the window shows inputs/outputs/fee; the fixture accepts the signed transaction', async () => {
      const coin = fund(me.p2wpkh, 120_000n);
      const tx = psbtOf([coin], OTHER, 50_000n, me.p2wpkh);
      const signing = satsCall('signPsbt', Buffer.from(tx.toPSBT()).toString('base64'), { [me.p2wpkh]: [0] }, false);
      const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="btc_sign_psbt"]');
      expect(await win.locator('[data-testid="btc-input"][data-mine="true"][data-sign="true"]').count()).toBe(1);
      expect(await win.getByTestId('btc-output').count()).toBe(2);
      expect(await win.getByTestId('btc-review-fee').getAttribute('data-sats')).toBe('500');
      await answer(wb.context, 'btc_sign_psbt', true);
      const r = (await signing) as { status: 'success'; result: { psbt: string } };
      const signed = btc.Transaction.fromPSBT(Buffer.from(r.result.psbt, 'base64'));
      signed.finalize();
      expect(esplora.state.submit(signed.hex)).toBe(signed.id);
    });

    it('sendTransfer: the wallet builds the payment, shows it, and broadcasts it on approval (rejection → USER_REJECTION)', async () => {
      const rejected = await answered(satsCall('sendTransfer', [{ address: OTHER, amount: 12_345 }]), wb.context, 'btc_send', false);
      expect(rejected).toMatchObject({ status: 'error', error: { code: -32000 } });
      const sent = satsCall('sendTransfer', [{ address: OTHER, amount: 12_345 }]);
      const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="btc_send"]');
      expect(await win.getByTestId('btc-send-recipient').textContent()).toContain(OTHER);
      await answer(wb.context, 'btc_send', true);
      const r = (await sent) as { status: 'success'; result: { txid: string } };
      const entry = esplora.state.getTx(r.result.txid);
      expect(entry?.outputs.some((o) => o.amount === 12_345n)).toBe(true);
      esplora.mine(1);
    });
  });

  describe('UniSat-style (window.unisat, the same object as window.duowallet.bitcoin)', () => {
    it('window.unisat is ours here; before connect: no accounts, signing refused with 4100', async () => {
      expect(await uni.evaluate(() => (window as unknown as { unisatDapp: { info(): unknown } }).unisatDapp.info())).toMatchObject({ hasUnisat: true, unisatIsOurs: true });
      expect(await uniCall('getAccounts')).toEqual({ result: [] });
      expect((await uniCall('signMessage', 'hi')).error?.code).toBe(4100);
      expect(await uniCall('getNetwork')).toEqual({ result: 'regtest' });
    });

    it('requestAccounts (rejected → 4001, then approved), getPublicKey, getBalance', async () => {
      const rejected = uniCall('requestAccounts');
      await answer(wb.context, 'connect', false);
      expect((await rejected).error?.code).toBe(4001);
      const accounts = uniCall('requestAccounts');
      await answer(wb.context, 'connect', true);
      expect(await accounts).toEqual({ result: [me.p2wpkh, me.p2tr] });
      expect((await uniCall('getPublicKey')).result).toMatch(/^0[23][0-9a-f]{64}$/);
      const bal = (await uniCall('getBalance')).result as { confirmed: number; total: number };
      expect(bal.total).toBeGreaterThan(0);
      const onChain = [me.p2wpkh, me.p2tr].map((a) => esplora.state.balance(a)).reduce((s, b) => s + b.confirmed + b.unconfirmed, 0n);
      expect(bal.total).toBeGreaterThanOrEqual(Number(onChain)); // plus change addresses of earlier sends
    });

    it('signMessage ecdsa and bip322-simple verify with bip322-js', async () => {
      const e = uniCall('signMessage', 'unisat ecdsa');
      await answer(wb.context, 'btc_sign_message', true);
      expect(Verifier.verifySignature(me.p2wpkh, 'unisat ecdsa', (await e).result as string, true)).toBe(true);
      const b = uniCall('signMessage', 'unisat bip322', 'bip322-simple');
      await answer(wb.context, 'btc_sign_message', true);
      expect(Verifier.verifySignature(me.p2wpkh, 'unisat bip322', (await b).result as string)).toBe(true);
    });

    it('signPsbt of a Taproot input (toSignInputs by address), finalized, then pushPsbt: the fixture accepts it', async () => {
      const coin = fund(me.p2tr, 70_000n);
      const tx = psbtOf([coin], OTHER, 30_000n, me.p2tr);
      const signing = uniCall('signPsbt', Buffer.from(tx.toPSBT()).toString('hex'), { toSignInputs: [{ index: 0, address: me.p2tr }] });
      await answer(wb.context, 'btc_sign_psbt', true);
      const hex = (await signing).result as string;
      const signed = btc.Transaction.fromPSBT(hexToBytes(hex));
      expect(signed.isFinal).toBe(true); // autoFinalized defaults to true
      const pushed = await uniCall('pushPsbt', hex);
      expect(pushed.result).toBe(signed.id);
      expect(esplora.state.getTx(signed.id)).toBeDefined();
    });

    it('[A16] SIGHASH_NONE and SINGLE|ANYONECANPAY are warned about (rejected: 4001, nothing signed); a foreign input named in toSignInputs is refused before any window', async () => {
      const coin = fund(me.p2wpkh, 60_000n);
      const none = psbtOf([{ ...coin, sighash: btc.SigHash.NONE }], OTHER, 20_000n);
      const asking = uniCall('signPsbt', Buffer.from(none.toPSBT()).toString('hex'), { toSignInputs: [{ index: 0, address: me.p2wpkh, sighashTypes: [btc.SigHash.NONE] }] });
      const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="btc_sign_psbt"]');
      expect(await win.locator('[data-testid="approval-warning"][data-kind="sighash_none"]').count()).toBe(1);
      expect(await win.locator('[data-testid="btc-input"][data-sign="true"]').textContent()).toContain('NONE');
      await answer(wb.context, 'btc_sign_psbt', false);
      expect((await asking).error?.code).toBe(4001);

      const single = psbtOf([{ ...coin, sighash: btc.SigHash.SINGLE_ANYONECANPAY }], OTHER, 20_000n);
      const asking2 = uniCall('signPsbt', Buffer.from(single.toPSBT()).toString('hex'), { toSignInputs: [{ index: 0, sighashTypes: [btc.SigHash.SINGLE_ANYONECANPAY] }] });
      const win2 = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="btc_sign_psbt"]');
      const kinds = await win2.getByTestId('approval-warning').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      expect(kinds).toEqual(expect.arrayContaining(['sighash_single', 'anyonecanpay']));
      await answer(wb.context, 'btc_sign_psbt', false);
      expect((await asking2).error?.code).toBe(4001);

      // An input of someone else named for signing: refused with -32602, no approval window.
      const theirs = fund(STRANGER, 40_000n);
      const mixed = psbtOf([coin, theirs], OTHER, 90_000n);
      const before = wb.context.pages().length;
      const refused = await uniCall('signPsbt', Buffer.from(mixed.toPSBT()).toString('hex'), { toSignInputs: [{ index: 1, address: STRANGER }] });
      expect(refused.error?.code).toBe(-32602);
      expect(refused.error?.message).toMatch(/does not belong|not owned/);
      expect(wb.context.pages().length).toBe(before);
      // Signing only ours in that PSBT: the window marks the stranger's input "not yours", unsigned.
      const ours = uniCall('signPsbt', Buffer.from(mixed.toPSBT()).toString('hex'), { autoFinalized: false });
      const win3 = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="btc_sign_psbt"]');
      expect(await win3.locator('[data-testid="btc-input"][data-mine="false"][data-sign="false"]').count()).toBe(1);
      expect(await win3.locator('[data-testid="btc-input"][data-mine="true"][data-sign="true"]').count()).toBe(1);
      await answer(wb.context, 'btc_sign_psbt', true);
      const partly = btc.Transaction.fromPSBT(hexToBytes((await ours).result as string));
      expect(partly.getInput(0).partialSig?.length).toBe(1);
      expect(partly.getInput(1).partialSig ?? []).toEqual([]);
    });

    it('an absurd fee and an input of unknown amount are warned about in the approval window (rejected: 4001)', async () => {
      const coin = fund(me.p2wpkh, 200_000n);
      const absurd = psbtOf([coin], OTHER, 10_000n); // 190,000 sats of fee to send 10,000
      const asking = uniCall('signPsbt', Buffer.from(absurd.toPSBT()).toString('hex'));
      const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="btc_sign_psbt"]');
      await win.locator('[data-testid="approval-warning"][data-kind="high_fee"][data-severity="danger"]').waitFor();
      expect(await win.getByTestId('btc-review-fee').getAttribute('data-sats')).toBe('190000');
      await answer(wb.context, 'btc_sign_psbt', false);
      expect((await asking).error?.code).toBe(4001);

      // A second input without witnessUtxo: its amount (and so the fee) is unknown.
      const theirs = fund(STRANGER, 30_000n);
      const unknown = psbtOf([coin], OTHER, 150_000n);
      unknown.addInput({ txid: theirs.txid, index: theirs.vout, sequence: 0xfffffffd });
      const asking2 = uniCall('signPsbt', Buffer.from(unknown.toPSBT()).toString('hex'), { autoFinalized: false });
      const win2 = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="btc_sign_psbt"]');
      await win2.locator('[data-testid="approval-warning"][data-kind="unknown_input_value"]').waitFor();
      expect(await win2.getByTestId('btc-review-fee').getAttribute('data-sats')).toBe('');
      await answer(wb.context, 'btc_sign_psbt', false);
      expect((await asking2).error?.code).toBe(4001);
    });

    it('sendBitcoin broadcasts after approval; accountsChanged/networkChanged reach the page', async () => {
      const sending = uniCall('sendBitcoin', OTHER, 7_777);
      await answer(wb.context, 'btc_send', true);
      const txid = (await sending).result as string;
      expect(esplora.state.getTx(txid)?.outputs.some((o) => o.amount === 7_777n)).toBe(true);

      const popup = await wb.openPopup();
      await expectScreen(popup, 'home-screen');
      await pickBtcNetwork(popup, 'signet');
      await expect.poll(() => uni.evaluate(() => (window as unknown as { unisatDapp: { events: { event: string; data: unknown }[] } }).unisatDapp.events)).toEqual(
        expect.arrayContaining([{ event: 'networkChanged', data: 'testnet' }, { event: 'accountsChanged', data: [expect.stringMatching(/^tb1q/), expect.stringMatching(/^tb1p/)] }]),
      );
      await pickBtcNetwork(popup, 'regtest');
      await popup.close();
    });
  });

  describe('Leather-style request() (window.duowallet.leather)', () => {
    let page: Page;
    type Answer = { ok?: { jsonrpc: string; result: Record<string, unknown> }; rejected?: { jsonrpc: string; error: { code: number; message: string } } };
    const req = (method: string, params?: unknown) =>
      page.evaluate(
        async ([m, p]) => {
          try {
            return { ok: await (window as unknown as { duowallet: { leather: { request(m: string, p?: unknown): Promise<unknown> } } }).duowallet.leather.request(m, p) };
          } catch (e) {
            return { rejected: e };
          }
        },
        [method, params] as const,
      ) as Promise<Answer>;

    afterAll(async () => {
      await page?.close();
    });

    it('before connect, signing is refused with 4100; getAddresses in Leather shapes; a rejection rejects with the JSON-RPC error (4001)', async () => {
      // Same origin as the sats-connect page: disconnect it in the wallet first (Connected sites).
      const origin = new URL(pages.url).origin;
      const popup = await wb.openPopup();
      await popup.getByTestId('connected-sites-button').click();
      await popup.locator(`[data-testid="connected-site"][data-origin="${origin}"]`).getByTestId('disconnect-site-button').click();
      await expect.poll(() => popup.locator(`[data-testid="connected-site"][data-origin="${origin}"]`).count()).toBe(0);
      await popup.close();
      page = await wb.context.newPage();
      await page.goto(`${pages.url}dapp/index.html`);
      const windows = wb.context.pages().length;
      const unauthorized = { rejected: { jsonrpc: '2.0', error: { code: 4100 } } };
      expect(await req('signMessage', { message: 'not yet', paymentType: 'p2wpkh' })).toMatchObject(unauthorized);
      const coin = fund(me.p2wpkh, 30_000n);
      expect(await req('signPsbt', { hex: Buffer.from(psbtOf([coin], OTHER, 20_000n).toPSBT()).toString('hex'), signAtIndex: 0 })).toMatchObject(unauthorized);
      expect(await req('sendTransfer', { recipients: [{ address: OTHER, amount: 1_000 }] })).toMatchObject(unauthorized);
      expect(wb.context.pages().length).toBe(windows); // no approval window for any of them

      const rejected = req('getAddresses');
      await answer(wb.context, 'connect', false);
      expect(await rejected).toMatchObject({ rejected: { jsonrpc: '2.0', error: { code: 4001 } } });
      const ok = req('getAddresses');
      await answer(wb.context, 'connect', true);
      expect(await ok).toMatchObject({
        ok: { jsonrpc: '2.0', result: { addresses: [{ symbol: 'BTC', type: 'p2wpkh', address: me.p2wpkh }, { symbol: 'BTC', type: 'p2tr', address: me.p2tr }] } },
      });
      const signed = req('signMessage', { message: 'leather says hi', paymentType: 'p2wpkh' });
      await answer(wb.context, 'btc_sign_message', true);
      const sig = (await signed).ok!.result['signature'] as string;
      expect(Verifier.verifySignature(me.p2wpkh, 'leather says hi', sig)).toBe(true);
    });

    it('signPsbt (hex, signAtIndex): the window shows it; the fixture accepts the signed transaction', async () => {
      const coin = fund(me.p2wpkh, 90_000n);
      const tx = psbtOf([coin], OTHER, 25_000n, me.p2wpkh);
      const signing = req('signPsbt', { hex: Buffer.from(tx.toPSBT()).toString('hex'), signAtIndex: 0 });
      const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="btc_sign_psbt"]');
      expect(await win.locator('[data-testid="btc-input"][data-mine="true"][data-sign="true"]').count()).toBe(1);
      expect(await win.getByTestId('btc-review-fee').getAttribute('data-sats')).toBe('500');
      await answer(wb.context, 'btc_sign_psbt', true);
      const r = await signing;
      expect(r.ok?.jsonrpc).toBe('2.0');
      const signed = btc.Transaction.fromPSBT(hexToBytes(r.ok!.result['hex'] as string));
      expect(signed.getInput(0).partialSig?.length).toBe(1);
      signed.finalize();
      expect(esplora.state.submit(signed.hex)).toBe(signed.id);
    });
  });
});
