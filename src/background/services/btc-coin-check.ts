import { parseRawTx, scriptForKey, type RawTxView, type SendInput } from '../../core/bitcoin';
import { bytesEqual } from '../../core/bitcoin/encoding';
import { EsploraError, type EsploraClient } from '../../core/bitcoin-client';
import { walletError } from '../../shared/errors';

/**
 * What an Esplora server says about coins, checked against the raw transactions they come from
 * (whose hash must be their txid, so the server cannot fake them). A server that lies about a
 * coin's amount or script is caught before anything is built, signed or broadcast: a wrong
 * amount would put a wrong fee on the review (and for Taproot, a wrong amount in what is signed).
 */

const mismatch = (client: EsploraClient, detail: string) =>
  walletError('btc_server_mismatch', `The Bitcoin server ${client.host} ${detail}. Nothing was signed or sent. Check the server in Settings → Networks.`);

/** The transaction `txid` as its raw bytes say (the client caches checked answers). */
export async function checkedTx(client: EsploraClient, txid: string): Promise<RawTxView> {
  let hex: string | null;
  try {
    hex = await client.txHex(txid);
  } catch (e) {
    if (e instanceof EsploraError && e.kind === 'garbage') throw mismatch(client, `answered for transaction ${txid} with something else`);
    throw e;
  }
  if (hex === null) throw mismatch(client, `does not know transaction ${txid}, which it reported`);
  try {
    return parseRawTx(hex);
  } catch {
    throw mismatch(client, `answered for transaction ${txid} with something else`);
  }
}

/** The output `txid:vout` as its transaction says. */
export async function checkedOutput(client: EsploraClient, txid: string, vout: number): Promise<{ script: Uint8Array; value: bigint }> {
  const out = (await checkedTx(client, txid)).outputs[vout];
  if (!out) throw mismatch(client, `reported output ${txid}:${vout}, which its transaction does not have`);
  return out;
}

/** Each coin's amount and script, as the server reported them, must be what its transaction says. */
export async function checkCoins(client: EsploraClient, coins: readonly SendInput[]): Promise<void> {
  const outputs = await Promise.all(coins.map((c) => checkedOutput(client, c.txid, c.vout)));
  coins.forEach((c, i) => {
    const real = outputs[i]!;
    if (real.value !== c.value) throw mismatch(client, `reported coin ${c.txid}:${c.vout} as ${c.value} sats, but its transaction says ${real.value} sats`);
    if (!bytesEqual(real.script, scriptForKey(c.publicKey, c.scriptType))) throw mismatch(client, `reported coin ${c.txid}:${c.vout} as paid to ${c.address}, but its transaction pays another script`);
  });
}
