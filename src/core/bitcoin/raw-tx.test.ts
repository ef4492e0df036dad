// parseRawTx against transactions serialized by an independent library (@scure/btc-signer).
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { REGTEST } from '../../../test/fixtures/regtest/phrase-addresses';
import { parseRawTx } from './raw-tx';

describe('parseRawTx', () => {
  it('reads outpoints, output scripts and amounts, and the txid', () => {
    const tx = new btc.Transaction({ allowUnknownOutputs: true });
    const prev = 'ab'.repeat(32);
    tx.addInput({ txid: prev, index: 3, sequence: 0xfffffffd });
    const to = btc.p2wpkh(secp256k1.getPublicKey(hexToBytes('11'.repeat(32)), true), REGTEST);
    tx.addOutput({ script: to.script, amount: 12_345n });
    tx.addOutput({ script: btc.Script.encode(['RETURN', hexToBytes('cafe')]), amount: 0n });
    const parsed = parseRawTx(bytesToHex(tx.unsignedTx));
    expect(parsed.txid).toBe(tx.id);
    expect(parsed.inputs).toEqual([{ txid: prev, vout: 3, sequence: 0xfffffffd }]);
    expect(parsed.outputs.map((o) => [bytesToHex(o.script), o.value])).toEqual([
      [bytesToHex(to.script), 12_345n],
      ['6a02cafe', 0n],
    ]);
    expect(parsed.vsize).toBe(tx.unsignedTx.length);
  });

  it('throws on what is not a transaction', () => {
    expect(() => parseRawTx('00')).toThrow();
    expect(() => parseRawTx('zz')).toThrow();
  });
});
