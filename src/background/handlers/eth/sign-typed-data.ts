import * as v from 'valibot';
import { parseTypedData } from '../../../core/ethereum';
import { typedDataRisks } from '../../../core/risk';
import { RPC, WalletError } from '../../../shared/errors';
import { warningView } from '../../../shared/warnings';
import type { DisplayFieldView } from '../../../shared/approvals';
import { permittedAccountIndex } from './accounts';
import { signDigest } from './signing-key';
import { address, parseParams, type EthMethod } from './types';

const params = v.tuple([address, v.union([v.string(), v.record(v.string(), v.unknown())])]);

function domainFields(domain: Record<string, unknown>): DisplayFieldView[] {
  return Object.entries(domain).map(([k, val]) => ({ path: `domain.${k}`, label: k, type: '', value: String(val), depth: 0 }));
}

/** eth_signTypedData_v4 (and _v3): decoded by field, domain chainId must be the current chain. */
export const signTypedData: EthMethod = {
  access: 'connected',
  unlock: true,
  handle: async (ctx, raw) => {
    const [addr, data] = parseParams(params, raw, 'eth_signTypedData_v4');
    const index = await permittedAccountIndex(ctx, addr);
    const chainId = BigInt(await ctx.services.network.currentChainId());
    const parsed = parseTypedData(data, chainId);
    const decision = await ctx.services.approvals.request(
      ctx.key,
      ctx.origin,
      { kind: 'typed_data', address: addr, primaryType: parsed.primaryType, domain: domainFields(parsed.domain), fields: parsed.fields },
      typedDataRisks(parsed).map(warningView),
    );
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    return signDigest(ctx, index, parsed.hash);
  },
};
