import * as v from 'valibot';

/** What the vault ciphertext holds (DESIGN §3). Validated on every decrypt. */
const keyringDataSchema = v.object({
  v: v.literal(1),
  mnemonic: v.string(),
  passphrase: v.string(),
  accounts: v.array(v.object({ index: v.pipe(v.number(), v.integer(), v.minValue(0)), name: v.string() })),
  backedUp: v.boolean(),
});

export type KeyringData = v.InferOutput<typeof keyringDataSchema>;

const enc = new TextEncoder();
const dec = new TextDecoder();

export function encodeKeyringData(data: KeyringData): Uint8Array {
  return enc.encode(JSON.stringify(data));
}

export function decodeKeyringData(bytes: Uint8Array): KeyringData {
  const parsed: unknown = JSON.parse(dec.decode(bytes));
  return v.parse(keyringDataSchema, parsed);
}
