import { describe, expect, it } from 'vitest';
import { createLeatherProvider } from './bitcoin-leather';
import type { JsonRpcAnswer } from './bitcoin-request';
import { rpcError } from './errors';
import { connectedBackground, fakeBtcTransport, P2TR, P2WPKH } from './testing-btc-transport';

function setup(overrides: Record<string, unknown> = {}) {
  const fake = fakeBtcTransport(connectedBackground(overrides));
  return { ...fake, p: createLeatherProvider(fake.transport) };
}

/** Leather rejects with the JSON-RPC error response itself. */
const rejection = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as JsonRpcAnswer);

describe('Leather-style provider: request(method, params)', () => {
  it('is frozen; resolves { jsonrpc, id, result }', async () => {
    const { p } = setup();
    expect(Object.isFrozen(p)).toBe(true);
    const answer = await p.request('getAddresses');
    expect(answer).toMatchObject({ jsonrpc: '2.0' });
    expect(typeof answer.id).toBe('string');
  });

  it('getAddresses: BTC entries with type, publicKey and derivationPath, p2wpkh first', async () => {
    const { p, calls } = setup();
    const { result } = await p.request('getAddresses', { network: 'mainnet' });
    expect(result).toEqual({
      addresses: [
        { symbol: 'BTC', type: 'p2wpkh', address: P2WPKH.address, publicKey: P2WPKH.publicKey, derivationPath: P2WPKH.derivationPath },
        { symbol: 'BTC', type: 'p2tr', address: P2TR.address, publicKey: P2TR.publicKey, derivationPath: P2TR.derivationPath },
      ],
    });
    expect(calls.map((c) => c.method)).toEqual(['requestAccounts']);
  });

  it('signMessage picks the address of paymentType (p2wpkh by default); bip322 by default, legacy → ecdsa', async () => {
    const { p, calls } = setup();
    const a = await p.request('signMessage', { message: 'hello' });
    expect(a.result).toEqual({ signature: 'c2ln', address: P2WPKH.address, message: 'hello' });
    const b = await p.request('signMessage', { message: 'hello', paymentType: 'p2tr', type: 'legacy' });
    expect(b.result).toMatchObject({ address: P2TR.address });
    expect(calls.filter((c) => c.method === 'signMessage').map((c) => c.params)).toEqual([
      { address: P2WPKH.address, message: 'hello', protocol: 'bip322' },
      { address: P2TR.address, message: 'hello', protocol: 'ecdsa' },
    ]);
  });

  it('signPsbt: hex, signAtIndex (number or list), allowedSighash; not broadcast by default', async () => {
    const { p, calls } = setup();
    await expect(p.request('signPsbt', { hex: '70736274ff' })).resolves.toMatchObject({ result: { hex: '70736274ff' } });
    await p.request('signPsbt', { hex: '70736274ff', signAtIndex: 1, allowedSighash: [0x81] });
    const sent = await p.request('signPsbt', { hex: '70736274ff', signAtIndex: [0, 2], broadcast: true });
    expect(sent.result).toEqual({ hex: '70736274ff', txid: 'f'.repeat(64) });
    expect(calls.map((c) => c.params)).toEqual([
      { psbt: '70736274ff', signInputs: undefined, finalize: false, broadcast: false },
      { psbt: '70736274ff', signInputs: [{ index: 1, sighashTypes: [0x81] }], finalize: false, broadcast: false },
      { psbt: '70736274ff', signInputs: [{ index: 0, sighashTypes: undefined }, { index: 2, sighashTypes: undefined }], finalize: true, broadcast: true },
    ]);
  });

  it('sendTransfer: recipients with string or number amounts, and the legacy { address, amount } form', async () => {
    const { p, calls } = setup();
    await expect(p.request('sendTransfer', { recipients: [{ address: 'bcrt1qa', amount: '1000' }, { address: 'bcrt1qb', amount: 600 }], network: 'regtest' })).resolves.toMatchObject({
      result: { txid: 'e'.repeat(64) },
    });
    await p.request('sendTransfer', { address: 'bcrt1qc', amount: '700', network: 'regtest' });
    expect(calls.map((c) => c.params)).toEqual([
      { recipients: [{ address: 'bcrt1qa', amount: '1000' }, { address: 'bcrt1qb', amount: '600' }] },
      { recipients: [{ address: 'bcrt1qc', amount: '700' }] },
    ]);
  });

  it('rejects with the whole { jsonrpc, id, error } (a plain object), Leather codes: 4001 user rejected', async () => {
    const { p } = setup({ sendTransfer: rpcError(4001, 'User rejected the request.') });
    const error = await rejection(p.request('sendTransfer', { recipients: [{ address: 'a', amount: '1' }] }));
    expect(error).not.toBeInstanceOf(Error);
    expect(error).toMatchObject({ jsonrpc: '2.0', error: { code: 4001, message: 'User rejected the request.' } });
    expect(typeof error?.id).toBe('string');
    const unsupported = setup({ requestAccounts: rpcError(4200, 'Unsupported') });
    await expect(rejection(unsupported.p.request('getAddresses'))).resolves.toMatchObject({ error: { code: 4002 } });
  });

  it('bad params and unknown methods reject before anything is sent', async () => {
    const { p, calls } = setup();
    const bad: [string, unknown][] = [
      ['signMessage', {}],
      ['signMessage', { message: 'x', paymentType: 'p2pkh' }],
      ['signMessage', { message: 'x', type: 'ecdsa' }],
      ['signPsbt', {}],
      ['signPsbt', { hex: 'x', signAtIndex: '1' }],
      ['signPsbt', { hex: 'x', allowedSighash: ['ALL'] }],
      ['sendTransfer', {}],
      ['sendTransfer', { recipients: [{ address: 'a', amount: 'many' }] }],
    ];
    for (const [method, params] of bad) {
      await expect(rejection(p.request(method, params)), method).resolves.toMatchObject({ error: { code: -32602 } });
    }
    await expect(rejection(p.request('stx_signMessage', {}))).resolves.toMatchObject({ error: { code: -32601 } });
    expect(calls).toHaveLength(0);
  });

  it('an unconnected site is refused with 4100 in the Leather shape; signMessage asks for no signature', async () => {
    const refuse = rpcError(4100, 'The requested account and/or method has not been authorized by the user.');
    const { p, methods } = setup({ getAccounts: [], signPsbt: refuse, sendTransfer: refuse });
    const refused = { jsonrpc: '2.0', error: { code: 4100 } };
    await expect(rejection(p.request('signMessage', { message: 'x' }))).resolves.toMatchObject(refused);
    expect(methods()).toEqual(['getAccounts']);
    await expect(rejection(p.request('signPsbt', { hex: '70736274ff', signAtIndex: 0 }))).resolves.toMatchObject(refused);
    await expect(rejection(p.request('sendTransfer', { recipients: [{ address: 'bcrt1qa', amount: 1000 }] }))).resolves.toMatchObject(refused);
  });

  it('signMessage for a paymentType the site has no address of is -32602', async () => {
    const { p } = setup({ getAccounts: [P2WPKH] });
    await expect(rejection(p.request('signMessage', { message: 'x', paymentType: 'p2tr' }))).resolves.toMatchObject({ error: { code: -32602 } });
  });
});
