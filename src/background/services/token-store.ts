import * as v from 'valibot';
import type { Store } from './store';

const KEY = 'tokens';

export interface Token {
  address: string;
  symbol: string;
  decimals: number;
  image: string | null;
}

const schema = v.record(v.string(), v.array(v.object({ address: v.string(), symbol: v.string(), decimals: v.number(), image: v.nullable(v.string()) })));

/** ERC-20 tokens the user added (or a dApp added with their consent), per chain. */
export class TokenStore {
  constructor(private readonly local: Store) {}

  async list(chainId: number): Promise<Token[]> {
    return (await this.all())[String(chainId)] ?? [];
  }

  async add(chainId: number, token: Token): Promise<void> {
    const all = await this.all();
    const list = (all[String(chainId)] ?? []).filter((t) => t.address.toLowerCase() !== token.address.toLowerCase());
    await this.local.set({ [KEY]: { ...all, [String(chainId)]: [...list, token] } });
  }

  /** true when the token was in the list */
  async remove(chainId: number, address: string): Promise<boolean> {
    const all = await this.all();
    const list = all[String(chainId)] ?? [];
    const next = list.filter((t) => t.address.toLowerCase() !== address.toLowerCase());
    if (next.length === list.length) return false;
    await this.local.set({ [KEY]: { ...all, [String(chainId)]: next } });
    return true;
  }

  private async all(): Promise<Record<string, Token[]>> {
    const r = v.safeParse(schema, (await this.local.get<unknown>(KEY)) ?? {});
    return r.success ? r.output : {};
  }
}
