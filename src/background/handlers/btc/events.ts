import type { HandlerContext } from '../../context';
import { connectedInfos } from './accounts';

/** After the Bitcoin network changed: every connected site gets networkChanged and its new addresses. */
export async function notifyBtcNetworkChanged(ctx: Pick<HandlerContext, 'services'>): Promise<void> {
  const { btc, events } = ctx.services;
  const network = await btc.networks.currentId();
  const origins = new Set(Object.keys(await btc.permissions.all()));
  if (origins.size === 0) return;
  await events.emit('btc', 'networkChanged', () => network, origins);
  await events.emit('btc', 'accountsChanged', (origin) => connectedInfos(ctx, origin), origins);
}
