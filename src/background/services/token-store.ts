import * as v from 'valibot';
import { defaultTokens } from '../../shared/default-tokens';
import type { Store } from './store';

const KEY = 'tokens';
const HIDDEN_KEY = 'tokensHidden';

export interface Token {
  address: string;
  symbol: string;
  decimals: number;
  image: string | null;
}

/** A token as the wallet lists it: `isDefault` for one of the network's default tokens. */
export interface ListedToken extends Token {
  isDefault: boolean;
}

const schema = v.record(v.string(), v.array(v.object({ address: v.string(), symbol: v.string(), decimals: v.number(), image: v.nullable(v.string()) })));
const hiddenSchema = v.record(v.string(), v.array(v.string()));

/**
 * ERC-20 tokens per chain: the network's default tokens (src/shared/default-tokens.ts) the user
 * has not hidden, then the ones the user added (or a dApp added with their consent).
 */
export class TokenStore {
  constructor(private readonly local: Store) {}

  async list(chainId: number): Promise<ListedToken[]> {
    const [added, hidden] = await Promise.all([this.added(chainId), this.hidden(chainId)]);
    const byAddress = new Map(added.map((t) => [t.address.toLowerCase(), t]));
    const defaults = defaultTokens(chainId)
      .filter((d) => !hidden.includes(d.address.toLowerCase()))
      // Added again by the user: the contract's own answer (read when added) wins over the list.
      .map((d) => ({ ...(byAddress.get(d.address.toLowerCase()) ?? { ...d, image: null }), isDefault: true }));
    const isDefault = new Set(defaultTokens(chainId).map((d) => d.address.toLowerCase()));
    return [...defaults, ...added.filter((t) => !isDefault.has(t.address.toLowerCase())).map((t) => ({ ...t, isDefault: false }))];
  }

  /** The listed token at this address (any letter case), if any. */
  async find(chainId: number, address: string): Promise<ListedToken | undefined> {
    const low = address.toLowerCase();
    return (await this.list(chainId)).find((t) => t.address.toLowerCase() === low);
  }

  /** Adds (or shows again, for a hidden default) a token. */
  async add(chainId: number, token: Token): Promise<void> {
    const all = await this.all();
    const list = (all[String(chainId)] ?? []).filter((t) => t.address.toLowerCase() !== token.address.toLowerCase());
    await this.local.set({ [KEY]: { ...all, [String(chainId)]: [...list, token] } });
    await this.setHidden(chainId, (hidden) => hidden.filter((a) => a !== token.address.toLowerCase()));
  }

  /** Removes an added token, hides a default one; true when the token was listed. */
  async remove(chainId: number, address: string): Promise<boolean> {
    const listed = (await this.list(chainId)).some((t) => t.address.toLowerCase() === address.toLowerCase());
    const all = await this.all();
    const list = all[String(chainId)] ?? [];
    const next = list.filter((t) => t.address.toLowerCase() !== address.toLowerCase());
    if (next.length !== list.length) await this.local.set({ [KEY]: { ...all, [String(chainId)]: next } });
    if (defaultTokens(chainId).some((d) => d.address.toLowerCase() === address.toLowerCase())) {
      await this.setHidden(chainId, (hidden) => [...hidden.filter((a) => a !== address.toLowerCase()), address.toLowerCase()]);
    }
    return listed;
  }

  private async added(chainId: number): Promise<Token[]> {
    return (await this.all())[String(chainId)] ?? [];
  }

  private async all(): Promise<Record<string, Token[]>> {
    const r = v.safeParse(schema, (await this.local.get<unknown>(KEY)) ?? {});
    return r.success ? r.output : {};
  }

  private async hidden(chainId: number): Promise<string[]> {
    return (await this.allHidden())[String(chainId)] ?? [];
  }

  private async allHidden(): Promise<Record<string, string[]>> {
    const r = v.safeParse(hiddenSchema, (await this.local.get<unknown>(HIDDEN_KEY)) ?? {});
    return r.success ? r.output : {};
  }

  private async setHidden(chainId: number, change: (hidden: string[]) => string[]): Promise<void> {
    const all = await this.allHidden();
    const before = all[String(chainId)] ?? [];
    const after = change(before);
    if (after.length === before.length && after.every((a, i) => a === before[i])) return;
    await this.local.set({ [HIDDEN_KEY]: { ...all, [String(chainId)]: after } });
  }
}
