import { getAddress } from 'ethers';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, approvalWindow, warningsOf } from './helpers/approval';
import { expectScreen, unlock, launchWithWallet } from './helpers/flows';
import { startChainAndPages } from './helpers/servers';
import type { WalletBrowser } from './helpers/wallet-browser';
import { rpc } from './helpers/rpc';
import { deployTestToken } from './helpers/erc20';
import { anvilRpc } from './helpers/anvil-rpc';

const JUNK = 'test test test test test test test test test test test junk';
const ACCOUNT0 = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const ACCOUNT1 = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';

describe('Ethereum dApps: locked wallet, chains, assets, batches, permits', () => {
  let wb: WalletBrowser;
  let stopAll: () => Promise<void>;
  let dapp: Page;

  beforeAll(async () => {
    const { anvil, pages, startAnvil } = await startChainAndPages();
    const second = await startAnvil({ port: 8546, chainId: 31338 });
    // A chain without a base fee (pre-London): the wallet must send legacy transactions there.
    const legacy = await startAnvil({ port: 8547, chainId: 31339, hardfork: 'berlin' });
    stopAll = async () => {
      await pages.stop();
      await anvil.stop();
      await second.stop();
      await legacy.stop();
    };
    const { wb: launched, popup } = await launchWithWallet(JUNK);
    wb = launched;
    await popup.getByTestId('network-picker').click();
    await popup.getByTestId('network-option-eth-31337').click();
    await popup.close();
    dapp = await wb.context.newPage();
    await dapp.goto(`${pages.url}dapp/index.html`);
    const connected = rpc(dapp, 'eth_requestAccounts');
    await answer(wb.context, 'connect', true);
    expect(await connected).toEqual({ result: [ACCOUNT0] });
  }, 120_000);

  afterAll(async () => {
    await wb?.close();
    await stopAll?.();
  });

  it('a locked wallet opens the unlock screen and the request continues after unlock', async () => {
    const popup = await wb.openPopup();
    await popup.getByTestId('lock-button').click();
    await expectScreen(popup, 'unlock-screen');
    await popup.close();
    expect(await rpc(dapp, 'eth_accounts')).toEqual({ result: [] });
    const pending = rpc(dapp, 'personal_sign', ['0x6869', ACCOUNT0]);
    const win = await approvalWindow(wb.context);
    await expectScreen(win, 'unlock-screen');
    await unlock(win);
    await answer(wb.context, 'personal_sign', true);
    expect((await pending).result).toMatch(/^0x[0-9a-f]{130}$/);
  });

  it('a locked wallet answers malformed params with -32602 at once, without opening any window', async () => {
    const popup = await wb.openPopup();
    await popup.getByTestId('lock-button').click();
    await expectScreen(popup, 'unlock-screen');
    const answers = await Promise.all([
      rpc(dapp, 'wallet_switchEthereumChain', [{ chainId: 12 }]),
      rpc(dapp, 'wallet_switchEthereumChain', [{ chainId: '0xzz' }]),
      rpc(dapp, 'wallet_addEthereumChain', [{ chainId: '0x7a6a', chainName: 'x', rpcUrls: 'http://127.0.0.1:8546' }]),
      rpc(dapp, 'wallet_addEthereumChain', [{ chainId: '0x7a6a', chainName: 'x', rpcUrls: ['http://rpc.example.org'] }]),
      rpc(dapp, 'personal_sign', ['0x68']),
      rpc(dapp, 'personal_sign', [42, ACCOUNT0]),
      rpc(dapp, 'eth_sendTransaction', [{ from: ACCOUNT0, value: '-1' }]),
      rpc(dapp, 'eth_signTypedData_v4', [ACCOUNT0, '{not json']),
    ]);
    expect(answers.map((a) => a.error?.code)).toEqual(answers.map(() => -32602));
    // Nothing waits for the user: no unlock window opened, no approval stored.
    expect(wb.context.pages().filter((p) => p.url().includes('approve'))).toEqual([]);
    expect(await popup.evaluate(async () => (await chrome.storage.session.get('approvals'))['approvals'] ?? [])).toEqual([]);
    await unlock(popup);
    await expectScreen(popup, 'home-screen');
    await popup.close();
  });

  it('a locked wallet whose unlock window is closed answers 4001', async () => {
    const popup = await wb.openPopup();
    await popup.getByTestId('lock-button').click();
    await expectScreen(popup, 'unlock-screen');
    await popup.close();
    const pending = rpc(dapp, 'personal_sign', ['0x6869', ACCOUNT0]);
    const win = await approvalWindow(wb.context);
    await expectScreen(win, 'unlock-screen');
    await win.close();
    expect((await pending).error?.code).toBe(4001);
    const again = await wb.openPopup();
    await unlock(again);
    await expectScreen(again, 'home-screen');
    await again.close();
  });

  it('wallet_addEthereumChain: checks the RPC chain id, refuses plain http off this machine, then adds and switches', async () => {
    const add = (chainId: string, url: string) =>
      rpc(dapp, 'wallet_addEthereumChain', [{ chainId, chainName: 'Second anvil', rpcUrls: [url], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } }]);
    expect((await add('0x7a6b', 'http://127.0.0.1:8546')).error).toMatchObject({ code: -32602, message: expect.stringMatching(/answers chain/) as unknown });
    expect((await add('0x7a6a', 'http://rpc.example.org:8546')).error?.code).toBe(-32602);
    const added = add('0x7a6a', 'http://127.0.0.1:8546');
    await approvalWindow(wb.context, '[data-kind="add_chain"]');
    await answer(wb.context, 'add_chain', true);
    expect(await added).toEqual({ result: null });
    expect(await rpc(dapp, 'eth_chainId')).toEqual({ result: '0x7a6a' });
    const back = rpc(dapp, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }]);
    await answer(wb.context, 'switch_chain', true);
    expect(await back).toEqual({ result: null });
  });

  it('a chain without a base fee (anvil --hardfork berlin, added as a custom network) gets a legacy transaction: gas price shown, receipt type 0x0', async () => {
    const added = rpc(dapp, 'wallet_addEthereumChain', [{ chainId: '0x7a6b', chainName: 'Berlin anvil', rpcUrls: ['http://127.0.0.1:8547'], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } }]);
    await answer(wb.context, 'add_chain', true);
    expect(await added).toEqual({ result: null });
    expect(await rpc(dapp, 'eth_chainId')).toEqual({ result: '0x7a6b' });
    const value = 10n ** 16n;
    const sent = rpc(dapp, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: `0x${value.toString(16)}` }]);
    const win = await approvalWindow(wb.context, '[data-kind="transaction"]');
    // The fee form is the legacy one: a gas price, no EIP-1559 fields.
    expect(await win.getByTestId('tx-gasPrice-input').count()).toBe(1);
    expect(await win.getByTestId('tx-maxFee-input').count()).toBe(0);
    await answer(wb.context, 'transaction', true);
    const hash = (await sent).result as string;
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    // Read from the berlin node itself, not through the wallet.
    const receipt = await anvilRpc<{ status: string; type: string; from: string }>('http://127.0.0.1:8547', 'eth_getTransactionReceipt', [hash]);
    expect(receipt).toMatchObject({ status: '0x1', type: '0x0', from: ACCOUNT0 });
    const tx = await anvilRpc<{ gasPrice: string; value: string; maxFeePerGas?: string }>('http://127.0.0.1:8547', 'eth_getTransactionByHash', [hash]);
    expect(BigInt(tx.value)).toBe(value);
    expect(BigInt(tx.gasPrice)).toBeGreaterThan(0n);
    expect(tx.maxFeePerGas).toBeUndefined();
    const back = rpc(dapp, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }]);
    await answer(wb.context, 'switch_chain', true);
    expect(await back).toEqual({ result: null });
  });

  it('wallet_watchAsset asks and answers true', async () => {
    // A real ERC-20 (compiled from test/fixtures/contracts): the wallet checks the page's claims against the contract.
    const address = await deployTestToken('http://127.0.0.1:8545', { name: 'Test Token', symbol: 'TST', decimals: 18, supply: 10n ** 21n, holder: ACCOUNT1 });
    const watched = rpc(dapp, 'wallet_watchAsset', { type: 'ERC20', options: { address, symbol: 'TST', decimals: 18 } });
    await answer(wb.context, 'watch_asset', true);
    expect(await watched).toEqual({ result: true });
    expect((await rpc(dapp, 'wallet_watchAsset', { type: 'ERC721', options: {} })).error?.code).toBe(-32602);
  });

  it('a token call shows its amount in the token\'s units: from the token list, else from the contract; an infinite allowance as unlimited', async () => {
    const word = (hex: string) => hex.replace(/^0x/, '').toLowerCase().padStart(64, '0');
    let warnings: string[] = [];
    const amountShown = async (to: string, data: string) => {
      const pending = rpc(dapp, 'eth_sendTransaction', [{ from: ACCOUNT0, to, data }]);
      const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="transaction"]');
      const text = await win.getByTestId('tx-call-amount').textContent();
      warnings = await warningsOf(win);
      await answer(wb.context, 'transaction', false);
      expect((await pending).error?.code).toBe(4001);
      return text;
    };
    // Listed: the user watched it as "Six" (the contract says "SIX"; the case may differ), and the
    // list's spelling shows, so the list was read before the contract.
    const listed = await deployTestToken('http://127.0.0.1:8545', { name: 'Six', symbol: 'SIX', decimals: 6, supply: 10n ** 12n, holder: ACCOUNT0 });
    const watched = rpc(dapp, 'wallet_watchAsset', { type: 'ERC20', options: { address: listed, symbol: 'Six', decimals: 6 } });
    await answer(wb.context, 'watch_asset', true);
    expect(await watched).toEqual({ result: true });
    expect(await amountShown(listed, `0xa9059cbb${word(ACCOUNT1)}${word((12_500_000).toString(16))}`)).toBe('12.5 Six');
    // Not listed: read from the contract (symbol(), decimals()).
    const other = await deployTestToken('http://127.0.0.1:8545', { name: 'Eight', symbol: 'EGT', decimals: 8, supply: 10n ** 12n, holder: ACCOUNT0 });
    expect(await amountShown(other, `0x095ea7b3${word(ACCOUNT1)}${word((150_000_000).toString(16))}`)).toBe('1.5 EGT');
    expect(await amountShown(other, `0x095ea7b3${word(ACCOUNT1)}${'f'.repeat(64)}`)).toBe('Unlimited');
    // The risk warning names the token too, by symbol and address.
    expect(warnings.join(' ')).toContain(`an unlimited amount of token EGT (${getAddress(other)})`);
  });

  it('EIP-5792: capabilities say no atomic batch; sendCalls sends each call after approval; status is confirmed', async () => {
    const caps = (await rpc(dapp, 'wallet_getCapabilities', [ACCOUNT0, ['0x7a69']])).result;
    expect(caps).toEqual({ '0x7a69': { atomic: { status: 'unsupported' } } });
    expect((await rpc(dapp, 'wallet_sendCalls', [{ version: '2.0.0', chainId: '0x7a69', from: ACCOUNT0, atomicRequired: true, calls: [{ to: ACCOUNT1, value: '0x1' }] }])).error?.code).toBe(5760);
    const sent = rpc(dapp, 'wallet_sendCalls', [{ version: '2.0.0', chainId: '0x7a69', from: ACCOUNT0, atomicRequired: false, calls: [{ to: ACCOUNT1, value: '0x1' }, { to: ACCOUNT1, value: '0x2' }] }]);
    await answer(wb.context, 'transaction', true);
    await answer(wb.context, 'transaction', true);
    const { id } = (await sent).result as { id: string };
    const status = (await rpc(dapp, 'wallet_getCallsStatus', [id])).result as { status: number; receipts: unknown[] };
    expect(status.status).toBe(200);
    expect(status.receipts).toHaveLength(2);
  });

  it('an EIP-2612 Permit gets a danger warning naming the spender and the amount', async () => {
    const spender = '0x1111111254EEB25477B68fb85Ed929f73A960582';
    const permit = {
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'version', type: 'string' },
          { name: 'chainId', type: 'uint256' },
          { name: 'verifyingContract', type: 'address' },
        ],
        Permit: [
          { name: 'owner', type: 'address' },
          { name: 'spender', type: 'address' },
          { name: 'value', type: 'uint256' },
          { name: 'nonce', type: 'uint256' },
          { name: 'deadline', type: 'uint256' },
        ],
      },
      primaryType: 'Permit',
      domain: { name: 'USD Coin', version: '2', chainId: '0x7a69', verifyingContract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' },
      message: { owner: ACCOUNT0, spender, value: (2n ** 256n - 1n).toString(), nonce: 0, deadline: 4102444800 },
    };
    const pending = rpc(dapp, 'eth_signTypedData_v4', [ACCOUNT0, JSON.stringify(permit)]);
    const win = await approvalWindow(wb.context, '[data-kind="typed_data"]');
    const text = (await warningsOf(win)).join(' ');
    expect(text).toContain(spender);
    expect(text.toLowerCase()).toContain('unlimited');
    expect(await win.locator('[data-testid="approval-warning"][data-severity="danger"]').count()).toBeGreaterThan(0);
    await answer(wb.context, 'typed_data', false);
    expect((await pending).error?.code).toBe(4001);
  });
});
