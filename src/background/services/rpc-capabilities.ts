import type { Store } from './store';

const KEY = 'rpcCapabilities';
/** What was learned is asked again after this long: a local chain may get Multicall3, an endpoint may start taking batches. */
const RECHECK_MS = 60 * 60 * 1000;

interface Learned {
  /** chain id → when an eth_call to Multicall3's address showed no contract there */
  multicallAbsent: Record<string, number>;
  /** RPC URL → when it refused a JSON-RPC batch */
  batchRefused: Record<string, number>;
}

/**
 * What the wallet learned about chains and endpoints while reading balances, kept in
 * storage.session (the worker is stopped when idle; the browser session is long enough).
 */
export class RpcCapabilities {
  constructor(
    private readonly session: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async multicallAbsent(chainId: number): Promise<boolean> {
    return this.fresh((await this.read()).multicallAbsent[String(chainId)]);
  }

  async markMulticallAbsent(chainId: number): Promise<void> {
    const l = await this.read();
    await this.session.set({ [KEY]: { ...l, multicallAbsent: { ...l.multicallAbsent, [String(chainId)]: this.now() } } });
  }

  async batchRefused(rpcUrl: string): Promise<boolean> {
    return this.fresh((await this.read()).batchRefused[rpcUrl]);
  }

  async markBatchRefused(rpcUrl: string): Promise<void> {
    const l = await this.read();
    await this.session.set({ [KEY]: { ...l, batchRefused: { ...l.batchRefused, [rpcUrl]: this.now() } } });
  }

  private fresh(at: number | undefined): boolean {
    return typeof at === 'number' && this.now() - at < RECHECK_MS;
  }

  private async read(): Promise<Learned> {
    const l = await this.session.get<Partial<Learned>>(KEY);
    return { multicallAbsent: l?.multicallAbsent ?? {}, batchRefused: l?.batchRefused ?? {} };
  }
}
