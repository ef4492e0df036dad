// Bitcoin chain client: Esplora REST API over fetch (DESIGN.md §6).
export {
  createEsploraClient,
  type AddressBalance,
  type AddressStats,
  type EsploraClient,
  type EsploraClientOptions,
  type EsploraInput,
  type EsploraOutput,
  type EsploraTx,
  type EsploraUtxo,
  type Outspend,
  type TxoStats,
  type TxStatus,
} from './esplora-client';
export { EsploraError, type EsploraErrorKind } from './errors';
export { feeTiers, DEFAULT_MIN_FEE_RATE, type FeeTiers } from './fees';
export { txidOf } from './txid';
