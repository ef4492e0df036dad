import { btcNetworkInfo } from '../../../shared/btc-networks';
import type { BtcBalanceView } from '../../../shared/btc-views';
import { btcError } from '../../services/btc-errors';
import type { BtcBalance } from '../../services/btc-wallet-service';
import type { InternalHandler } from './types';

const view = (b: BtcBalance): BtcBalanceView => ({ confirmed: b.confirmed.toString(), unconfirmed: b.unconfirmed.toString(), total: b.total.toString() });

/**
 * Bitcoin balance of the selected account on the selected network, asked only while the
 * popup shows it. A server that is down gives a balance of null and the reason, not an error:
 * the rest of the home screen still works.
 */
export const btcOverview: InternalHandler<'btc_overview'> = async (ctx) => {
  const { btc, settings } = ctx.services;
  const account = await settings.getSelectedAccount();
  const network = await btc.networks.currentId();
  const { esploraUrl } = await btc.networks.get(network);
  const base = { network, networkName: btcNetworkInfo(network).name, esploraUrl };
  try {
    const b = await btc.wallet.balance(account, network);
    return { ...base, balance: view(b.total), byType: { p2wpkh: view(b.byType.p2wpkh), p2tr: view(b.byType.p2tr) }, error: null };
  } catch (e) {
    const err = btcError(e);
    return { ...base, balance: null, byType: null, error: err instanceof Error ? err.message : 'The Bitcoin server did not answer.' };
  }
};

export const btcFeeRates: InternalHandler<'btc_feeRates'> = async (ctx) => {
  const { client } = await ctx.services.btc.networks.client();
  try {
    return await client.feeEstimates();
  } catch (e) {
    throw btcError(e);
  }
};
