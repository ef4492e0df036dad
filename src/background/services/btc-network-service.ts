import * as v from 'valibot';
import { createEsploraClient, EsploraError, type EsploraClient } from '../../core/bitcoin-client';
import { BTC_NETWORK_LIST, btcNetworkInfo, type BtcNetworkInfo } from '../../shared/btc-networks';
import type { BtcNetworkName } from '../../shared/btc-protocol';
import { walletError } from '../../shared/errors';
import { BTC_NETWORKS } from '../../shared/messages';
import { isAllowedRpcUrl } from '../../shared/networks';
import type { SettingsService } from './settings-service';
import type { Store } from './store';

const OVERRIDES_KEY = 'btcEsploraOverrides';
const overridesSchema = v.record(v.picklist(BTC_NETWORKS), v.string());

export interface BtcNetworkView extends BtcNetworkInfo {
  /** The built-in URL, so the UI can offer "reset". */
  defaultEsploraUrl: string;
}

// One client per base URL for the worker's life: its per-block cache is what keeps a popup
// that refreshes every few seconds from sending a request storm.
const clients = new Map<string, EsploraClient>();

/** Bitcoin networks: the built-in list, the user's Esplora URLs, the selected network, clients. */
export class BtcNetworkService {
  constructor(
    private readonly local: Store,
    private readonly settings: SettingsService,
    private readonly makeClient: (baseUrl: string) => EsploraClient = (baseUrl) => createEsploraClient({ baseUrl }),
  ) {}

  async list(): Promise<BtcNetworkView[]> {
    const overrides = await this.overrides();
    return BTC_NETWORK_LIST.map((n) => ({ ...n, defaultEsploraUrl: n.esploraUrl, esploraUrl: overrides[n.id] ?? n.esploraUrl }));
  }

  async get(id: BtcNetworkName): Promise<BtcNetworkView> {
    const n = (await this.list()).find((x) => x.id === id);
    if (!n) throw walletError('invalid_params', `Unknown Bitcoin network ${id}`);
    return n;
  }

  async currentId(): Promise<BtcNetworkName> {
    return (await this.settings.get()).btcNetwork;
  }

  async client(id?: BtcNetworkName): Promise<{ network: BtcNetworkName; client: EsploraClient }> {
    const network = id ?? (await this.currentId());
    const { esploraUrl } = await this.get(network);
    let client = clients.get(esploraUrl);
    if (!client) {
      client = this.makeClient(esploraUrl);
      clients.set(esploraUrl, client);
    }
    return { network, client };
  }

  /**
   * Points a network at another Esplora server after checking that it serves that network
   * (its block 0 is the network's genesis block). The old URL stays until the check passes.
   */
  async setEsploraUrl(id: BtcNetworkName, url: string): Promise<BtcNetworkView> {
    const info = btcNetworkInfo(id);
    const trimmed = url.trim().replace(/\/+$/, '');
    if (!isAllowedRpcUrl(trimmed)) throw walletError('rpc_url_not_allowed', 'Use an https:// URL, or http:// only for this computer (localhost).');
    let genesis: string;
    try {
      genesis = await this.makeClient(trimmed).blockHashAt(0);
    } catch (e) {
      throw walletError('rpc_unavailable', e instanceof EsploraError ? e.message : 'The server did not answer.');
    }
    if (genesis !== info.genesisHash) throw walletError('rpc_wrong_chain', `This server is not on ${info.name}: its genesis block is ${genesis.slice(0, 16)}…`);
    const overrides = await this.overrides();
    const next = { ...overrides };
    if (trimmed === info.esploraUrl) delete next[id];
    else next[id] = trimmed;
    await this.local.set({ [OVERRIDES_KEY]: next });
    return this.get(id);
  }

  private async overrides(): Promise<Partial<Record<BtcNetworkName, string>>> {
    const r = v.safeParse(overridesSchema, (await this.local.get<unknown>(OVERRIDES_KEY)) ?? {});
    return r.success ? r.output : {};
  }
}
