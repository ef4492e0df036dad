import { NodeRpcError, RPC, WalletError, type ErrorData } from '../../shared/errors';

/** How long a call may take, answer included, before it fails (a node that hangs must not hang the wallet). */
export const RPC_TIMEOUT_MS = 15_000;
let nextId = 1;

export interface RpcOptions {
  /** default RPC_TIMEOUT_MS */
  timeoutMs?: number;
}

/** -32603 (to a dApp, a transport failure is an internal error) naming the host only, with a reason the popup translates. */
const transport = (message: string, data: ErrorData = { reason: 'rpc_unavailable' }) => new WalletError(RPC.internal, message, data);

/** The endpoint answered with an HTTP error status. */
export class RpcHttpError extends WalletError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(RPC.internal, message, { reason: 'rpc_unavailable' });
  }
}

/** The endpoint does not take JSON-RPC batches (it answered one with a single object or an HTTP refusal). */
export class BatchRefusedError extends WalletError {}

/** POSTs a JSON-RPC body with a timeout; transport failures become -32603 naming the host only. */
async function postJson(url: string, payload: unknown, timeoutMs = RPC_TIMEOUT_MS): Promise<unknown> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: ctrl.signal,
      credentials: 'omit',
    });
    if (!res.ok) throw new RpcHttpError(res.status, `RPC ${hostOf(url)} answered HTTP ${res.status}`);
    return (await res.json()) as unknown;
  } catch (err) {
    if (err instanceof WalletError) throw err;
    if (ctrl.signal.aborted) throw transport(`RPC ${hostOf(url)} timed out after ${timeoutMs / 1000} s`, { reason: 'rpc_timeout', count: timeoutMs / 1000 });
    // A body that is not JSON arrives as a SyntaxError from res.json().
    throw transport(err instanceof SyntaxError ? `RPC ${hostOf(url)} answered garbage` : `RPC ${hostOf(url)} is unreachable`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Plain JSON-RPC over fetch with a timeout. Node errors keep their code and message
 * (a revert must reach the dApp as the node said it); transport failures become -32603.
 */
export async function rpcCall(url: string, method: string, params: unknown[] = [], opts: RpcOptions = {}): Promise<unknown> {
  const body = await postJson(url, { jsonrpc: '2.0', id: nextId++, method, params }, opts.timeoutMs);
  if (typeof body !== 'object' || body === null) throw transport(`RPC ${hostOf(url)} answered garbage`);
  const b = body as { result?: unknown; error?: { code?: unknown; message?: unknown; data?: unknown } };
  if (b.error) {
    const code = typeof b.error.code === 'number' ? b.error.code : -32603;
    const message = typeof b.error.message === 'string' ? b.error.message.slice(0, 500) : 'RPC error';
    throw new NodeRpcError(code, message, b.error.data);
  }
  if (!('result' in b)) throw transport(`RPC ${hostOf(url)} answered without a result`);
  return b.result;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'endpoint';
  }
}

export type BatchResult = { ok: true; result: unknown } | { ok: false; error: { code: number; message: string } };

// HTTP answers with which endpoints refuse a batch itself (not the calls in it).
const BATCH_REFUSAL_STATUS = new Set([400, 405, 413, 501]);

/**
 * Several calls in one HTTP round trip (a JSON-RPC batch): balances of many accounts and
 * tokens cost one request, not one per number. Throws BatchRefusedError when the endpoint
 * does not take batches, so the caller can ask one call at a time instead.
 */
export async function rpcBatch(url: string, calls: { method: string; params: unknown[] }[], options: RpcOptions = {}): Promise<BatchResult[]> {
  if (calls.length === 0) return [];
  const first = nextId;
  nextId += calls.length;
  let body: unknown;
  try {
    body = await postJson(
      url,
      calls.map((c, i) => ({ jsonrpc: '2.0', id: first + i, method: c.method, params: c.params })),
      options.timeoutMs,
    );
  } catch (err) {
    if (err instanceof RpcHttpError && BATCH_REFUSAL_STATUS.has(err.status)) throw new BatchRefusedError(RPC.internal, `RPC ${hostOf(url)} does not support batch requests (HTTP ${err.status})`, { reason: 'rpc_unavailable' });
    throw err;
  }
  if (!Array.isArray(body)) throw new BatchRefusedError(RPC.internal, `RPC ${hostOf(url)} does not support batch requests`, { reason: 'rpc_unavailable' });
  const byId = new Map<number, { result?: unknown; error?: { code?: unknown; message?: unknown } }>();
  for (const item of body as { id?: unknown }[]) if (item && typeof item.id === 'number') byId.set(item.id, item as never);
  return calls.map((_, i) => {
    const r = byId.get(first + i);
    if (!r) return { ok: false, error: { code: -32603, message: 'missing from batch answer' } };
    if (r.error) return { ok: false, error: { code: typeof r.error.code === 'number' ? r.error.code : -32603, message: typeof r.error.message === 'string' ? r.error.message : 'RPC error' } };
    return { ok: true, result: r.result };
  });
}
