import { getAddress } from 'ethers';
import { balanceOfData, decodeUint, ERC20_SELECTORS, judgeMetadata, MAX_TOKEN_DECIMALS, type TokenMetadata } from '../../core/ethereum/erc20-metadata';
import { walletError } from '../../shared/errors';
import type { TokenView } from '../../shared/messages';
import { rpcBatch } from './rpc-client';

/** Checksummed address, or the translated invalid_address error. */
export function tokenAddress(text: string): string {
  try {
    return getAddress(text.trim());
  } catch {
    throw walletError('invalid_address', 'That is not a valid contract address (or its checksum is wrong).');
  }
}

/**
 * What the contract itself says: code, symbol(), name(), decimals() and the owner's balance,
 * in one JSON-RPC batch. A revert is an error entry in the batch, never a throw.
 */
export async function readTokenMetadata(rpcUrl: string, address: string, owner: string): Promise<{ meta: TokenMetadata; balance: string | null }> {
  const call = (data: string) => ({ method: 'eth_call', params: [{ to: address, data }, 'latest'] });
  let r;
  try {
    r = await rpcBatch(rpcUrl, [
      { method: 'eth_getCode', params: [address, 'latest'] },
      call(ERC20_SELECTORS.symbol),
      call(ERC20_SELECTORS.name),
      call(ERC20_SELECTORS.decimals),
      call(balanceOfData(owner)),
    ]);
  } catch (err) {
    throw walletError('rpc_unavailable', (err as Error).message);
  }
  const ok = (i: number) => (r[i]?.ok ? r[i].result : undefined);
  const meta = judgeMetadata({ code: ok(0), symbol: ok(1), name: ok(2), decimals: ok(3) });
  const bal = decodeUint(ok(4));
  return { meta, balance: bal === null ? null : bal.toString() };
}

/** The token as the popup shows it, or the translated reason it is not one. */
export async function readToken(rpcUrl: string, address: string, owner: string): Promise<TokenView> {
  const { meta, balance } = await readTokenMetadata(rpcUrl, address, owner);
  if (!meta.ok) {
    if (meta.problem === 'no_code') throw walletError('token_no_code', 'There is no contract at this address on this network.');
    if (meta.problem === 'bad_decimals') {
      throw walletError('token_bad_decimals', `The contract reports ${String(meta.decimals)} decimals; a token can have at most ${MAX_TOKEN_DECIMALS}.`, { count: Number(meta.decimals ?? 0n) });
    }
    throw walletError('token_unreadable', 'This contract does not answer symbol() and decimals(): it is not an ERC-20 token.');
  }
  return { address, symbol: meta.symbol, name: meta.name, decimals: meta.decimals, balance };
}
