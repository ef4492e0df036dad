import { describe, expect, it } from 'vitest';
import { InvalidParamsError } from '../../core/ethereum';
import { WalletError } from '../../shared/errors';
import type { HandlerContext, Services } from '../context';
import { BtcNetworkService } from '../services/btc-network-service';
import { NetworkService } from '../services/network-service';
import { SettingsService } from '../services/settings-service';
import { memoryStore } from '../services/store';
import { btcMethods } from './btc';
import { ethMethods } from './eth';

const ACCOUNT = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const TYPED = { types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }], Msg: [{ name: 'x', type: 'uint256' }] }, primaryType: 'Msg', domain: { chainId: 31337 }, message: { x: 1 } };

/**
 * What a parse step may touch: the current chains (real services over an in-memory store,
 * which must stay unchanged). Anything else — keyring, approvals, permissions — throws, so a
 * parse step that asks the user, checks a permission or writes is caught here.
 */
function parseContext() {
  const local = memoryStore({ ethChainId: 31337 });
  const touched: string[] = [];
  const real: Partial<Services> = {
    network: new NetworkService(local),
    btc: { networks: new BtcNetworkService(local, new SettingsService(local)) } as Services['btc'],
  };
  const services = new Proxy(real, {
    get(target, key: string) {
      if (key in target) return target[key as keyof Services];
      touched.push(key);
      throw new Error(`a parse step touched services.${key}`);
    },
  }) as Services;
  const ctx: HandlerContext = { services };
  return { ctx, touched, local };
}

async function codeOf(chain: 'eth' | 'btc', method: string, params: unknown): Promise<number | 'parsed'> {
  const { ctx, touched, local } = parseContext();
  const before = JSON.stringify(local.dump());
  const m = (chain === 'eth' ? ethMethods : btcMethods).get(method);
  if (!m) throw new Error(`no method ${method}`);
  try {
    await m.prepare(params, ctx);
    return 'parsed';
  } catch (e) {
    if (e instanceof InvalidParamsError) return -32602; // core's error, which the pipeline answers with -32602
    if (e instanceof WalletError) return e.code;
    throw e;
  } finally {
    expect(touched).toEqual([]);
    expect(JSON.stringify(local.dump())).toBe(before);
  }
}

describe('provider methods: params are parsed before anything else', () => {
  it.each<[string, unknown]>([
    ['wallet_switchEthereumChain', [{ chainId: 12 }]],
    ['wallet_switchEthereumChain', [{ chainId: '0xzz' }]],
    ['wallet_switchEthereumChain', []],
    ['wallet_addEthereumChain', [{ chainId: '0x7a6a', chainName: 'x', rpcUrls: 'http://127.0.0.1:8546' }]],
    ['wallet_addEthereumChain', [{ chainId: '0x7a6a', chainName: 'x', rpcUrls: ['http://rpc.example.org'] }]],
    ['wallet_addEthereumChain', [{ chainId: '7a6a', chainName: 'x', rpcUrls: ['https://rpc.example.org'] }]],
    ['personal_sign', ['0x68']],
    ['personal_sign', [42, ACCOUNT]],
    ['personal_sign', ['0x68', '0x1234']],
    ['eth_signTypedData_v4', [ACCOUNT, '{not json']],
    ['eth_signTypedData_v4', [ACCOUNT, { ...TYPED, domain: { chainId: 1 } }]],
    ['eth_signTypedData_v3', [ACCOUNT, { ...TYPED, domain: { chainId: '8453abc' } }]],
    ['eth_sendTransaction', [{ from: ACCOUNT, value: '-1' }]],
    ['eth_sendTransaction', [{ from: ACCOUNT, to: ACCOUNT, chainId: '0x1' }]],
    ['eth_sendTransaction', [{ from: 'me' }]],
    // mixed case with a wrong EIP-55 checksum (last letter's case flipped)
    ['eth_sendTransaction', [{ from: ACCOUNT, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79c8' }]],
    ['wallet_watchAsset', { type: 'ERC721', options: {} }],
    ['wallet_requestPermissions', [{}]],
    ['wallet_revokePermissions', 'all'],
    ['wallet_getCapabilities', [ACCOUNT, ['mainnet']]],
    ['wallet_sendCalls', [{ chainId: '0x1', calls: [{ to: ACCOUNT }] }]],
    ['wallet_sendCalls', [{ chainId: '0x7a69', calls: [{ value: '0x1' }] }]],
    ['wallet_getCallsStatus', [{}]],
  ])('%s %j → -32602', async (method, params) => {
    expect(await codeOf('eth', method, params)).toBe(-32602);
  });

  it.each<[string, unknown]>([
    ['requestAccounts', { purposes: ['everything'] }],
    ['switchNetwork', { network: 'moon' }],
    ['signMessage', { message: 42 }],
    ['signPsbt', { psbt: 'not a psbt' }],
    ['signPsbt', { psbt: 'cHNidP8BAAoCAAAAAAAAAAAAAAA=', signInputs: 'all' }],
    ['pushTx', { hex: '00'.repeat(60) }],
    ['pushPsbt', { psbt: '70736274ff00' }],
    ['sendTransfer', { recipients: [] }],
  ])('bitcoin %s %j → -32602', async (method, params) => {
    expect(await codeOf('btc', method, params)).toBe(-32602);
  });

  it('refusals with their own codes come from the parse step too (EIP-5792)', async () => {
    expect(await codeOf('eth', 'wallet_sendCalls', [{ chainId: '0x7a69', atomicRequired: true, calls: [{ to: ACCOUNT }] }])).toBe(5760);
    expect(await codeOf('eth', 'wallet_sendCalls', [{ chainId: '0x7a69', calls: [{ to: ACCOUNT }], capabilities: { paymasterService: {} } }])).toBe(5700);
  });

  it.each<['eth' | 'btc', string, unknown]>([
    ['eth', 'eth_chainId', ['ignored']],
    ['eth', 'eth_requestAccounts', undefined],
    ['eth', 'eth_getBalance', [ACCOUNT, 'latest']],
    ['eth', 'wallet_switchEthereumChain', [{ chainId: '0x1' }]],
    ['eth', 'wallet_addEthereumChain', [{ chainId: '0x7a6a', chainName: 'x', rpcUrls: ['http://127.0.0.1:8546'] }]],
    ['eth', 'personal_sign', ['0x68', ACCOUNT]],
    ['eth', 'eth_signTypedData_v4', [ACCOUNT, JSON.stringify(TYPED)]],
    ['eth', 'eth_sendTransaction', [{ from: ACCOUNT, to: ACCOUNT, value: '0x1', chainId: '0x7a69' }]],
    ['eth', 'wallet_sendCalls', [{ chainId: '0x7a69', calls: [{ to: ACCOUNT, value: '0x1' }] }]],
    ['btc', 'getAccounts', undefined],
    ['btc', 'signMessage', { message: 'hi' }],
    ['btc', 'switchNetwork', { network: 'signet' }],
  ])('%s %s with good params parses without touching anything but the current chain', async (chain, method, params) => {
    expect(await codeOf(chain, method, params)).toBe('parsed');
  });
});
