import { beforeAll, describe, expect, it } from 'vitest';
import { internalSchemas, validateParams, type InternalMethod } from '../shared/messages';
import type { HandlerContext, Services } from './context';
import { LOCKED_OK } from './handlers/internal';
import { routeInternal } from './router';
import { isInternalSender } from './sender';
import { AccountCache } from './services/account-cache';
import { ApprovalQueue } from './services/approval-queue';
import type { AutoLock } from './services/auto-lock';
import { BtcNetworkService } from './services/btc-network-service';
import { KeyringService } from './services/keyring-service';
import { NetworkService } from './services/network-service';
import { SettingsService } from './services/settings-service';
import { memoryStore } from './services/store';
import { VaultService } from './services/vault-service';
import { WalletService } from './services/wallet-service';

const PHRASE = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const CHANNEL = 'duowallet:internal';

/**
 * The real wallet, vault, keyring, settings, networks and approval queue over in-memory
 * storage. chrome.alarms does not exist in Node, so auto-lock is a recorder; every other
 * service throws if the router reaches it, so a refused message provably ran no handler.
 */
function wallet() {
  const local = memoryStore();
  const session = memoryStore();
  const settings = new SettingsService(local);
  const cache = new AccountCache(local);
  const vault = new VaultService(local, session);
  const keyring = new KeyringService(vault, cache);
  const touches: number[] = [];
  const autoLock = { arm: () => Promise.resolve(), disarm: () => Promise.resolve(), touch: (m: number) => Promise.resolve(void touches.push(m)) } as unknown as AutoLock;
  const services: Partial<Services> = {
    wallet: new WalletService(vault, keyring, cache, settings, { onUnlocked: () => Promise.resolve(), onLocked: () => Promise.resolve() }, () => Promise.resolve()),
    keyring,
    settings,
    autoLock,
    network: new NetworkService(local),
    approvals: new ApprovalQueue(session, { show: () => Promise.resolve(), closeIfEmpty: () => Promise.resolve() }),
    btc: { networks: new BtcNetworkService(local, settings) } as Services['btc'],
  };
  const ctx: HandlerContext = {
    services: new Proxy(services, {
      get(target, key: string) {
        if (key in target) return target[key as keyof Services];
        throw new Error(`the router reached services.${key}`);
      },
    }) as Services,
  };
  const send = (method: unknown, params: unknown = {}) => routeInternal(ctx, { channel: CHANNEL, method, params });
  return { ctx, send, touches, local };
}

describe('routeInternal: envelope and params', () => {
  const { ctx, send } = wallet();

  it.each<[string, unknown, string | undefined]>([
    ['not an object', 'wallet_getState', undefined],
    ['null', null, undefined],
    ['no channel', { method: 'wallet_getState', params: {} }, 'channel'],
    ["another extension's channel", { channel: 'metamask-provider', method: 'wallet_getState', params: {} }, 'channel'],
    ['method not a string', { channel: CHANNEL, method: 42, params: {} }, 'method'],
  ])('malformed message (%s) → -32602 naming the field', async (_name, message, field) => {
    const reply = await routeInternal(ctx, message);
    expect(reply).toMatchObject({ ok: false, error: { code: -32602, data: { reason: 'invalid_params' } } });
    if (!reply.ok && field) {
      expect(reply.error.data).toMatchObject({ field });
      expect(reply.error.message).toContain(field);
    }
  });

  it.each<[InternalMethod, unknown, string]>([
    ['wallet_unlock', { password: 5 }, 'password'],
    ['wallet_unlock', {}, 'password'],
    ['accounts_select', { index: -1 }, 'index'],
    ['accounts_rename', { index: 0, name: '' }, 'name'],
    ['settings_set', { autoLockMinutes: 0 }, 'autoLockMinutes'],
    ['approvals_resolve', { id: 'x', approve: true, fees: { gas: '21000', nonce: 1.5 } }, 'fees.nonce'],
    ['wallet_getState', { extra: true }, 'extra'],
  ])('%s %j → -32602 naming %s', async (method, params, field) => {
    const reply = await send(method, params);
    expect(reply).toMatchObject({ ok: false, error: { code: -32602, data: { reason: 'invalid_params', field } } });
    expect(!reply.ok && reply.error.message).toContain(field);
  });

  it.each(['no_such_method', '__proto__', 'toString', 'constructor', 'eth_requestAccounts', ''])('unknown method %j → -32601', async (method) => {
    expect(await send(method)).toMatchObject({ ok: false, error: { code: -32601, data: { reason: 'unknown_method' } } });
  });
});

