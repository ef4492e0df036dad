// Public API of the HD keyring core (pure: no browser or Node-only APIs).
export {
  generateMnemonic,
  mnemonicToSeed,
  mnemonicToSeedAsync,
  MnemonicError,
  parseMnemonic,
  WORD_COUNTS,
  type MnemonicErrorCode,
  type ParsedMnemonic,
  type Wordlist,
} from './mnemonic';
export { entropyToMnemonic, mnemonicToEntropy } from './bip39-codec';
export { btcCoinType, btcNetwork, BTC_NETWORK_NAMES, isBtcNetworkName, type BtcNetworkName } from './networks';
export { HdKeyring, type AccountAddresses, type BtcPurpose } from './derive';
export { ethAddressFromPublicKey, toChecksumAddress } from './eth-address';
export { p2trAddress, p2wpkhAddress } from './btc-address';
