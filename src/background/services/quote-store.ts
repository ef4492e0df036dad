import * as v from 'valibot';
import { walletError } from '../../shared/errors';
import { Mutex } from './mutex';
import type { Store } from './store';

/** What every stored review carries besides its own fields. */
export interface QuoteStamp {
  id: string;
  createdAt: number;
}

const expired = () => walletError('quote_expired', 'This review has expired or was already sent. Review the transaction again.');

/** A quote before it is stored (distributes over a union of quote kinds). */
export type Unstamped<T> = T extends QuoteStamp ? Omit<T, keyof QuoteStamp> : never;

/**
 * Reviewed-but-unsigned sends in storage.session (no secrets: only what was shown), so a review
 * survives the worker being stopped. Taking a quote removes it: one broadcast per review; an
 * expired or unknown id is refused, which sends the user back to review again.
 */
export class QuoteStore<T extends QuoteStamp> {
  private readonly lock = new Mutex();
  constructor(
    private readonly session: Store,
    private readonly key: string,
    private readonly schema: v.GenericSchema<unknown, T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async put(q: Unstamped<T>): Promise<T> {
    return this.lock.run(async () => {
      // Parsed on the way in: what is stored is what read() will accept back.
      const stored = v.parse(this.schema, { ...q, id: crypto.randomUUID(), createdAt: this.now() });
      const live = (await this.read()).filter((x) => this.live(x));
      await this.session.set({ [this.key]: [...live.slice(-19), stored] });
      return stored;
    });
  }

  /** Reads a live quote without using it up (to check the user's choices before the one take). */
  async peek(id: string): Promise<T> {
    const q = (await this.read()).find((x) => x.id === id);
    if (!q || !this.live(q)) throw expired();
    return q;
  }

  async take(id: string): Promise<T> {
    return this.lock.run(async () => {
      const list = await this.read();
      const q = list.find((x) => x.id === id);
      await this.session.set({ [this.key]: list.filter((x) => x.id !== id && this.live(x)) });
      if (!q || !this.live(q)) throw expired();
      return q;
    });
  }

  /** When a quote stored now stops being accepted (for the review screen). */
  expiresAt(q: QuoteStamp): number {
    return q.createdAt + this.ttlMs;
  }

  /** The quotes still accepted (for what open reviews hold, e.g. a change address). */
  protected async liveQuotes(): Promise<T[]> {
    return (await this.read()).filter((x) => this.live(x));
  }

  private live(q: QuoteStamp): boolean {
    return this.now() - q.createdAt < this.ttlMs;
  }

  private async read(): Promise<T[]> {
    const r = v.safeParse(v.array(this.schema), (await this.session.get<unknown>(this.key)) ?? []);
    return r.success ? r.output : [];
  }
}
