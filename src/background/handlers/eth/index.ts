import { ethChainId, netVersion } from './chain';
import { ethAccounts, ethRequestAccounts, walletGetPermissions, walletRequestPermissions, walletRevokePermissions } from './connect';
import { walletAddEthereumChain } from './add-chain';
import { walletGetCallsStatus, walletGetCapabilities, walletSendCalls } from './calls';
import { personalSign } from './personal-sign';
import { READ_ONLY_METHODS, forward } from './read-only';
import { ethSendTransaction } from './send-transaction';
import { signTypedData } from './sign-typed-data';
import { walletSwitchEthereumChain } from './switch-chain';
import { walletWatchAsset } from './watch-asset';
import type { ProviderMethod } from '../provider-method';

/** Every Ethereum method a page may call (DESIGN §5). Anything else is -32601. */
export const ethMethods: ReadonlyMap<string, ProviderMethod> = new Map<string, ProviderMethod>([
  ['eth_chainId', ethChainId],
  ['net_version', netVersion],
  ['eth_accounts', ethAccounts],
  ['eth_requestAccounts', ethRequestAccounts],
  ['wallet_requestPermissions', walletRequestPermissions],
  ['wallet_getPermissions', walletGetPermissions],
  ['wallet_revokePermissions', walletRevokePermissions],
  ['personal_sign', personalSign],
  ['eth_signTypedData_v4', signTypedData],
  ['eth_signTypedData_v3', signTypedData],
  ['eth_sendTransaction', ethSendTransaction],
  ['wallet_switchEthereumChain', walletSwitchEthereumChain],
  ['wallet_addEthereumChain', walletAddEthereumChain],
  ['wallet_watchAsset', walletWatchAsset],
  ['wallet_getCapabilities', walletGetCapabilities],
  ['wallet_sendCalls', walletSendCalls],
  ['wallet_getCallsStatus', walletGetCallsStatus],
  ...READ_ONLY_METHODS.map((m): [string, ProviderMethod] => [m, forward(m)]),
]);
