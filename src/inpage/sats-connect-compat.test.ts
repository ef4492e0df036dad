// The real sats-connect (node_modules, v4 with @sats-connect/core 0.10) against our registered
// provider in a stand-in window: shows the shapes really match what the library reads. The
// background is played by a responder over the fake transport.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAdapters, request, RpcErrorCode } from 'sats-connect';
import type { BtcAddressInfo } from '../shared/btc-protocol';
import { DUOWALLET_BTC_PROVIDER, registerBtcProvider, SATS_CONNECT_PROVIDER_ID } from './btc-providers-registry';
import { rpcError } from './errors';
import type { EthereumProvider } from './ethereum-provider';
import { createNamespace } from './namespace';
import { connectedBackground, fakeBtcTransport } from './testing-btc-transport';

// Real regtest addresses (bitcoin-address-validation checks them in sats-connect's UniSat adapter):
// the secp256k1 generator point as the key.
const G = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';
const PAYMENT: BtcAddressInfo = { address: 'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080', publicKey: G, purpose: 'payment', addressType: 'p2wpkh', derivationPath: "m/84'/1'/0'/0/0" };
const ORDINALS: BtcAddressInfo = {
  address: 'bcrt1pmfr3p9j00pfxjh0zmgp99y8zftmd3s5pmedqhyptwy6lm87hf5ssm803es',
  publicKey: G,
  xOnlyPublicKey: G.slice(2),
  purpose: 'ordinals',
  addressType: 'p2tr',
  derivationPath: "m/86'/1'/0'/0/0",
};

let rejectNext = false;
const fake = fakeBtcTransport(
  connectedBackground({
    requestAccounts: [ORDINALS, PAYMENT],
    getAccounts: [ORDINALS, PAYMENT],
    sendTransfer: () => (rejectNext ? rpcError(4001, 'User rejected the request.') : { txid: 'e'.repeat(64) }),
  }),
);
const namespace = createNamespace({ transport: fake.transport, ethereum: {} as EthereumProvider });
const win: Record<string, unknown> = { duowallet: namespace, unisat: namespace.bitcoin };
const g = globalThis as { window?: unknown };

beforeAll(() => {
  g.window = win;
  registerBtcProvider(win, DUOWALLET_BTC_PROVIDER);
});
afterAll(() => {
  delete g.window;
});

describe('sats-connect request(method, params, providerId) against window.duowallet.satsConnect', () => {
  it('finds our provider through the btc_providers id', () => {
    expect(win.btc_providers).toEqual([DUOWALLET_BTC_PROVIDER]);
    expect(SATS_CONNECT_PROVIDER_ID.split('.').reduce<unknown>((acc, part) => (acc as Record<string, unknown>)[part], win)).toBe(namespace.satsConnect);
  });

  it('getInfo', async () => {
    const answer = await request('getInfo', null, SATS_CONNECT_PROVIDER_ID);
    expect(answer.status).toBe('success');
    if (answer.status === 'success') expect(answer.result).toMatchObject({ platform: 'web', supports: ['WBIP004'] });
  });

  it('getAddresses', async () => {
    const answer = await request('getAddresses', { purposes: ['payment', 'ordinals'] as never }, SATS_CONNECT_PROVIDER_ID);
    expect(answer).toEqual({
      status: 'success',
      result: {
        addresses: [
          { address: PAYMENT.address, publicKey: G, purpose: 'payment', addressType: 'p2wpkh', walletType: 'software' },
          { address: ORDINALS.address, publicKey: G.slice(2), purpose: 'ordinals', addressType: 'p2tr', walletType: 'software' },
        ],
        network: { bitcoin: { name: 'Regtest' } },
      },
    });
  });

  it('wallet_connect', async () => {
    const answer = await request('wallet_connect', { addresses: ['payment'] as never }, SATS_CONNECT_PROVIDER_ID);
    expect(answer).toMatchObject({ status: 'success', result: { addresses: [{ address: PAYMENT.address }], walletType: 'software' } });
  });

  it('signMessage', async () => {
    const answer = await request('signMessage', { address: PAYMENT.address, message: 'hi', protocol: 'ECDSA' as never }, SATS_CONNECT_PROVIDER_ID);
    expect(answer).toMatchObject({ status: 'success', result: { signature: 'c2ln', address: PAYMENT.address, protocol: 'ECDSA' } });
  });

  it('signPsbt', async () => {
    const answer = await request('signPsbt', { psbt: 'cHNidP8=', signInputs: { [PAYMENT.address]: [0] }, broadcast: true }, SATS_CONNECT_PROVIDER_ID);
    expect(answer).toEqual({ status: 'success', result: { psbt: 'cHNidP8=', txid: 'f'.repeat(64) } });
  });

  it('sendTransfer, and a rejection as { status: error, code USER_REJECTION }', async () => {
    const ok = await request('sendTransfer', { recipients: [{ address: PAYMENT.address, amount: 1000 }] }, SATS_CONNECT_PROVIDER_ID);
    expect(ok).toEqual({ status: 'success', result: { txid: 'e'.repeat(64) } });
    rejectNext = true;
    const rejected = await request('sendTransfer', { recipients: [{ address: PAYMENT.address, amount: 1000 }] }, SATS_CONNECT_PROVIDER_ID);
    rejectNext = false;
    expect(rejected).toEqual({ status: 'error', error: { code: RpcErrorCode.USER_REJECTION, message: 'User rejected the request.' } });
  });

  it('bad params as { status: error, code INVALID_PARAMS }', async () => {
    const answer = await request('sendTransfer', { recipients: [{ address: PAYMENT.address, amount: -5 }] }, SATS_CONNECT_PROVIDER_ID);
    expect(answer).toMatchObject({ status: 'error', error: { code: RpcErrorCode.INVALID_PARAMS } });
  });
});

describe("sats-connect's own UniSat adapter against window.unisat (ours when nobody else owns it)", () => {
  const adapter = () => new defaultAdapters.unisat!();

  it('getAccounts: our first address serves as payment and ordinals, as the adapter does with UniSat', async () => {
    const answer = await adapter().request('getAccounts', { purposes: ['payment'] as never });
    expect(answer).toEqual({ status: 'success', result: [{ address: PAYMENT.address, publicKey: G, addressType: 'p2wpkh', purpose: 'payment', walletType: 'software' }] });
  });

  it('signPsbt (base64 in, hex to UniSat, base64 back) and sendTransfer', async () => {
    const signed = await adapter().request('signPsbt', { psbt: 'cHNidP8=', signInputs: { [PAYMENT.address]: [0] } });
    expect(signed).toEqual({ status: 'success', result: { psbt: Buffer.from('70736274ff', 'hex').toString('base64'), txid: undefined } });
    const sent = await adapter().request('sendTransfer', { recipients: [{ address: PAYMENT.address, amount: 1000 }] });
    expect(sent).toEqual({ status: 'success', result: { txid: 'e'.repeat(64) } });
  });

  it('our 4001 becomes its USER_REJECTION', async () => {
    rejectNext = true;
    const rejected = await adapter().request('sendTransfer', { recipients: [{ address: PAYMENT.address, amount: 1000 }] });
    rejectNext = false;
    expect(rejected).toMatchObject({ status: 'error', error: { code: RpcErrorCode.USER_REJECTION } });
  });
});
