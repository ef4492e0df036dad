import type { BtcNetworkEntry } from '../../../shared/btc-views';
import type { BtcNetworkView } from '../../services/btc-network-service';
import type { InternalHandler } from './types';

const entry = (n: BtcNetworkView): BtcNetworkEntry => ({ id: n.id, name: n.name, esploraUrl: n.esploraUrl, defaultEsploraUrl: n.defaultEsploraUrl, explorerUrl: n.explorerUrl ?? null });

export const btcNetworks: InternalHandler<'btc_networks'> = async (ctx) => {
  const { networks } = ctx.services.btc;
  return { networks: (await networks.list()).map(entry), current: await networks.currentId() };
};

/** A new Esplora URL is saved only after the server proved it serves that network. */
export const btcSetEsploraUrl: InternalHandler<'btc_setEsploraUrl'> = async (ctx, p) => ({ network: entry(await ctx.services.btc.networks.setEsploraUrl(p.network, p.url)) });
