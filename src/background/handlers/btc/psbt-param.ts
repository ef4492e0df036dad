import type { Psbt } from 'bitcoinjs-lib';
import { parsePsbt } from '../../../core/bitcoin';
import type { BtcNetworkName } from '../../../shared/btc-protocol';
import type { HandlerContext } from '../../context';
import { withBtcErrors } from '../../services/btc-errors';
import { invalidParams } from '../provider-method';

export interface PsbtParam {
  psbt: Psbt;
  /** The Bitcoin network it was decoded for (addresses read from it depend on it). */
  network: BtcNetworkName;
}

/** Decodes a page's PSBT for the current network: a malformed one is -32602 before anything else. */
export async function decodePsbtParam(ctx: HandlerContext, text: string): Promise<PsbtParam> {
  const network = await ctx.services.btc.networks.currentId();
  return { psbt: await withBtcErrors(() => Promise.resolve(parsePsbt(text, network))), network };
}

/** The network may have changed while the request waited for the unlock window. */
export async function requireBtcNetwork(ctx: HandlerContext, network: BtcNetworkName): Promise<void> {
  const current = await ctx.services.btc.networks.currentId();
  if (current !== network) throw invalidParams(`The wallet switched from ${network} to ${current} while this request waited; send it again.`);
}
