import type { BtcMethod } from '../../../shared/btc-protocol';
import type { ProviderMethod } from '../provider-method';
import { getBalance } from './balance';
import { getAccounts, requestAccounts } from './connect';
import { getNetwork, switchNetwork } from './network';
import { pushPsbt, pushTx } from './push';
import { sendTransfer } from './send-transfer';
import { signMessage } from './sign-message';
import { signPsbt } from './sign-psbt';

/** The one Bitcoin API behind every dApp dialect (src/shared/btc-protocol.ts). Anything else is -32601. */
export const btcMethods: ReadonlyMap<string, ProviderMethod> = new Map<BtcMethod, ProviderMethod>([
  ['getAccounts', getAccounts],
  ['requestAccounts', requestAccounts],
  ['getNetwork', getNetwork],
  ['switchNetwork', switchNetwork],
  ['getBalance', getBalance],
  ['signMessage', signMessage],
  ['signPsbt', signPsbt],
  ['pushTx', pushTx],
  ['pushPsbt', pushPsbt],
  ['sendTransfer', sendTransfer],
]);
