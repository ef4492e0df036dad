import { recoverPersonalSignature, recoverTypedSignature, SignTypedDataVersion } from '@metamask/eth-sig-util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, approvalWindow, warningsOf } from './helpers/approval';
import { buildViemDapp } from './helpers/fixtures-build';
import { expectScreen, unlock, launchWithWallet } from './helpers/flows';
import { startChainAndPages } from './helpers/servers';
import type { WalletBrowser } from './helpers/wallet-browser';
import { rpc } from './helpers/rpc';
import { anvilRpc } from './helpers/anvil-rpc';
import { MAIL } from '../../src/core/ethereum/test-vectors';

const JUNK = 'test test test test test test test test test test test junk';
const ACCOUNT0 = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const ACCOUNT1 = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';

declare global {
  interface Window {
    ethereum?: { request(a: { method: string; params?: unknown }): Promise<unknown> };
  }
}

describe('Ethereum dApps: EIP-1193/6963 against anvil', () => {
  let wb: WalletBrowser;
  let stopAll: () => Promise<void>;
  let base: string;
  let anvilUrl: string;
  let dapp: Page;

  beforeAll(async () => {
    await buildViemDapp();
    const { anvil, pages } = await startChainAndPages();
    base = pages.url;
    anvilUrl = anvil.url;
    stopAll = async () => {
      await pages.stop();
      await anvil.stop();
    };
    const { wb: launched, popup } = await launchWithWallet(JUNK);
    wb = launched;
    await popup.getByTestId('account-picker').click();
    await popup.getByTestId('add-account-button').click();
    await popup.getByTestId('account-picker').click();
    await popup.getByTestId('account-option-0').click();
    await popup.close();
    dapp = await wb.context.newPage();
    await dapp.goto(`${base}viem-dapp/dist/index.html`);
    await dapp.waitForFunction(() => document.body.dataset['ready'] === 'true');
  }, 120_000);

  afterAll(async () => {
    await wb?.close();
    await stopAll?.();
  });

  it('announces itself by EIP-6963 and sets window.ethereum', async () => {
    const providers = await dapp.evaluate(() => (window as unknown as { viemDapp: { providers(): { rdns: string; name: string }[] } }).viemDapp.providers());
    expect(providers).toContainEqual(expect.objectContaining({ rdns: 'dev.duowallet', name: 'DuoWallet' }));
    expect(await dapp.evaluate(() => typeof window.ethereum?.request)).toBe('function');
  });

  it('answers read methods before connect and refuses what it must', async () => {
    // The E2E build starts on Localhost 8545 (build.mjs --local).
    expect(await rpc(dapp, 'eth_chainId')).toEqual({ result: '0x7a69' });
    expect(await rpc(dapp, 'net_version')).toEqual({ result: '31337' });
    expect(await rpc(dapp, 'eth_accounts')).toEqual({ result: [] });
    expect((await rpc(dapp, 'personal_sign', ['0x68656c6c6f', ACCOUNT0])).error?.code).toBe(4100);
    expect((await rpc(dapp, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1 }])).error?.code).toBe(4100);
    expect((await rpc(dapp, 'eth_sign', [ACCOUNT0, '0x' + '11'.repeat(32)])).error?.code).toBe(-32601);
    expect((await rpc(dapp, 'no_such_method')).error?.code).toBe(-32601);
    // Outside the read-only allow-list: a page cannot push raw transactions or reach debug_*.
    expect((await rpc(dapp, 'eth_sendRawTransaction', ['0x02f86b827a6901'])).error?.code).toBe(-32601);
    expect((await rpc(dapp, 'debug_traceTransaction', ['0x' + '11'.repeat(32)])).error?.code).toBe(-32601);
    expect((await rpc(dapp, 'wallet_switchEthereumChain', [{ chainId: 12 }])).error?.code).toBe(-32602);
    expect((await rpc(dapp, 'wallet_switchEthereumChain', [{ chainId: '0x999999' }])).error?.code).toBe(4902);
  });

  it('connect: rejected → 4001, approved → the chosen account in lowercase', async () => {
    const rejected = dapp.evaluate(() => (window as unknown as { viemDapp: { errorOf(f: () => Promise<unknown>): Promise<unknown>; connect(): Promise<unknown> } }).viemDapp.errorOf(() => (window as unknown as { viemDapp: { connect(): Promise<unknown> } }).viemDapp.connect()));
    await answer(wb.context, 'connect', false);
    expect(await rejected).toMatchObject({ code: 4001 });

    const accounts = rpc(dapp, 'eth_requestAccounts');
    const page = await approvalWindow(wb.context, '[data-kind="connect"]');
    expect(await page.getByTestId('approval-origin').textContent()).toBe(new URL(base).origin);
    expect(await page.locator('[data-testid="security-tip"][data-tip="first_connect"]').count()).toBe(1);
    // A duplicate while the first is pending: -32002.
    expect((await rpc(dapp, 'eth_requestAccounts')).error?.code).toBe(-32002);
    await answer(wb.context, 'connect', true);
    expect(await accounts).toEqual({ result: [ACCOUNT0] });
    expect(await rpc(dapp, 'eth_accounts')).toEqual({ result: [ACCOUNT0] });
    const perms = (await rpc(dapp, 'wallet_getPermissions')).result as { parentCapability: string }[];
    expect(perms[0]?.parentCapability).toBe('eth_accounts');
  });

  it('switches chain after approval (rejection → 4001) and tells the page', async () => {
    const rejected = rpc(dapp, 'wallet_switchEthereumChain', [{ chainId: '0x1' }]);
    await answer(wb.context, 'switch_chain', false);
    expect((await rejected).error?.code).toBe(4001);
    const switched = rpc(dapp, 'wallet_switchEthereumChain', [{ chainId: '0x1' }]);
    await answer(wb.context, 'switch_chain', true);
    expect(await switched).toEqual({ result: null });
    expect(await rpc(dapp, 'eth_chainId')).toEqual({ result: '0x1' });
    // chainChanged reached the page's provider.
    await expect.poll(() => dapp.evaluate(() => (window.ethereum as unknown as { chainId: string | null }).chainId)).toBe('0x1');
    const back = rpc(dapp, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }]);
    await answer(wb.context, 'switch_chain', true);
    expect(await back).toEqual({ result: null });
    await expect.poll(() => dapp.evaluate(() => (window.ethereum as unknown as { chainId: string | null }).chainId)).toBe('0x7a69');
  });

  it('personal_sign shows the text and signs it (recovered by eth-sig-util)', async () => {
    const message = 'Sign in to the test dApp\nnonce: 42';
    const sig = dapp.evaluate(([a, m]) => (window as unknown as { viemDapp: { signMessage(a: string, m: string): Promise<string> } }).viemDapp.signMessage(a, m), [ACCOUNT0, message] as const);
    const win = await approvalWindow(wb.context, '[data-kind="personal_sign"]');
    expect(await win.getByTestId('sign-message-text').textContent()).toBe(message);
    await answer(wb.context, 'personal_sign', true);
    const signature = await sig;
    const hex = '0x' + Buffer.from(message, 'utf8').toString('hex');
    expect(recoverPersonalSignature({ data: hex, signature })).toBe(ACCOUNT0);
  });

  it('personal_sign of bytes that are not UTF-8 text shows them as hex, and signs exactly those bytes', async () => {
    const bytes = '0xff00fe8041';
    const sig = rpc(dapp, 'personal_sign', [bytes, ACCOUNT0]);
    const win = await approvalWindow(wb.context, '[data-kind="personal_sign"]');
    expect(await win.getByTestId('sign-message-hex').textContent()).toBe(bytes);
    expect(await win.getByTestId('sign-message-text').count()).toBe(0);
    await answer(wb.context, 'personal_sign', true);
    expect(recoverPersonalSignature({ data: bytes, signature: (await sig).result as string })).toBe(ACCOUNT0);
  });

  it('eth_signTypedData_v4 decodes fields and signs (recovered by eth-sig-util)', async () => {
    const sig = dapp.evaluate((a) => (window as unknown as { viemDapp: { signTypedData(a: string): Promise<string> } }).viemDapp.signTypedData(a), ACCOUNT0);
    const win = await approvalWindow(wb.context, '[data-kind="typed_data"]');
    expect(await win.getByTestId('typed-data-fields').textContent()).toContain('Hello, Bob!');
    // The domain the signature is bound to is shown too.
    const domain = win.getByTestId('typed-data-domain');
    for (const shown of ['Ether Mail', '31337', MAIL.domain.verifyingContract]) expect(await domain.textContent()).toContain(shown);
    await answer(wb.context, 'typed_data', true);
    const signature = await sig;
    const data = { ...MAIL, primaryType: 'Mail' as const, domain: { ...MAIL.domain, chainId: 31337 } };
    expect(recoverTypedSignature({ data, signature, version: SignTypedDataVersion.V4 })).toBe(ACCOUNT0);
  });

  it('eth_signTypedData_v3 signs the same EIP-712 digest (recovered by eth-sig-util as V3)', async () => {
    const data = { ...MAIL, primaryType: 'Mail' as const, domain: { ...MAIL.domain, chainId: 31337 } };
    const sig = rpc(dapp, 'eth_signTypedData_v3', [ACCOUNT0, JSON.stringify(data)]);
    const win = await approvalWindow(wb.context, '[data-kind="typed_data"]');
    expect(await win.getByTestId('typed-data-fields').textContent()).toContain('Hello, Bob!');
    await answer(wb.context, 'typed_data', true);
    const signature = (await sig).result as string;
    expect(recoverTypedSignature({ data, signature, version: SignTypedDataVersion.V3 })).toBe(ACCOUNT0);
  });

  it('typed data for another chain or with a malformed chainId is -32602, nothing signed', async () => {
    const typed = (chainId: unknown) => ({
      types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }], Msg: [{ name: 'x', type: 'uint256' }] },
      primaryType: 'Msg',
      domain: { chainId },
      message: { x: 1 },
    });
    expect((await rpc(dapp, 'eth_signTypedData_v4', [ACCOUNT0, JSON.stringify(typed(1))])).error?.code).toBe(-32602);
    expect((await rpc(dapp, 'eth_signTypedData_v4', [ACCOUNT0, JSON.stringify(typed('8453abc'))])).error?.code).toBe(-32602);
    // An account the site was not given: 4100.
    expect((await rpc(dapp, 'personal_sign', ['0x68', ACCOUNT1])).error?.code).toBe(4100);
  });

  it('eth_sendTransaction: shows the transfer, sends it, and anvil mines it from our account', async () => {
    const value = 10n ** 17n;
    const before = BigInt((await rpc(dapp, 'eth_getBalance', [ACCOUNT1, 'latest'])).result as string);
    const hash = dapp.evaluate(
      ([a, to, v]) => (window as unknown as { viemDapp: { sendTransaction(a: string, t: string, v: string): Promise<string> } }).viemDapp.sendTransaction(a, to, v),
      [ACCOUNT0, ACCOUNT1, value.toString()] as const,
    );
    const win = await approvalWindow(wb.context, '[data-kind="transaction"]');
    expect(await win.getByTestId('tx-value').textContent()).toContain('0.1');
    await answer(wb.context, 'transaction', true);
    const txHash = await hash;
    expect(txHash).toMatch(/^0x[0-9a-f]{64}$/);
    const receipt = (await rpc(dapp, 'eth_getTransactionReceipt', [txHash])).result as { status: string; from: string; to: string };
    // anvil has a base fee: an EIP-1559 (type 2) transaction.
    expect(receipt).toMatchObject({ status: '0x1', from: ACCOUNT0, to: ACCOUNT1, type: '0x2' });
    const after = BigInt((await rpc(dapp, 'eth_getBalance', [ACCOUNT1, 'latest'])).result as string);
    expect(after - before).toBe(value);
  });

  it('the approval window edits nonce, gas and fees, shows the total they make, and the mined transaction carries them', async () => {
    const hex = (n: bigint | number) => `0x${n.toString(16)}`;
    const nonce = Number((await anvilRpc<string>(anvilUrl, 'eth_getTransactionCount', [ACCOUNT0, 'pending'])));
    const value = 10n ** 15n;
    // The page asks for a nonce five ahead (it would wait forever); the user puts it right.
    const pending = rpc(dapp, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: hex(value), nonce: hex(nonce + 5) }]);
    const win = await approvalWindow(wb.context, '[data-kind="transaction"]');
    await win.locator('summary', { has: win.getByTestId('tx-total') }).click();
    expect(await win.getByTestId('tx-nonce-input').inputValue()).toBe(String(nonce + 5));
    await win.getByTestId('tx-nonce-input').fill(String(nonce));
    await win.getByTestId('tx-maxFee-input').fill('7');
    await win.getByTestId('tx-priority-input').fill('2');
    // Less gas than a transfer needs is refused on the spot, and there is no total.
    const badFee = win.getByTestId('form-error').filter({ hasText: 'at least 21000' });
    await win.getByTestId('tx-gas-input').fill('20999');
    await expect.poll(() => badFee.count()).toBe(1);
    expect(await win.getByTestId('tx-total').textContent()).toBe('—');
    await win.getByTestId('tx-gas-input').fill('30000');
    await expect.poll(() => badFee.count()).toBe(0);
    // value + gas × max fee = 0.001 + 30000 × 7 gwei
    expect(await win.getByTestId('tx-total').textContent()).toBe('0.00121 ETH');
    await answer(wb.context, 'transaction', true);
    const hash = (await pending).result as string;
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    const tx = await anvilRpc<Record<string, string>>(anvilUrl, 'eth_getTransactionByHash', [hash]);
    expect(tx).toMatchObject({ type: '0x2', nonce: hex(nonce), gas: hex(30000), maxFeePerGas: hex(7_000_000_000), maxPriorityFeePerGas: hex(2_000_000_000), value: hex(value) });
    expect(await anvilRpc(anvilUrl, 'eth_getTransactionReceipt', [hash])).toMatchObject({ status: '0x1' });
  });

  it('warns about an unlimited ERC-20 approval naming the spender', async () => {
    const spender = '0x' + 'ab'.repeat(20);
    const data = '0x095ea7b3' + spender.slice(2).padStart(64, '0') + 'f'.repeat(64);
    const pending = rpc(dapp, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, data }]);
    const win = await approvalWindow(wb.context, '[data-kind="transaction"]');
    const warnings = (await warningsOf(win)).join(' ').toLowerCase();
    expect(warnings).toContain(spender.toLowerCase());
    await answer(wb.context, 'transaction', false);
    expect((await pending).error?.code).toBe(4001);
  });

  it('refuses requests from a sandboxed iframe and attributes a cross-origin iframe to its own origin', async () => {
    const other = base.replace('localhost', '127.0.0.1');
    await dapp.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'x';
      f.src = src;
      document.body.append(f);
      const s = document.createElement('iframe');
      s.id = 'sandboxed';
      s.setAttribute('sandbox', 'allow-scripts');
      s.src = src;
      document.body.append(s);
    }, `${other}dapp/index.html`);
    await expect.poll(() => dapp.frames().filter((f) => f.url().startsWith(other)).length, { timeout: 15_000 }).toBe(2);
    const frames = dapp.frames().filter((f) => f.url().startsWith(other));
    for (const f of frames) await f.waitForFunction(() => typeof window.ethereum?.request === 'function');
    const results = await Promise.all(
      frames.map((f) =>
        f.evaluate(async () => {
          try {
            return { result: await window.ethereum!.request({ method: 'eth_accounts' }) };
          } catch (e) {
            return { error: (e as { code: number }).code };
          }
        }),
      ),
    );
    // The normal cross-origin frame is its own (unconnected) origin: []; the sandboxed one is refused.
    expect(results).toContainEqual({ result: [] });
    expect(results).toContainEqual({ error: 4100 });
  });

  it('restores a pending approval after the service worker is stopped', async () => {
    const sig = rpc(dapp, 'personal_sign', ['0x6869', ACCOUNT0]);
    const win = await approvalWindow(wb.context, '[data-kind="personal_sign"]');
    await wb.stopServiceWorker();
    await win.reload();
    await answer(wb.context, 'personal_sign', true);
    const { result } = await sig;
    expect(recoverPersonalSignature({ data: '0x6869', signature: result as string })).toBe(ACCOUNT0);
  });

  it('closing the approval window rejects with 4001', async () => {
    const pending = rpc(dapp, 'personal_sign', ['0x6869', ACCOUNT0]);
    const win = await approvalWindow(wb.context, '[data-kind="personal_sign"]');
    await win.close();
    expect((await pending).error?.code).toBe(4001);
  });

  it('disconnecting the site in the Connected sites screen emits accountsChanged([]) to its page', async () => {
    await dapp.evaluate(() => {
      (window as unknown as { seen: unknown[] }).seen = [];
      (window.ethereum as unknown as { on(e: string, f: (a: unknown) => void): void }).on('accountsChanged', (a) => (window as unknown as { seen: unknown[] }).seen.push(a));
    });
    const origin = new URL(base).origin;
    const popup = await wb.openPopup();
    await popup.getByTestId('connected-sites-button').click();
    const site = popup.locator(`[data-testid="connected-site"][data-origin="${origin}"]`);
    await site.getByTestId('disconnect-site-button').click();
    await expect.poll(() => site.count()).toBe(0);
    await expect.poll(() => dapp.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toContainEqual([]);
    expect(await rpc(dapp, 'eth_accounts')).toEqual({ result: [] });
    await popup.close();
  });

  it('accountsChanged reaches only the connected origin (connect, lock, unlock, revoke), chainChanged every page; wallet_requestPermissions connects a chosen account; wallet_revokePermissions disconnects', async () => {
    type Seen = { accounts: unknown[]; chains: unknown[] };
    const open = async (url: string) => {
      const p = await wb.context.newPage();
      await p.goto(url);
      await p.waitForFunction(() => typeof window.ethereum?.request === 'function');
      await p.evaluate(() => {
        const w = window as unknown as { seen: Seen; ethereum: { on(e: string, f: (a: unknown) => void): void } };
        w.seen = { accounts: [], chains: [] };
        w.ethereum.on('accountsChanged', (a) => w.seen.accounts.push(a));
        w.ethereum.on('chainChanged', (c) => w.seen.chains.push(c));
      });
      return p;
    };
    const seen = (p: Page) => p.evaluate(() => (window as unknown as { seen: Seen }).seen);
    const site = await open(`${base}dapp/index.html`);
    const stranger = await open(`${base.replace('localhost', '127.0.0.1')}dapp/index.html`);
    // The stranger talks to the wallet too, so the wallet could reach it: it is left out on purpose.
    expect(await rpc(stranger, 'eth_accounts')).toEqual({ result: [] });

    // wallet_requestPermissions, choosing the second account rather than the selected one.
    const granted = rpc(site, 'wallet_requestPermissions', [{ eth_accounts: {} }]);
    const win = await approvalWindow(wb.context, '[data-kind="connect"]');
    await win.getByTestId('connect-account-1').check();
    await win.getByTestId('connect-account-0').uncheck();
    await answer(wb.context, 'connect', true);
    expect((await granted).result).toMatchObject([{ parentCapability: 'eth_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: [ACCOUNT1] }] }]);
    expect(await rpc(site, 'eth_accounts')).toEqual({ result: [ACCOUNT1] });
    await expect.poll(async () => (await seen(site)).accounts).toEqual([[ACCOUNT1]]);

    // Lock and unlock: the connected site hears [] and then its account again.
    const popup = await wb.openPopup();
    await popup.getByTestId('lock-button').click();
    await expectScreen(popup, 'unlock-screen');
    await expect.poll(async () => (await seen(site)).accounts).toEqual([[ACCOUNT1], []]);
    await unlock(popup);
    await expectScreen(popup, 'home-screen');
    await popup.close();
    await expect.poll(async () => (await seen(site)).accounts).toEqual([[ACCOUNT1], [], [ACCOUNT1]]);

    // chainChanged goes to every page: eth_chainId is public, so each provider's chainId must follow.
    const away = rpc(site, 'wallet_switchEthereumChain', [{ chainId: '0x1' }]);
    await answer(wb.context, 'switch_chain', true);
    expect(await away).toEqual({ result: null });
    const back = rpc(site, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }]);
    await answer(wb.context, 'switch_chain', true);
    expect(await back).toEqual({ result: null });
    for (const p of [site, stranger]) await expect.poll(async () => (await seen(p)).chains).toEqual(['0x1', '0x7a69']);

    // The site disconnects itself.
    expect(await rpc(site, 'wallet_revokePermissions', [{ eth_accounts: {} }])).toEqual({ result: null });
    await expect.poll(async () => (await seen(site)).accounts).toEqual([[ACCOUNT1], [], [ACCOUNT1], []]);
    expect(await rpc(site, 'eth_accounts')).toEqual({ result: [] });
    expect(await rpc(site, 'wallet_getPermissions')).toEqual({ result: [] });
    expect((await rpc(site, 'personal_sign', ['0x68', ACCOUNT1])).error?.code).toBe(4100);

    // The stranger never heard a word about accounts.
    expect((await seen(stranger)).accounts).toEqual([]);
    await site.close();
    await stranger.close();
  });
});
