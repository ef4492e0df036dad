import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ethAddressOf, internal, JUNK, startAdversarialWallet } from './helpers/adversarial';
import { answer, approvalWindow, warningsOf } from './helpers/approval';
import { rpc } from './helpers/rpc';
import type { WalletBrowser } from './helpers/wallet-browser';

// Adversarial suite, part 3 (issue 7, cases 14 and 17): what a drainer asks to sign, and a
// poisoned look-alike recipient. Permit (EIP-2612), unlimited approve, eth_sign and typed-data
// chain checks are covered in dapp-eth(-more).e2e.ts; these add Permit2 and setApprovalForAll.

const ACCOUNT0 = ethAddressOf(JUNK, 0).toLowerCase();
const ACCOUNT1 = ethAddressOf(JUNK, 1); // checksummed, as the wallet lists its own addresses
const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const SPENDER = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';
const OPERATOR = '0x1E0049783F008A0085193E00003D00cd54003c71';

function permitSingle(amount: string) {
  return {
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      PermitDetails: [
        { name: 'token', type: 'address' },
        { name: 'amount', type: 'uint160' },
        { name: 'expiration', type: 'uint48' },
        { name: 'nonce', type: 'uint48' },
      ],
      PermitSingle: [
        { name: 'details', type: 'PermitDetails' },
        { name: 'spender', type: 'address' },
        { name: 'sigDeadline', type: 'uint256' },
      ],
    },
    primaryType: 'PermitSingle',
    domain: { name: 'Permit2', chainId: 31337, verifyingContract: PERMIT2 },
    message: { details: { token: USDC, amount, expiration: 4102444800, nonce: 0 }, spender: SPENDER, sigDeadline: 4102444800 },
  };
}

const word = (hex: string) => hex.replace(/^0x/, '').toLowerCase().padStart(64, '0');

