import * as v from 'valibot';
import type { BtcNetworkName } from '../../shared/btc-protocol';
import type { Store } from './store';

const KEY = (network: BtcNetworkName) => `btcFrozen:${network}`;
const OUTPOINT = /^[0-9a-f]{64}:\d{1,6}$/;

/** Coins (`txid:vout`) the user froze: coin selection never spends them (DESIGN §6). */
export class BtcFrozenStore {
  constructor(private readonly local: Store) {}

  async get(network: BtcNetworkName): Promise<Set<string>> {
    const r = v.safeParse(v.array(v.pipe(v.string(), v.regex(OUTPOINT))), (await this.local.get<unknown>(KEY(network))) ?? []);
    return new Set(r.success ? r.output : []);
  }

  async set(network: BtcNetworkName, outpoint: string, frozen: boolean): Promise<string[]> {
    const key = outpoint.toLowerCase();
    if (!OUTPOINT.test(key)) throw new RangeError('bad outpoint');
    const current = await this.get(network);
    if (frozen) current.add(key);
    else current.delete(key);
    const list = [...current].sort();
    await this.local.set({ [KEY(network)]: list });
    return list;
  }
}
