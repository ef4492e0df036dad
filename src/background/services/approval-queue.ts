import type { Approval, ApprovalBody, ApprovalDecision, ApprovalKind, WarningView } from '../../shared/approvals';
import { WalletError } from '../../shared/errors';
import { Mutex } from './mutex';
import type { Store } from './store';

const KEY = 'approvals';
/** Pending approvals one origin may hold; more is a flood and gets -32002. */
export const MAX_PENDING_PER_ORIGIN = 5;
/** A decision nobody came back for (the tab closed while the worker was down) is dropped after this. */
const DECIDED_TTL_MS = 10 * 60_000;
const UNLOCK_CLOSE_DELAY_MS = 1500;

interface StoredApproval extends Approval {
  /** The content script's request id: a re-sent request (after a worker restart) finds its approval again. */
  key: string;
  decision?: ApprovalDecision;
  decidedAt?: number;
}

export interface ApprovalWindowLike {
  show(approvalId: string): Promise<void>;
  closeIfEmpty(): Promise<void>;
}

/**
 * Pending approvals, persisted in storage.session so a stopped worker restores them.
 * A decision made while nobody waits is kept for the re-sent request; closing the window
 * rejects everything pending — never approves.
 */
export class ApprovalQueue {
  private readonly waiters = new Map<string, (d: ApprovalDecision) => void>();
  /** Request keys that reached an approval during this worker's life (see takeAsked). */
  private readonly asked = new Set<string>();
  private readonly lock = new Mutex();

  constructor(
    private readonly session: Store,
    private readonly window: ApprovalWindowLike,
    private readonly now: () => number = Date.now,
  ) {}

  /** Pending (undecided) approvals, oldest first, as the popup shows them. */
  async pending(): Promise<Approval[]> {
    return (await this.read()).filter((a) => !a.decision).map(({ key: _k, decision: _d, decidedAt: _t, ...a }) => a);
  }

  async hasPending(origin: string, kind: ApprovalKind, exceptKey?: string): Promise<boolean> {
    return (await this.read()).some((a) => !a.decision && a.origin === origin && a.body.kind === kind && a.key !== exceptKey);
  }

  async countPending(origin: string): Promise<number> {
    return (await this.read()).filter((a) => !a.decision && a.origin === origin).length;
  }

  /** Asks the user; resolves with their decision. Same key again → the same approval. */
  async request(key: string, origin: string, body: ApprovalBody, warnings: WarningView[] = []): Promise<ApprovalDecision> {
    const entry = await this.lock.run(async () => {
      const list = await this.read();
      const found = list.find((a) => a.key === key);
      if (found?.decision) {
        await this.write(list.filter((a) => a !== found));
        return found;
      }
      if (found) return found;
      // Checked here, under the lock, where the entry is added: checks made before it (the
      // pipeline's, the connect handler's) all pass for a burst of concurrent requests.
      const mine = list.filter((a) => !a.decision && a.origin === origin);
      if (body.kind === 'connect' && mine.some((a) => a.body.kind === 'connect')) {
        throw new WalletError(-32002, `Request of type 'eth_requestAccounts' already pending for origin ${origin}. Please wait.`);
      }
      if (mine.length >= MAX_PENDING_PER_ORIGIN) throw new WalletError(-32002, 'Too many requests already pending for this site. Please wait.');
      const created: StoredApproval = { id: crypto.randomUUID(), key, origin, createdAt: this.now(), body, warnings };
      await this.write([...list, created]);
      return created;
    });
    this.asked.add(key);
    if (entry.decision) return entry.decision;
    const decided = new Promise<ApprovalDecision>((resolve) => this.waiters.set(entry.id, resolve));
    await this.window.show(entry.id);
    return decided;
  }

  /**
   * Whether the request `key` (or one of its parts, `key:…`) asked the user for anything since
   * it started; forgets the answer. The pipeline stores an answer for re-sent requests only then.
   */
  takeAsked(key: string): boolean {
    let found = false;
    for (const k of this.asked) {
      if (k === key || k.startsWith(`${key}:`)) {
        this.asked.delete(k);
        found = true;
      }
    }
    return found;
  }

  async resolve(id: string, decision: ApprovalDecision, closeWindow = true): Promise<boolean> {
    const known = await this.lock.run(async () => {
      const list = await this.read();
      const found = list.find((a) => a.id === id && !a.decision);
      if (!found) return false;
      const waiter = this.waiters.get(id);
      if (waiter) {
        await this.write(list.filter((a) => a !== found));
        this.waiters.delete(id);
        waiter(decision);
      } else {
        await this.write(list.map((a) => (a === found ? { ...a, decision, decidedAt: this.now() } : a)));
      }
      return true;
    });
    if (closeWindow) await this.window.closeIfEmpty();
    return known;
  }

  /**
   * Resolves every pending approval of one kind (all 'unlock' waits once unlocked). The
   * window stays: the request that waited usually asks for its own approval next.
   */
  async resolveKind(kind: ApprovalKind, decision: ApprovalDecision): Promise<void> {
    const ids = (await this.read()).filter((a) => !a.decision && a.body.kind === kind).map((a) => a.id);
    for (const id of ids) await this.resolve(id, decision, false);
    // If the request that waited needs no approval of its own, nothing else closes the window.
    if (ids.length) setTimeout(() => void this.window.closeIfEmpty(), UNLOCK_CLOSE_DELAY_MS);
  }

  /** The window was closed: every pending request is rejected. */
  async rejectAll(): Promise<void> {
    const ids = (await this.read()).filter((a) => !a.decision).map((a) => a.id);
    for (const id of ids) await this.resolve(id, { approve: false });
  }

  private async read(): Promise<StoredApproval[]> {
    const list = (await this.session.get<StoredApproval[]>(KEY)) ?? [];
    const cutoff = this.now() - DECIDED_TTL_MS;
    return Array.isArray(list) ? list.filter((a) => !a.decision || (a.decidedAt ?? 0) > cutoff) : [];
  }

  private async write(list: StoredApproval[]): Promise<void> {
    await this.session.set({ [KEY]: list });
  }
}
