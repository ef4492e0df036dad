// coinselect@3.1.13 ships no types; only what bench/coin-select-bench.ts uses.
// Sizes: input = 41 + script.length bytes (default 107, legacy p2pkh), output = 9 + script.length
// (default 25), tx overhead 10; only `.length` of `script` is read.
declare module 'coinselect' {
  export interface CsUtxo {
    value: number;
    script?: { length: number };
  }
  export interface CsTarget {
    value: number;
    script?: { length: number };
  }
  export interface CsResult<U, T> {
    /** absent when there is no solution */
    inputs?: U[];
    /** the targets, then the change output (value only) if one was added */
    outputs?: (T | { value: number })[];
    fee: number;
  }
  export default function coinSelect<U extends CsUtxo, T extends CsTarget>(utxos: U[], outputs: T[], feeRate: number): CsResult<U, T>;
}
