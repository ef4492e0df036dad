// Test helper (imported only by *.test.ts; not part of inpage.js): a Transport whose 'btc'
// requests a test answers, either by hand or through a responder playing the background.
import type { BtcAddressInfo } from '../shared/btc-protocol';
import type { ProviderChain } from '../shared/provider-protocol';
import { rpcError, type ProviderRpcError } from './errors';
import type { Done, EventHandler, Transport } from './transport';

export interface Call {
  chain: ProviderChain;
  method: string;
  params: unknown;
  done: Done;
}

/** What the responder returns: a result, or a ProviderRpcError to fail with. */
export type Responder = (method: string, params: unknown) => unknown;

export function fakeBtcTransport(responder?: Responder) {
  const calls: Call[] = [];
  const handlers: EventHandler[] = [];
  const transport: Transport = {
    send(chain, method, params, done) {
      // as the real transport: a structured copy of params, taken now
      const copy = params === undefined ? undefined : structuredClone(params);
      calls.push({ chain, method, params: copy, done });
      if (responder) {
        queueMicrotask(() => {
          const out = responder(method, copy);
          if (out instanceof Error) done(out as ProviderRpcError);
          else done(null, out);
        });
      }
    },
    subscribe: (chain, handler) => {
      if (chain === 'btc') handlers.push(handler);
    },
  };
  const take = (method: string): Call => {
    const i = calls.findIndex((c) => c.method === method);
    if (i < 0) throw new Error(`no pending ${method}`);
    return calls.splice(i, 1)[0]!;
  };
  return {
    transport,
    calls,
    /** Only the methods sent, in order. */
    methods: () => calls.map((c) => c.method),
    answer: (method: string, result: unknown) => take(method).done(null, result),
    fail: (method: string, code: number, message = 'failed') => take(method).done(rpcError(code, message)),
    emit: (event: string, data: unknown) => handlers.forEach((h) => h(event, data)),
  };
}

export const P2WPKH: BtcAddressInfo = {
  address: 'bcrt1qpayment',
  publicKey: '02' + 'aa'.repeat(32),
  purpose: 'payment',
  addressType: 'p2wpkh',
  derivationPath: "m/84'/1'/0'/0/0",
};

export const P2TR: BtcAddressInfo = {
  address: 'bcrt1pordinals',
  publicKey: '03' + 'bb'.repeat(32),
  xOnlyPublicKey: 'bb'.repeat(32),
  purpose: 'ordinals',
  addressType: 'p2tr',
  derivationPath: "m/86'/1'/0'/0/0",
};

/** A background that has the site connected with both addresses (p2tr listed first on purpose), on regtest. */
export function connectedBackground(overrides: Record<string, unknown> = {}): Responder {
  return (method, params) => {
    if (method in overrides) {
      const o = overrides[method];
      return typeof o === 'function' ? (o as Responder)(method, params) : o;
    }
    switch (method) {
      case 'getAccounts':
      case 'requestAccounts':
        return [P2TR, P2WPKH];
      case 'getNetwork':
        return { network: 'regtest' };
      case 'switchNetwork':
        return { network: (params as { network: string }).network };
      case 'getBalance':
        return { confirmed: '1000', unconfirmed: '-200', total: '800' };
      case 'signMessage': {
        const p = params as { address: string; protocol: string };
        return { signature: 'c2ln', address: p.address, protocol: p.protocol, messageHash: 'ab'.repeat(32) };
      }
      case 'signPsbt':
        return { psbtHex: '70736274ff', psbtBase64: 'cHNidP8=', ...((params as { broadcast?: boolean }).broadcast ? { txid: 'f'.repeat(64) } : {}) };
      case 'pushTx':
      case 'pushPsbt':
      case 'sendTransfer':
        return { txid: 'e'.repeat(64) };
      default:
        return rpcError(-32601, 'Method not found');
    }
  };
}