describe('routeInternal: locked and unlocked', () => {
  const w = wallet();
  /** Every method whose params are all optional: it can be sent as {} to see what the lock does. */
  const paramless = (Object.keys(internalSchemas) as InternalMethod[]).filter((m) => validateParams(m, {}).ok);

  it('while locked (no wallet yet): the methods allowed while locked answer, every other one is "locked"', async () => {
    expect(paramless.length).toBeGreaterThan(10);
    for (const method of paramless) {
      const reply = await w.send(method);
      if (LOCKED_OK.has(method)) expect(reply, method).toMatchObject({ ok: true });
      else expect(reply, method).toMatchObject({ ok: false, error: { code: -32000, data: { reason: 'locked' } } });
    }
    // Params are still checked first: a malformed call is -32602, not "locked".
    expect(await w.send('accounts_select', { index: 'one' })).toMatchObject({ ok: false, error: { code: -32602 } });
    expect(await w.send('wallet_revealSeed', { password: 'whatever-long' })).toMatchObject({ ok: false, error: { data: { reason: 'locked' } } });
    expect(w.touches).toEqual([]);
    // The popup's first message: the state and settings, no accounts (there are none to show).
    expect(await w.send('popup_open')).toMatchObject({ ok: true, result: { state: { initialized: false, unlocked: false }, settings: { language: 'en' }, home: null } });
  });

  describe('after import (unlocked)', () => {
    beforeAll(async () => {
      expect(await w.send('wallet_import', { mnemonic: PHRASE, password: 'password1' })).toMatchObject({ ok: true, result: { unlocked: true } });
    }, 30_000);

    it('answers a method that needs the keyring and re-arms auto-lock', async () => {
      const reply = await w.send('accounts_list');
      expect(reply).toMatchObject({ ok: true, result: { accounts: [{ index: 0, eth: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94' }] } });
      expect(w.touches).toEqual([15]);
    });

    it('popup_open carries the home screen\'s accounts in the same answer as the state', async () => {
      const reply = await w.send('popup_open');
      expect(reply).toMatchObject({ ok: true, result: { state: { unlocked: true }, home: { selected: 0, accounts: [{ index: 0, eth: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94' }] } } });
    });

    it('after wallet_lock the same method is "locked" again', async () => {
      expect(await w.send('wallet_lock')).toMatchObject({ ok: true, result: { unlocked: false } });
      expect(await w.send('accounts_list')).toMatchObject({ ok: false, error: { data: { reason: 'locked' } } });
      // Locked: the popup still gets its state, and no addresses.
      expect(await w.send('popup_open')).toMatchObject({ ok: true, result: { state: { initialized: true, unlocked: false }, home: null } });
      expect(await w.send('wallet_unlock', { password: 'wrong password' })).toMatchObject({ ok: false, error: { data: { reason: 'wrong_password' } } });
      expect(await w.send('wallet_unlock', { password: 'password1' })).toMatchObject({ ok: true, result: { unlocked: true } });
      expect(await w.send('accounts_list')).toMatchObject({ ok: true });
    }, 30_000);
  });
});

describe('isInternalSender', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  it('accepts only our own pages', () => {
    expect(isInternalSender({ id, url: `${origin}popup.html#/approve/1` }, id, origin)).toBe(true);
    // A content script has our id but the web page's URL.
    expect(isInternalSender({ id, url: 'https://evil.example/' }, id, origin)).toBe(false);
    expect(isInternalSender({ id: 'another-extension', url: `${origin}popup.html` }, id, origin)).toBe(false);
    expect(isInternalSender({ id }, id, origin)).toBe(false);
  });
});
