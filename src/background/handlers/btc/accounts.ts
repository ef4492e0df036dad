import { bytesToHex, hexToBytes } from '../../../core/bitcoin/encoding';
import { toXOnly } from '../../../core/bitcoin/taproot';
import { btcCoinType } from '../../../core/keyring';
import type { BtcAddressInfo, BtcNetworkName } from '../../../shared/btc-protocol';
import { RPC, WalletError } from '../../../shared/errors';
import type { HandlerContext, ProviderContext } from '../../context';
import type { BookAddress } from '../../services/btc-address-book';

/** The two addresses a connected site sees: the account's first receive address of each type. */
export function addressInfos(book: readonly BookAddress[], network: BtcNetworkName, account: number): BtcAddressInfo[] {
  const coin = btcCoinType(network);
  const out: BtcAddressInfo[] = [];
  for (const type of ['p2wpkh', 'p2tr'] as const) {
    const a = book.find((x) => x.type === type && x.change === 0 && x.index === 0);
    if (!a) continue;
    out.push({
      address: a.address,
      publicKey: a.publicKey,
      ...(type === 'p2tr' ? { xOnlyPublicKey: bytesToHex(toXOnly(hexToBytes(a.publicKey))) } : {}),
      purpose: type === 'p2wpkh' ? 'payment' : 'ordinals',
      addressType: type,
      derivationPath: `m/${type === 'p2wpkh' ? 84 : 86}'/${coin}'/${account}'/0/0`,
    });
  }
  return out;
}

/** The account this origin was granted for Bitcoin, or null (not connected, or locked). */
export async function permittedBtcAccount(ctx: Pick<HandlerContext, 'services'>, origin: string): Promise<number | null> {
  const { btc, keyring } = ctx.services;
  if (!keyring.unlocked) return null;
  const perm = await btc.permissions.get(origin);
  const account = perm?.accounts.find((i) => keyring.hasAccount(i));
  return account ?? null;
}

/** The addresses a connected origin sees ([] when not connected or locked). */
export async function connectedInfos(ctx: Pick<HandlerContext, 'services'>, origin: string): Promise<BtcAddressInfo[]> {
  const account = await permittedBtcAccount(ctx, origin);
  if (account === null) return [];
  const network = await ctx.services.btc.networks.currentId();
  return addressInfos(await ctx.services.btc.book.ensureGap(network, account), network, account);
}

/** The granted account, or 4100. */
export async function requireBtcAccount(ctx: ProviderContext): Promise<number> {
  const account = await permittedBtcAccount(ctx, ctx.origin);
  if (account === null) throw new WalletError(RPC.unauthorized, 'The requested account and/or method has not been authorized by the user.');
  return account;
}

/** One of the connected account's receive addresses, or 4100 for anything else. */
export async function ownAddress(ctx: ProviderContext, account: number, address: string | undefined): Promise<BookAddress> {
  const network = await ctx.services.btc.networks.currentId();
  const book = await ctx.services.btc.book.ensureGap(network, account);
  const receive = book.filter((a) => a.change === 0 && a.index === 0);
  const found = address === undefined ? receive.find((a) => a.type === 'p2wpkh') : receive.find((a) => a.address === address);
  if (!found) throw new WalletError(RPC.unauthorized, `The address ${String(address).slice(0, 100)} is not one this site was given.`);
  return found;
}
