import * as v from 'valibot';
import { parseTypedData } from '../../../core/ethereum';
import { typedDataRisks } from '../../../core/risk';
import { RPC, WalletError } from '../../../shared/errors';
import { warningView } from '../../../shared/warnings';
import type { DisplayFieldView } from '../../../shared/approvals';
import { defineMethod, parseParams } from '../provider-method';
import { permittedAccountIndex } from './accounts';
import { signDigest } from './signing-key';
import { requireChain } from './current-chain';
import { address } from './types';

const params = v.tuple([address, v.union([v.string(), v.record(v.string(), v.unknown())])]);

function domainFields(domain: Record<string, unknown>): DisplayFieldView[] {
  return Object.entries(domain).map(([k, val]) => ({ path: `domain.${k}`, label: k, type: '', value: String(val), depth: 0 }));
}

/** eth_signTypedData_v4 (and _v3): decoded by field, domain chainId must be the current chain. */
export const signTypedData = defineMethod({
  access: 'connected',
  unlock: true,
  parse: async (raw, ctx) => {
    const [addr, data] = parseParams(params, raw, 'eth_signTypedData_v4');
    const chainId = await ctx.services.network.currentChainId();
    return { addr, chainId, typed: parseTypedData(data, BigInt(chainId)) };
  },
  handle: async (ctx, { addr, chainId, typed }) => {
    const index = await permittedAccountIndex(ctx, addr);
    // Checked against the chain of the moment it was parsed; the user may have switched since (while unlocking).
    if (typed.domain.chainId !== undefined) await requireChain(ctx, chainId);
    const decision = await ctx.services.approvals.request(
      ctx.key,
      ctx.origin,
      { kind: 'typed_data', address: addr, primaryType: typed.primaryType, domain: domainFields(typed.domain), fields: typed.fields },
      typedDataRisks(typed).map(warningView),
    );
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    return signDigest(ctx, index, typed.hash);
  },
});
