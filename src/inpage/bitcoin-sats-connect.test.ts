import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { createSatsConnectProvider, purposesOf, satsConnectCode, signInputsOf } from './bitcoin-sats-connect';
import { rpcError } from './errors';
import { connectedBackground, fakeBtcTransport, P2TR, P2WPKH } from './testing-btc-transport';

function setup(overrides: Record<string, unknown> = {}) {
  const fake = fakeBtcTransport(connectedBackground(overrides));
  return { ...fake, p: createSatsConnectProvider(fake.transport) };
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PAYMENT = { address: P2WPKH.address, publicKey: P2WPKH.publicKey, purpose: 'payment', addressType: 'p2wpkh', walletType: 'software' };
const ORDINALS = { address: P2TR.address, publicKey: P2TR.xOnlyPublicKey, purpose: 'ordinals', addressType: 'p2tr', walletType: 'software' };

describe('sats-connect provider: request(method, params)', () => {
  it('is frozen and answers JSON-RPC objects with a fresh id', async () => {
    const { p } = setup();
    expect(Object.isFrozen(p)).toBe(true);
    const a = await p.request('getInfo', null);
    const b = await p.request('getInfo');
    expect(a).toMatchObject({ jsonrpc: '2.0' });
    expect(a.id).toMatch(ID);
    expect(b.id).not.toBe(a.id);
  });

  it('getInfo: version, platform web, its methods, WBIP004; nothing sent', async () => {
    const { p, calls } = setup();
    const { result } = await p.request('getInfo', null);
    expect(result).toEqual({
      version,
      platform: 'web',
      methods: ['getInfo', 'getAddresses', 'getAccounts', 'wallet_connect', 'signMessage', 'signPsbt', 'sendTransfer'],
      supports: ['WBIP004'],
    });
    expect(calls).toHaveLength(0);
  });

  it('getAddresses asks for accounts with the Bitcoin purposes and answers them with the network', async () => {
    const { p, calls } = setup();
    const answer = await p.request('getAddresses', { purposes: ['ordinals', 'payment', 'stacks'], message: 'Hi' });
    expect(answer.result).toEqual({ addresses: [PAYMENT, ORDINALS], network: { bitcoin: { name: 'Regtest' } } });
    expect(calls.map((c) => [c.method, c.params])).toEqual([
      ['requestAccounts', { purposes: ['payment', 'ordinals'] }],
      ['getNetwork', undefined],
    ]);
    const onlyPayment = await p.request('getAddresses', { purposes: ['payment'] });
    expect((onlyPayment.result as { addresses: unknown[] }).addresses).toEqual([PAYMENT]);
  });

  it('reports the x-only key for p2tr, derived from the compressed key when the background sends none', async () => {
    const { xOnlyPublicKey: _x, ...withoutXOnly } = P2TR;
    const { p } = setup({ requestAccounts: [withoutXOnly] });
    const { result } = await p.request('getAddresses', { purposes: ['ordinals'] });
    expect((result as { addresses: { publicKey: string }[] }).addresses[0]?.publicKey).toBe('bb'.repeat(32));
  });

  it('getAccounts answers the address list; wallet_connect the account', async () => {
    const { p } = setup();
    await expect(p.request('getAccounts', { purposes: ['payment', 'ordinals'] })).resolves.toMatchObject({ result: [PAYMENT, ORDINALS] });
    const connect = await p.request('wallet_connect', { addresses: ['ordinals'], message: 'Connect', network: 'Mainnet' });
    expect(connect.result).toEqual({ id: P2WPKH.address, addresses: [ORDINALS], walletType: 'software', network: { bitcoin: { name: 'Regtest' } } });
    await expect(p.request('wallet_connect', null)).resolves.toMatchObject({ result: { addresses: [PAYMENT, ORDINALS] } });
  });

  it('signMessage maps ECDSA / BIP322 both ways (BIP322 by default)', async () => {
    const { p, calls } = setup();
    const ecdsa = await p.request('signMessage', { address: P2WPKH.address, message: 'hello', protocol: 'ECDSA' });
    expect(ecdsa.result).toEqual({ signature: 'c2ln', address: P2WPKH.address, protocol: 'ECDSA', messageHash: 'ab'.repeat(32) });
    const bip322 = await p.request('signMessage', { address: P2TR.address, message: '' });
    expect(bip322.result).toMatchObject({ protocol: 'BIP322', address: P2TR.address });
    expect(calls.map((c) => c.params)).toEqual([
      { address: P2WPKH.address, message: 'hello', protocol: 'ecdsa' },
      { address: P2TR.address, message: '', protocol: 'bip322' },
    ]);
  });

  it('signPsbt: signInputs record → input list, broadcast → finalize + broadcast; base64 PSBT and txid back', async () => {
    const { p, calls } = setup();
    const signed = await p.request('signPsbt', { psbt: 'cHNidP8=', signInputs: { [P2WPKH.address]: [0, 2], [P2TR.address]: [1] } });
    expect(signed.result).toEqual({ psbt: 'cHNidP8=', txid: undefined });
    const sent = await p.request('signPsbt', { psbt: 'cHNidP8=', broadcast: true });
    expect(sent.result).toEqual({ psbt: 'cHNidP8=', txid: 'f'.repeat(64) });
    expect(calls.map((c) => c.params)).toEqual([
      {
        psbt: 'cHNidP8=',
        signInputs: [
          { index: 0, address: P2WPKH.address },
          { index: 2, address: P2WPKH.address },
          { index: 1, address: P2TR.address },
        ],
        finalize: false,
        broadcast: false,
      },
      { psbt: 'cHNidP8=', signInputs: undefined, finalize: true, broadcast: true },
    ]);
  });

  it('sendTransfer: amounts in sats as decimal strings; txid back', async () => {
    const { p, calls } = setup();
    const answer = await p.request('sendTransfer', { recipients: [{ address: 'bcrt1qa', amount: 1000 }, { address: 'bcrt1qb', amount: 546 }] });
    expect(answer.result).toEqual({ txid: 'e'.repeat(64) });
    expect(calls[0]?.params).toEqual({ recipients: [{ address: 'bcrt1qa', amount: '1000' }, { address: 'bcrt1qb', amount: '546' }] });
  });

  it('bad params resolve { error: -32602 } and send nothing (sats-connect reads errors from the resolved value)', async () => {
    const { p, calls } = setup();
    const bad: [string, unknown][] = [
      ['getAddresses', { purposes: 'payment' }],
      ['getAddresses', 'x'],
      ['signMessage', { message: 'x' }],
      ['signMessage', { address: 'a', message: 1 }],
      ['signMessage', { address: 'a', message: 'x', protocol: 'ecdsa' }],
      ['signPsbt', { signInputs: {} }],
      ['signPsbt', { psbt: 'x', signInputs: [] }],
      ['signPsbt', { psbt: 'x', signInputs: { a: 1 } }],
      ['signPsbt', { psbt: 'x', signInputs: { a: [-1] } }],
      ['signPsbt', { psbt: 'x', broadcast: 'yes' }],
      ['sendTransfer', { recipients: [] }],
      ['sendTransfer', { recipients: [{ address: 'a', amount: 0 }] }],
      ['sendTransfer', { recipients: [{ address: 'a', amount: 1.5 }] }],
      ['sendTransfer', { recipients: [{ amount: 5 }] }],
      ['sendTransfer', { recipients: [() => 1] }],
    ];
    for (const [method, params] of bad) {
      const answer = await p.request(method, params);
      expect(answer, `${method} ${JSON.stringify(params)}`).toMatchObject({ jsonrpc: '2.0', error: { code: -32602 } });
      expect(typeof answer.error?.message).toBe('string');
      expect(answer).not.toHaveProperty('result');
    }
    expect(calls).toHaveLength(0);
  });

  it('an unknown method is -32601 (resolved); a method that is not a string is -32600, never converted', async () => {
    const { p } = setup();
    for (const method of ['stx_signMessage', '__proto__', 'toString', 'constructor']) {
      await expect(p.request(method as never)).resolves.toMatchObject({ error: { code: -32601 } });
    }
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const sneaky = { toString: () => 'getInfo' };
    for (const method of [5, undefined, null, sneaky, proxy]) {
      await expect(p.request(method as never)).resolves.toMatchObject({ error: { code: -32600 } });
    }
  });

  it('maps the background errors to RpcErrorCode: 4001 → -32000, 4100 → -32002, 4200 → -32001', async () => {
    expect([4001, 4100, 4200, -32602, -32603, -32601].map(satsConnectCode)).toEqual([-32000, -32002, -32001, -32602, -32603, -32601]);
    const { p } = setup({ requestAccounts: rpcError(4001, 'User rejected the request.') });
    await expect(p.request('getAddresses', { purposes: ['payment'] })).resolves.toMatchObject({ error: { code: -32000, message: 'User rejected the request.' } });
    const notConnected = setup({ signPsbt: rpcError(4100, 'Unauthorized') });
    await expect(notConnected.p.request('signPsbt', { psbt: 'x' })).resolves.toMatchObject({ error: { code: -32002 } });
  });
});

describe('purposesOf / signInputsOf', () => {
  it('purposes: missing means both; others are left out; duplicates once', () => {
    expect(purposesOf(undefined, 'purposes')).toEqual(['payment', 'ordinals']);
    expect(purposesOf(['spark', 'ordinals', 'ordinals'], 'purposes')).toEqual(['ordinals']);
    expect(purposesOf([], 'purposes')).toEqual([]);
  });

  it('signInputs ignores a polluted Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.evil = [7];
    try {
      expect(signInputsOf(structuredClone({ a: [1] }))).toEqual([{ index: 1, address: 'a' }]);
    } finally {
      delete proto.evil;
    }
  });
});
