import { createLeatherProvider, type LeatherProvider } from './bitcoin-leather';
import { createSatsConnectProvider, type SatsConnectProvider } from './bitcoin-sats-connect';
import { createUnisatProvider, type UnisatProvider } from './bitcoin-unisat';
import type { EthereumProvider } from './ethereum-provider';
import { freeze } from './intrinsics';
import type { Transport } from './transport';

/** `window.duowallet`: this wallet's own global, present even when another wallet owns window.ethereum / window.unisat. */
export interface DuoWalletNamespace {
  readonly ethereum: EthereumProvider;
  /** UniSat-style object (also `window.unisat` when nobody else owns it). */
  readonly bitcoin: UnisatProvider;
  /** sats-connect / WBIP004 `request(method, params)`; its btc_providers id is 'duowallet.satsConnect'. */
  readonly satsConnect: SatsConnectProvider;
  /** Leather-style `request(method, params)` (rejects on error, as Leather does). */
  readonly leather: LeatherProvider;
}

export interface NamespaceParts {
  transport: Transport;
  ethereum: EthereumProvider;
}

/**
 * Builds the frozen `window.duowallet` object. The Bitcoin dialects are made here from
 * `parts.transport` (chain 'btc'); global aliases (`window.unisat`, `window.btc_providers`,
 * only when nobody owns them) belong in index.ts next to the window.ethereum rule.
 */
export function createNamespace(parts: NamespaceParts): Readonly<DuoWalletNamespace> {
  return freeze({
    ethereum: parts.ethereum,
    bitcoin: createUnisatProvider(parts.transport),
    satsConnect: createSatsConnectProvider(parts.transport),
    leather: createLeatherProvider(parts.transport),
  });
}
