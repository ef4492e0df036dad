// Decoding PSBTs that arrive from dApps (hex or base64). Every failure
// becomes a PsbtRequestError whose message can be shown to the user.
import { Psbt, Transaction } from 'bitcoinjs-lib';
import { btcNetwork, type BtcNetworkName } from '../keyring/networks';
import { ensureEcc } from './ecc';
import { base64Decode, bytesEqual, hexToBytes } from './encoding';
import { PsbtRequestError } from './errors';

/** Generous for any real dApp PSBT, small enough that parsing cannot stall the worker. */
export const MAX_PSBT_BYTES = 1_000_000;

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const MAGIC_HEX = '70736274ff';

export function decodePsbtBytes(text: string): Uint8Array {
  if (typeof text !== 'string') throw new PsbtRequestError('PSBT must be a hex or base64 string');
  const s = text.trim();
  if (s.length === 0) throw new PsbtRequestError('PSBT is empty');
  if (s.length > MAX_PSBT_BYTES * 2) throw new PsbtRequestError('PSBT is too large');
  if (HEX.test(s) && s.slice(0, 10).toLowerCase() === MAGIC_HEX) return hexToBytes(s);
  try {
    return base64Decode(s, 'PSBT base64');
  } catch {
    throw new PsbtRequestError('Malformed PSBT: neither hex nor base64');
  }
}

/**
 * Parses a PSBT (BIP174/BIP371 rules as enforced by bitcoinjs) and checks
 * that every non-witness UTXO really is the transaction its input spends,
 * since that is what makes its amounts trustworthy.
 */
export function parsePsbt(text: string, network: BtcNetworkName): Psbt {
  ensureEcc();
  const bytes = decodePsbtBytes(text);
  let psbt: Psbt;
  try {
    psbt = Psbt.fromBuffer(bytes, { network: btcNetwork(network) });
  } catch (e) {
    throw new PsbtRequestError(`Malformed PSBT: ${e instanceof Error ? e.message : String(e)}`);
  }
  psbt.txInputs.forEach((txIn, i) => {
    const input = psbt.data.inputs[i]!;
    if (input.nonWitnessUtxo) {
      let prev: Transaction;
      try {
        prev = Transaction.fromBuffer(input.nonWitnessUtxo);
      } catch {
        throw new PsbtRequestError(`Input #${i}: unreadable previous transaction`);
      }
      if (!bytesEqual(prev.getHash(), txIn.hash)) {
        throw new PsbtRequestError(`Input #${i}: previous transaction does not match the outpoint it spends`);
      }
      const out = prev.outs[txIn.index];
      if (!out) throw new PsbtRequestError(`Input #${i}: previous transaction has no output #${txIn.index}`);
      const w = input.witnessUtxo;
      if (w && (w.value !== out.value || !bytesEqual(w.script, out.script))) {
        throw new PsbtRequestError(`Input #${i}: witness UTXO disagrees with the previous transaction`);
      }
    }
  });
  return psbt;
}
