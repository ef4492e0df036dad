import type { CDPSession, Page } from 'playwright-core';
import type { WalletBrowser } from './wallet-browser';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface Pending {
  resolve(result: unknown): void;
  reject(err: Error): void;
}

/**
 * CDP on the extension's service worker. Playwright's CDPSession cannot address a child
 * session by id, so this attaches to the worker target from a quiet extension page
 * (manifest.json: it sends no message that would keep the worker busy) with
 * `Target.attachToTarget({ flatten: false })` and speaks the worker protocol through
 * `Target.sendMessageToTarget` / `Target.receivedMessageFromTarget`.
 */
export class WorkerCdp {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();

  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== this.sessionId) return;
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown> };
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`worker CDP: ${msg.error.message}`));
        else p.resolve(msg.result);
      } else if (msg.method) {
        for (const fn of this.listeners.get(msg.method) ?? []) fn(msg.params ?? {});
      }
    });
  }

  /** Attaches to the running worker of `wb` (waking it first if it was stopped). */
  static async attach(wb: WalletBrowser): Promise<WorkerCdp> {
    const page = await wb.context.newPage();
    await page.goto(`chrome-extension://${wb.extensionId}/manifest.json`);
    const cdp = await wb.context.newCDPSession(page);
    const url = `chrome-extension://${wb.extensionId}/background.js`;
    let target: TargetInfo | undefined;
    for (let i = 0; i < 50 && !target; i++) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      target = targetInfos.find((t) => t.type === 'service_worker' && t.url === url);
      if (!target) {
        // A stopped worker has no target: wake it with a harmless internal message.
        await page.evaluate(() => chrome.runtime.sendMessage({ channel: 'duowallet:internal', method: 'wallet_getState', params: {} })).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (!target) throw new Error('service worker target not found');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    return new WorkerCdp(page, cdp, sessionId);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (r) => resolve(r as T), reject });
      this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: Error) => {
        this.pending.delete(id);
        reject(e);
      });
    });
  }

  on(method: string, fn: (params: Record<string, unknown>) => void): () => void {
    const list = this.listeners.get(method) ?? [];
    list.push(fn);
    this.listeners.set(method, list);
    return () => this.listeners.set(method, (this.listeners.get(method) ?? []).filter((f) => f !== fn));
  }

  /** JS heap of the worker after a full GC (Runtime.getHeapUsage), in bytes. */
  async heapUsage(): Promise<{ usedSize: number; totalSize: number }> {
    await this.send('HeapProfiler.enable');
    await this.send('HeapProfiler.collectGarbage');
    return this.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
  }

  /** A full heap snapshot (V8 takes it after a GC) as the raw JSON text. */
  async heapSnapshot(): Promise<string> {
    await this.send('HeapProfiler.enable');
    await this.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    const off = this.on('HeapProfiler.addHeapSnapshotChunk', (p) => chunks.push(p['chunk'] as string));
    try {
      await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    } finally {
      off();
    }
    return chunks.join('');
  }

  /** Runs `expression` in the worker (positive controls only; the wallet code never sees it). */
  async evaluate<T = unknown>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: unknown }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`worker evaluate failed: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value as T;
  }

  async detach(): Promise<void> {
    await this.cdp.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => undefined);
    await this.cdp.detach().catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}

/** The strings of a heap snapshot (its "strings" table: every string V8 had on the heap). */
export function snapshotStrings(snapshot: string): string[] {
  const parsed = JSON.parse(snapshot) as { strings: string[] };
  return parsed.strings;
}
