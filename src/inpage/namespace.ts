import type { EthereumProvider } from './ethereum-provider';
import { freeze } from './intrinsics';
import type { Transport } from './transport';

/** `window.duowallet`: this wallet's own global, present even when another wallet owns window.ethereum. */
export interface DuoWalletNamespace {
  readonly ethereum: EthereumProvider;
  // readonly bitcoin: BitcoinProvider;  ← the Bitcoin providers are added here (see createNamespace)
}

export interface NamespaceParts {
  transport: Transport;
  ethereum: EthereumProvider;
}

/**
 * Builds the frozen `window.duowallet` object. EXTENSION POINT for the Bitcoin providers:
 * create them from `parts.transport` (chain 'btc') in `src/inpage/bitcoin-providers.ts` and add
 * them to the object below; global aliases (`window.unisat`, `window.btc_providers`, only when
 * nobody owns them) belong in index.ts next to the window.ethereum rule.
 */
export function createNamespace(parts: NamespaceParts): Readonly<DuoWalletNamespace> {
  return freeze({
    ethereum: parts.ethereum,
  });
}
