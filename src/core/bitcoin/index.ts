// Public API of the Bitcoin core (pure: no browser, Node-only or network APIs).
export type { AddressType, KeyPath, OutpointKey, OwnScriptType, Recipient, Utxo } from './types';
export { MAX_MONEY, outpointKey } from './types';
export { InsufficientFundsError, InvalidSendError, PsbtRequestError } from './errors';
export {
  AddressError,
  addressFromScript,
  opReturnScript,
  outputScript,
  scriptLengthOf,
  scriptType,
  validateBtcAddress,
  type AddressErrorCode,
  type AddressValidation,
} from './address';
export {
  assertFeeRate,
  dustLimit,
  feeFor,
  feeForWeight,
  feeRateOf,
  FeeRateError,
  INPUT_WEIGHT,
  MAX_FEE_RATE,
  MIN_FEE_RATE,
  OUTPUT_BYTES,
  outputBytes,
  overheadWeight,
  txVsize,
  txWeight,
  weightToVsize,
  type TxShape,
} from './fees';
export {
  selectCoins,
  sendMax,
  type Selection,
  type SelectCoinsParams,
  type SendMaxParams,
  type SendMaxResult,
} from './coin-select';
export { scriptForKey } from './own-script';
export { tapTweak, taggedHash, toXOnly, tweakPrivateKey, tweakPublicKey } from './taproot';
export {
  buildSendPsbt,
  derivationPath,
  finalizeAndExtract,
  NO_RBF_SEQUENCE,
  RBF_SEQUENCE,
  signPsbtInputs,
  type BuildSendParams,
  type ChangeOutput,
  type ExtractedTx,
  type InputSigner,
  type SendInput,
  type SignOptions,
} from './build-send';
export { decodePsbtBytes, MAX_PSBT_BYTES, parsePsbt } from './psbt-parse';
export {
  analyzeParsedPsbt,
  analyzePsbt,
  HIGH_FEE_ABSOLUTE,
  HIGH_FEE_RATE_DEFAULT,
  highFeeWarning,
  type AnalyzeOptions,
  type OwnScriptInfo,
  type PsbtAnalysis,
  type PsbtInputInfo,
  type PsbtOutputInfo,
  type PsbtWarning,
  type ToSignInput,
  type WarningKind,
} from './psbt-analyze';
export {
  bitcoinMessageHash,
  signMessageEcdsa,
  verifyMessageEcdsa,
  type EcdsaMessageOptions,
  type MessageAddressType,
} from './message';
export { bip322MessageHash, bip322ToSign, bip322ToSpend, signMessageBip322Simple, type Bip322Options } from './bip322';
export { minimumReplacementRate, planReplacement, type ReplacePlan, type ReplaceParams } from './replace';
export { encodeBip21, parseBip21, type Bip21 } from './bip21';
export { parseRawTx, type RawTxView } from './raw-tx';
