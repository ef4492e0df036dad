import { describe, expect, it, vi } from 'vitest';
import { rpcError } from './errors';
import { createUnisatProvider, unisatNetwork, unisatPsbtParams } from './bitcoin-unisat';
import { connectedBackground, fakeBtcTransport, P2TR, P2WPKH } from './testing-btc-transport';

function setup(overrides: Record<string, unknown> = {}) {
  const fake = fakeBtcTransport(connectedBackground(overrides));
  return { ...fake, p: createUnisatProvider(fake.transport) };
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as Error & { code: number });

describe('UniSat-style provider', () => {
  it('is frozen and says isDuoWallet (not isUnisat)', () => {
    const { p } = setup();
    expect(Object.isFrozen(p)).toBe(true);
    expect(p.isDuoWallet).toBe(true);
    expect((p as unknown as Record<string, unknown>).isUnisat).toBeUndefined();
    expect(() => {
      (p as unknown as Record<string, unknown>).signPsbt = () => 'x';
    }).toThrow(TypeError);
  });

  it('requestAccounts / getAccounts: address strings, p2wpkh first', async () => {
    const { p, calls } = setup();
    await expect(p.requestAccounts()).resolves.toEqual([P2WPKH.address, P2TR.address]);
    await expect(p.getAccounts()).resolves.toEqual([P2WPKH.address, P2TR.address]);
    expect(calls.map((c) => [c.chain, c.method, c.params])).toEqual([
      ['btc', 'requestAccounts', undefined],
      ['btc', 'getAccounts', undefined],
    ]);
  });

  it('getAccounts before connecting is []; getPublicKey then is 4100', async () => {
    const { p } = setup({ getAccounts: [] });
    await expect(p.getAccounts()).resolves.toEqual([]);
    expect(await errorOf(p.getPublicKey())).toMatchObject({ code: 4100 });
  });

  it('getPublicKey is the first (p2wpkh) address key', async () => {
    const { p } = setup();
    await expect(p.getPublicKey()).resolves.toBe(P2WPKH.publicKey);
  });

  it('getBalance answers numbers of sats', async () => {
    const { p } = setup();
    await expect(p.getBalance()).resolves.toEqual({ confirmed: 1000, unconfirmed: -200, total: 800 });
  });

  it('getNetwork uses UniSat names: livenet, testnet (testnet4 and signet), regtest', async () => {
    expect(['mainnet', 'testnet4', 'signet', 'regtest'].map((n) => unisatNetwork(n as never))).toEqual(['livenet', 'testnet', 'testnet', 'regtest']);
    for (const [ours, theirs] of [
      ['mainnet', 'livenet'],
      ['signet', 'testnet'],
    ]) {
      const { p } = setup({ getNetwork: { network: ours } });
      await expect(p.getNetwork()).resolves.toBe(theirs);
    }
  });

  it('switchNetwork maps UniSat and our names, answers the UniSat name', async () => {
    for (const [asked, sent, answer] of [
      ['livenet', 'mainnet', 'livenet'],
      ['mainnet', 'mainnet', 'livenet'],
      ['testnet', 'testnet4', 'testnet'],
      ['testnet4', 'testnet4', 'testnet'],
      ['signet', 'signet', 'testnet'],
      ['regtest', 'regtest', 'regtest'],
    ]) {
      const { p, calls } = setup();
      await expect(p.switchNetwork(asked!)).resolves.toBe(answer);
      expect(calls[0]).toMatchObject({ method: 'switchNetwork', params: { network: sent } });
    }
  });

  it('switchNetwork with an unknown name is -32602 and sends nothing', async () => {
    const { p, calls } = setup();
    for (const bad of ['bitcoin', 'Mainnet', '', 1, undefined, '__proto__', 'toString']) {
      expect(await errorOf(p.switchNetwork(bad as never))).toMatchObject({ code: -32602 });
    }
    expect(calls).toHaveLength(0);
  });

  it('signMessage signs with the first address; ecdsa by default, bip322-simple → bip322; base64 string back', async () => {
    const { p, calls } = setup();
    await expect(p.signMessage('hello')).resolves.toBe('c2ln');
    await expect(p.signMessage('hello', 'bip322-simple')).resolves.toBe('c2ln');
    const signs = calls.filter((c) => c.method === 'signMessage').map((c) => c.params);
    expect(signs).toEqual([
      { address: P2WPKH.address, message: 'hello', protocol: 'ecdsa' },
      { address: P2WPKH.address, message: 'hello', protocol: 'bip322' },
    ]);
  });

  it('signMessage with a bad message or type is -32602 before anything is sent', async () => {
    const { p, calls } = setup();
    expect(await errorOf(p.signMessage(42 as never))).toMatchObject({ code: -32602 });
    expect(await errorOf(p.signMessage('x', 'schnorr' as never))).toMatchObject({ code: -32602 });
    expect(calls).toHaveLength(0);
  });

  it('signPsbt: autoFinalized defaults to true, toSignInputs carried over, hex back', async () => {
    const { p, calls } = setup();
    await expect(p.signPsbt('70736274ff')).resolves.toBe('70736274ff');
    await p.signPsbt('70736274ff', { autoFinalized: false, toSignInputs: [{ index: 0, address: 'a' }, { index: 2, publicKey: '02ab', sighashTypes: [0x83] }] });
    await p.signPsbt('70736274ff', { toSignInputs: [] });
    expect(calls.map((c) => c.params)).toEqual([
      { psbt: '70736274ff', signInputs: undefined, finalize: true, broadcast: false },
      {
        psbt: '70736274ff',
        signInputs: [
          { index: 0, address: 'a', publicKey: undefined, sighashTypes: undefined },
          { index: 2, address: undefined, publicKey: '02ab', sighashTypes: [0x83] },
        ],
        finalize: false,
        broadcast: false,
      },
      { psbt: '70736274ff', signInputs: undefined, finalize: true, broadcast: false },
    ]);
  });

  it('signPsbt rejects bad arguments with -32602 and sends nothing', async () => {
    const { p, calls } = setup();
    const bad: [unknown, unknown][] = [
      ['', undefined],
      [7, undefined],
      ['00', 'opts'],
      ['00', { autoFinalized: 'yes' }],
      ['00', { toSignInputs: {} }],
      ['00', { toSignInputs: [{}] }],
      ['00', { toSignInputs: [{ index: -1 }] }],
      ['00', { toSignInputs: [{ index: 1.5 }] }],
      ['00', { toSignInputs: [{ index: 0, address: 5 }] }],
      ['00', { toSignInputs: [{ index: 0, sighashTypes: ['ALL'] }] }],
      ['00', { toSignInputs: [5] }],
      ['00', { get toSignInputs() { throw new Error('page getter'); } }],
      ['00', { toSignInputs: [{ index: 0, x: () => 1 }] }],
    ];
    for (const [i, [psbt, options]] of bad.entries()) {
      const error = await errorOf(p.signPsbt(psbt as never, options as never));
      expect(error, `case ${i}`).toBeInstanceOf(Error);
      expect(error?.code).toBe(-32602);
    }
    expect(calls).toHaveLength(0);
  });

  it('reads the options once and sends a copy (later page edits and getters cannot reach it)', async () => {
    const { p, calls } = setup();
    let reads = 0;
    const options = {
      get autoFinalized() {
        reads++;
        return reads === 1 ? false : 'changed';
      },
      toSignInputs: [{ index: 1 }],
    };
    const pending = p.signPsbt('00', options as never);
    options.toSignInputs[0]!.index = 9;
    await pending;
    expect(reads).toBe(1);
    expect(calls[0]?.params).toMatchObject({ finalize: false, signInputs: [{ index: 1 }] });
  });

  it('signPsbts signs one after the other and stops at the first error', async () => {
    let n = 0;
    const { p, calls } = setup({ signPsbt: () => (++n === 2 ? rpcError(4001, 'User rejected the request.') : { psbtHex: `signed${n}`, psbtBase64: '' }) });
    expect(await errorOf(p.signPsbts(['a', 'b', 'c']))).toMatchObject({ code: 4001 });
    expect(calls.map((c) => (c.params as { psbt: string }).psbt)).toEqual(['a', 'b']);
    n = 0;
    const ok = setup({ signPsbt: (_m: string, params: { psbt: string; finalize: boolean }) => ({ psbtHex: `${params.psbt}!${params.finalize}`, psbtBase64: '' }) });
    await expect(ok.p.signPsbts(['a', 'b'], [{ autoFinalized: false }])).resolves.toEqual(['a!false', 'b!true']);
  });

  it('signPsbts checks every PSBT before the first is sent', async () => {
    const { p, calls } = setup();
    expect(await errorOf(p.signPsbts(['a', 7 as never]))).toMatchObject({ code: -32602 });
    expect(await errorOf(p.signPsbts('a' as never))).toMatchObject({ code: -32602 });
    expect(await errorOf(p.signPsbts([]))).toMatchObject({ code: -32602 });
    expect(calls).toHaveLength(0);
  });

  it('pushPsbt, pushTx (string or { rawtx }) and sendBitcoin answer the txid', async () => {
    const { p, calls } = setup();
    const txid = 'e'.repeat(64);
    await expect(p.pushPsbt('70736274ff')).resolves.toBe(txid);
    await expect(p.pushTx({ rawtx: '0200' })).resolves.toBe(txid);
    await expect(p.pushTx('0201')).resolves.toBe(txid);
    await expect(p.sendBitcoin('bcrt1qto', 1500, { feeRate: 2.5 })).resolves.toBe(txid);
    await expect(p.sendBitcoin('bcrt1qto', 1)).resolves.toBe(txid);
    expect(calls.map((c) => [c.method, c.params])).toEqual([
      ['pushPsbt', { psbt: '70736274ff' }],
      ['pushTx', { hex: '0200' }],
      ['pushTx', { hex: '0201' }],
      ['sendTransfer', { recipients: [{ address: 'bcrt1qto', amount: '1500' }], feeRate: 2.5 }],
      ['sendTransfer', { recipients: [{ address: 'bcrt1qto', amount: '1' }], feeRate: undefined }],
    ]);
  });

  it('sendBitcoin refuses amounts that are not positive integers, and bad fee rates', async () => {
    const { p, calls } = setup();
    for (const [i, sats] of [0, -1, 1.5, Number.NaN, 2 ** 53, '', 'abc', '-5', null, {}].entries()) {
      expect(await errorOf(p.sendBitcoin('bcrt1qto', sats as never)), `case ${i}`).toMatchObject({ code: -32602 });
    }
    expect(await errorOf(p.sendBitcoin('', 1))).toMatchObject({ code: -32602 });
    expect(await errorOf(p.sendBitcoin('bcrt1qto', 1, { feeRate: 0 }))).toMatchObject({ code: -32602 });
    expect(await errorOf(p.sendBitcoin('bcrt1qto', 1, { feeRate: '5' as never }))).toMatchObject({ code: -32602 });
    expect(await errorOf(p.pushTx({} as never))).toMatchObject({ code: -32602 });
    expect(calls).toHaveLength(0);
  });

  it('a rejection in the approval window is an Error with code 4001, as UniSat rejects', async () => {
    const { p } = setup({ sendTransfer: rpcError(4001, 'User rejected the request.') });
    const error = await errorOf(p.sendBitcoin('bcrt1qto', 1000));
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 4001, message: 'User rejected the request.' });
  });

  it('an answer of the wrong shape is -32603, not a crash', async () => {
    const { p } = setup({ getNetwork: { network: 'bitcoin-cash' } });
    expect(await errorOf(p.getNetwork())).toMatchObject({ code: -32603 });
  });

  it('emits accountsChanged (address strings, p2wpkh first) and networkChanged (UniSat name)', () => {
    const { p, emit } = setup();
    const accounts = vi.fn();
    const network = vi.fn();
    expect(p.on('accountsChanged', accounts)).toBe(p);
    p.on('networkChanged', network);
    emit('accountsChanged', [P2TR, P2WPKH]);
    emit('accountsChanged', []);
    emit('networkChanged', 'mainnet');
    emit('networkChanged', 'testnet4');
    emit('networkChanged', 'not-a-network');
    expect(accounts.mock.calls).toEqual([[[P2WPKH.address, P2TR.address]], [[]]]);
    expect(network.mock.calls).toEqual([['livenet'], ['testnet']]);
    expect(p.removeListener('accountsChanged', accounts)).toBe(p);
    emit('accountsChanged', [P2WPKH]);
    expect(accounts).toHaveBeenCalledTimes(2);
  });
});

describe('unisatPsbtParams', () => {
  it('throws -32602 ProviderRpcErrors naming the field', () => {
    expect(() => unisatPsbtParams('00', { toSignInputs: [{ index: 'x' }] })).toThrow(expect.objectContaining({ code: -32602, message: 'Invalid params: index' }) as Error);
  });
});
