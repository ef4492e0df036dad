import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { InvalidParamsError } from '../../core/ethereum';
import { RPC, WalletError, toSerializedError } from '../../shared/errors';
import type { PortResponse } from '../../shared/provider-protocol';
import type { ProviderContext, Services } from '../context';
import { btcMethods } from '../handlers/btc';
import { ethMethods } from '../handlers/eth';
import { MAX_PENDING_PER_ORIGIN } from '../services/approval-queue';
import type { Store } from '../services/store';
import { originFromSender } from './origin';
import { portRequestSchema, type ValidPortRequest } from './request-shape';

const RESULTS_KEY = 'providerResults';
const RESULT_TTL_MS = 5 * 60_000;
/** Methods whose answer must not be produced twice (a re-sent request gets the stored one). */
const ONCE: Record<'eth' | 'btc', ReadonlySet<string>> = {
  eth: new Set(['eth_sendTransaction', 'personal_sign', 'eth_signTypedData_v4', 'eth_signTypedData_v3', 'wallet_addEthereumChain', 'wallet_switchEthereumChain', 'wallet_watchAsset', 'eth_requestAccounts', 'wallet_requestPermissions', 'wallet_sendCalls']),
  btc: new Set(['requestAccounts', 'switchNetwork', 'signMessage', 'signPsbt', 'sendTransfer']),
};

interface StoredResult {
  at: number;
  res: PortResponse;
}

/**
 * dApp requests: shape → method → params → origin (from Chrome) → permission → unlocked →
 * handler (which asks for approval itself). Requests are idempotent per content-script id, so a
 * request re-sent after a worker restart never signs or sends twice.
 */
export class ProviderPipeline {
  private readonly inflight = new Map<string, Promise<PortResponse>>();

  constructor(
    private readonly services: Services,
    private readonly session: Store,
  ) {}

  /** null: not a request at all (dropped without an answer). */
  handle(sender: Runtime.MessageSender, raw: unknown): Promise<PortResponse> | null {
    const parsed = v.safeParse(portRequestSchema, raw);
    if (!parsed.success) return null;
    const req = parsed.output;
    const running = this.inflight.get(req.id);
    if (running) return running;
    const p = this.run(sender, req).finally(() => this.inflight.delete(req.id));
    this.inflight.set(req.id, p);
    return p;
  }

  private async run(sender: Runtime.MessageSender, req: ValidPortRequest): Promise<PortResponse> {
    const stored = await this.stored(req.id);
    if (stored) return stored;
    let res: PortResponse;
    try {
      res = { type: 'res', id: req.id, result: await this.dispatch(sender, req) };
    } catch (err) {
      const e = err instanceof InvalidParamsError ? { code: RPC.invalidParams, message: (err).message } : toSerializedError(err);
      res = { type: 'res', id: req.id, error: e };
    }
    // Stored only when the user was asked (every side effect of these methods needs an
    // approval): answers given without asking (flood, bad params, unauthorized…) are safe to
    // give afresh, and storing them let a flood grow storage.session without bound while
    // making each answer slower (every store rewrites the whole map).
    const asked = this.services.approvals.takeAsked(req.id);
    if (ONCE[req.chain].has(req.method) && asked) await this.store(req.id, res);
    return res;
  }

  private async dispatch(sender: Runtime.MessageSender, req: ValidPortRequest): Promise<unknown> {
    if (req.method === 'eth_sign') throw new WalletError(RPC.methodNotFound, 'eth_sign is not supported: it signs opaque hashes. Use personal_sign or eth_signTypedData_v4.');
    const method = (req.chain === 'btc' ? btcMethods : ethMethods).get(req.method);
    if (!method) throw new WalletError(RPC.methodNotFound, `The method "${req.method.slice(0, 64)}" does not exist / is not available.`);
    // Params first (DESIGN §1): a malformed request is -32602 at once, before it can open an
    // unlock window or an approval; the handler gets the parsed value.
    const handler = await method.prepare(req.params, { services: this.services });
    const origin = originFromSender(sender);

    const { wallet, keyring, approvals } = this.services;
    // Permissions are per chain: a site connected for Ethereum has asked nothing of Bitcoin.
    const permissions = req.chain === 'btc' ? this.services.btc.permissions : this.services.permissions;
    await wallet.ready();
    if (method.access === 'connected' && !(await permissions.get(origin))) {
      throw new WalletError(RPC.unauthorized, 'The requested account and/or method has not been authorized by the user.');
    }
    // Fast path; ApprovalQueue.request enforces the same limit atomically.
    if (method.unlock && (await approvals.countPending(origin)) >= MAX_PENDING_PER_ORIGIN) {
      throw new WalletError(-32002, 'Too many requests already pending for this site. Please wait.');
    }
    if (method.unlock && !keyring.unlocked) {
      const decision = await approvals.request(`${req.id}:unlock`, origin, { kind: 'unlock' });
      if (!decision.approve || !keyring.unlocked) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    }
    const ctx: ProviderContext = { services: this.services, origin, key: req.id };
    return handler(ctx);
  }

  private async stored(id: string): Promise<PortResponse | undefined> {
    const all = (await this.session.get<Record<string, StoredResult>>(RESULTS_KEY)) ?? {};
    return Object.prototype.hasOwnProperty.call(all, id) ? all[id]?.res : undefined;
  }

  private async store(id: string, res: PortResponse): Promise<void> {
    const all = (await this.session.get<Record<string, StoredResult>>(RESULTS_KEY)) ?? {};
    const cutoff = Date.now() - RESULT_TTL_MS;
    const kept = Object.fromEntries(Object.entries(all).filter(([, r]) => r.at > cutoff));
    await this.session.set({ [RESULTS_KEY]: { ...kept, [id]: { at: Date.now(), res } } });
  }
}