describe('adversarial: signing requests that drain or deceive', () => {
  let wb: WalletBrowser;
  let stopAll: () => Promise<void>;
  let dapp: Page;
  let q: Page;

  beforeAll(async () => {
    const env = await startAdversarialWallet();
    ({ wb, q } = env);
    stopAll = env.stopServers;
    // Account 1 exists in the wallet (case 17 imitates it); account 0 stays selected.
    expect(await internal(q, 'accounts_add')).toMatchObject({ ok: true });
    expect(await internal(q, 'accounts_select', { index: 0 })).toMatchObject({ ok: true });
    dapp = await wb.context.newPage();
    await dapp.goto(`${env.base}dapp/index.html`);
    const connected = rpc(dapp, 'eth_requestAccounts');
    await answer(wb.context, 'connect', true);
    expect(await connected).toEqual({ result: [ACCOUNT0] });
  }, 120_000);

  afterAll(async () => {
    await wb?.close();
    await stopAll?.();
  });

  const nonce = async () => (await rpc(dapp, 'eth_getTransactionCount', [ACCOUNT0, 'latest'])).result as string;

  /** Sends the request, reads the warnings of its approval, rejects it and checks the 4001. */
  async function warningsFor(method: string, params: unknown, kind: string): Promise<{ text: string; kinds: string[]; severities: string[] }> {
    const pending = rpc(dapp, method, params);
    const win = await approvalWindow(wb.context, `[data-testid="approval-kind"][data-kind="${kind}"]`);
    const text = (await warningsOf(win)).join('\n');
    const kinds = await win.getByTestId('approval-warning').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
    const severities = await win.getByTestId('approval-warning').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity') ?? ''));
    await answer(wb.context, kind, false);
    const res = await pending;
    expect(res.error?.code).toBe(4001); // rejected: nothing signed, nothing sent
    expect(res.result).toBeUndefined();
    return { text, kinds, severities };
  }

  it('[A14] Permit2 PermitSingle (a set amount and the maximum) and setApprovalForAll(operator, true) each get an approval-warning naming the spender/operator and the amount; rejected, nothing signed or sent', async ({ annotate }) => {
    const before = await nonce();

    const limited = await warningsFor('eth_signTypedData_v4', [ACCOUNT0, JSON.stringify(permitSingle('123456789'))], 'typed_data');
    expect(limited.kinds).toContain('permit2');
    expect(limited.text.toLowerCase()).toContain(SPENDER.toLowerCase());
    expect(limited.text).toContain('123456789 raw units');
    expect(limited.text.toLowerCase()).toContain(USDC.toLowerCase());

    const max = await warningsFor('eth_signTypedData_v4', [ACCOUNT0, JSON.stringify(permitSingle((2n ** 160n - 1n).toString()))], 'typed_data');
    expect(max.kinds).toContain('permit2');
    expect(max.text.toLowerCase()).toContain(SPENDER.toLowerCase());
    expect(max.text).toContain('an unlimited amount');
    expect(max.severities[max.kinds.indexOf('permit2')]).toBe('danger');

    const collection = '0x' + 'c0'.repeat(20);
    const data = '0xa22cb465' + word(OPERATOR) + word('0x1');
    const nft = await warningsFor('eth_sendTransaction', [{ from: ACCOUNT0, to: collection, data }], 'transaction');
    expect(nft.kinds).toContain('set_approval_for_all');
    expect(nft.text.toLowerCase()).toContain(OPERATOR.toLowerCase());
    expect(nft.text).toMatch(/all your NFTs/);
    expect(nft.text.toLowerCase()).toContain(collection);
    expect(nft.severities[nft.kinds.indexOf('set_approval_for_all')]).toBe('danger');

    // Revoking (approved = false) is not a risk.
    const revoke = await warningsFor('eth_sendTransaction', [{ from: ACCOUNT0, to: collection, data: '0xa22cb465' + word(OPERATOR) + word('0x0') }], 'transaction');
    expect(revoke.kinds).not.toContain('set_approval_for_all');

    expect(await nonce()).toBe(before);
    await annotate(`Permit2 limited: ${limited.text.split('\n').find((l) => l.includes('Permit2'))}`);
  });

  it('[A17] a recipient sharing the first and last 4 hex characters with one of my addresses (account 1) or a recent recipient, but different, gets a look-alike warning on the transaction approval', async ({ annotate }) => {
    const body = ACCOUNT1.slice(2).toLowerCase();
    const lookalike = `0x${body.slice(0, 4)}${'ab'.repeat(16)}${body.slice(-4)}`;
    expect(lookalike.toLowerCase()).not.toBe(ACCOUNT1.toLowerCase());
    const own = await warningsFor('eth_sendTransaction', [{ from: ACCOUNT0, to: lookalike, value: '0x1' }], 'transaction');
    expect(own.kinds).toContain('lookalike_address');
    expect(own.severities[own.kinds.indexOf('lookalike_address')]).toBe('danger');
    expect(own.text).toContain(ACCOUNT1); // names the address it imitates
    expect(own.text.toLowerCase()).toContain(lookalike);

    // Control: the real account 1 is not flagged.
    const real = await warningsFor('eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1.toLowerCase(), value: '0x1' }], 'transaction');
    expect(real.kinds).not.toContain('lookalike_address');

    // A recent recipient: the user sends from the wallet itself (only the wallet's own sends
    // make an address known; a dApp's recipient never does), then a dApp asks for a look-alike.
    const recipient = '0x5a5a' + '17'.repeat(16) + 'c0de';
    const dappSent = rpc(dapp, 'eth_sendTransaction', [{ from: ACCOUNT0, to: '0x5a5a' + '33'.repeat(16) + 'beef', value: '0x2' }]);
    await answer(wb.context, 'transaction', true);
    expect((await dappSent).result).toMatch(/^0x[0-9a-f]{64}$/);
    const quote = await internal(q, 'send_quote', { asset: 'eth', to: recipient, amount: '0.001' });
    const quoteId = quote.ok ? (quote.result as { quoteId: string }).quoteId : '';
    const sent = await internal(q, 'send_confirm', { quoteId, speed: 'normal' });
    expect(sent).toMatchObject({ ok: true, result: { hash: expect.stringMatching(/^0x[0-9a-f]{64}$/) as unknown } });
    // …and a look-alike of the dApp's earlier recipient is not "known" (no warning from that).
    const notKnown = await warningsFor('eth_sendTransaction', [{ from: ACCOUNT0, to: '0x5a5a' + '44'.repeat(16) + 'beef', value: '0x1' }], 'transaction');
    expect(notKnown.kinds).not.toContain('lookalike_address');
    const poisoned = '0x5a5a' + '99'.repeat(16) + 'c0de';
    const recent = await warningsFor('eth_sendTransaction', [{ from: ACCOUNT0, to: poisoned, value: '0x1' }], 'transaction');
    expect(recent.kinds).toContain('lookalike_address');
    expect(recent.text.toLowerCase()).toContain(recipient);
    await annotate(`own-address look-alike ${lookalike} → warned naming ${ACCOUNT1}; recent-recipient look-alike ${poisoned} → warned naming ${recipient}`);
  });
});
