import * as v from 'valibot';
import { walletError } from '../../shared/errors';
import { BUILT_IN_NETWORKS, DEFAULT_CHAIN_ID, type EthNetwork } from '../../shared/networks';
import { rpcCall } from './rpc-client';
import type { Store } from './store';

const CUSTOM_KEY = 'ethNetworksCustom';
const OVERRIDES_KEY = 'ethRpcOverrides';
const CURRENT_KEY = 'ethChainId';

const customSchema = v.array(
  v.object({
    chainId: v.pipe(v.number(), v.integer(), v.minValue(1)),
    name: v.string(),
    rpcUrl: v.string(),
    explorerUrl: v.optional(v.string()),
    nativeSymbol: v.string(),
    nativeDecimals: v.number(),
    builtIn: v.literal(false),
  }),
);

/** EVM networks: the built-in list, the user's custom ones, the current chain, RPC calls. */
export class NetworkService {
  constructor(private readonly local: Store) {}

  async list(): Promise<EthNetwork[]> {
    const [custom, overrides] = await Promise.all([this.custom(), this.local.get<Record<string, string>>(OVERRIDES_KEY)]);
    const builtIn = BUILT_IN_NETWORKS.map((n) => {
      const url = overrides?.[String(n.chainId)];
      return typeof url === 'string' ? { ...n, rpcUrl: url } : { ...n };
    });
    return [...builtIn, ...custom.filter((c) => !builtIn.some((b) => b.chainId === c.chainId))];
  }

  async get(chainId: number): Promise<EthNetwork | undefined> {
    return (await this.list()).find((n) => n.chainId === chainId);
  }

  async currentChainId(): Promise<number> {
    const id = await this.local.get<unknown>(CURRENT_KEY);
    return typeof id === 'number' && Number.isInteger(id) ? id : DEFAULT_CHAIN_ID;
  }

  async current(): Promise<EthNetwork> {
    const id = await this.currentChainId();
    return (await this.get(id)) ?? (await this.get(DEFAULT_CHAIN_ID))!;
  }

  async select(chainId: number): Promise<EthNetwork> {
    const n = await this.get(chainId);
    if (!n) throw walletError('invalid_params', `Unknown chain ${chainId}`);
    await this.local.set({ [CURRENT_KEY]: chainId });
    return n;
  }

  async addCustom(n: Omit<EthNetwork, 'builtIn'>): Promise<EthNetwork> {
    const net: EthNetwork = { ...n, builtIn: false };
    const custom = (await this.custom()).filter((c) => c.chainId !== n.chainId);
    await this.local.set({ [CUSTOM_KEY]: [...custom, net] });
    return net;
  }

  /** Points a network (built-in or custom) at another RPC / explorer; the caller has checked the chain id. */
  async update(chainId: number, rpcUrl: string, explorerUrl?: string): Promise<EthNetwork> {
    const net = await this.get(chainId);
    if (!net) throw walletError('invalid_params', `Unknown chain ${chainId}`);
    if (net.builtIn) {
      const overrides = (await this.local.get<Record<string, string>>(OVERRIDES_KEY)) ?? {};
      await this.local.set({ [OVERRIDES_KEY]: { ...overrides, [String(chainId)]: rpcUrl } });
    } else {
      await this.addCustom({ ...net, rpcUrl, ...(explorerUrl ? { explorerUrl } : {}) });
    }
    return (await this.get(chainId))!;
  }

  /** Custom networks only; the current one falls back to the default network. */
  async remove(chainId: number): Promise<void> {
    const custom = await this.custom();
    if (!custom.some((c) => c.chainId === chainId)) throw walletError('invalid_params', 'Only networks you added can be removed.');
    await this.local.set({ [CUSTOM_KEY]: custom.filter((c) => c.chainId !== chainId) });
    if ((await this.currentChainId()) === chainId) await this.local.remove([CURRENT_KEY]);
  }

  async rpc(method: string, params: unknown[] = [], chainId?: number): Promise<unknown> {
    const net = chainId === undefined ? await this.current() : await this.get(chainId);
    if (!net) throw walletError('invalid_params', `Unknown chain ${chainId}`);
    return rpcCall(net.rpcUrl, method, params);
  }

  private async custom(): Promise<EthNetwork[]> {
    const r = v.safeParse(customSchema, (await this.local.get<unknown>(CUSTOM_KEY)) ?? []);
    return r.success ? r.output : [];
  }
}
