// Node side of `npm run bench`: prints one JSON line with all Node results.
// Run via bench/run.mjs (node --import tsx bench/node-bench.ts).

import { decrypt as mmDecrypt, encrypt as mmEncrypt } from '@metamask/browser-passworder';
import { HdKeyring as MetaMaskHdKeyring } from '@metamask/eth-hd-keyring';
import { base64ToBytes, createVault, CURRENT_KDF, openVault, openVaultWithKey, parseRecord } from '../src/core/vault/index';
import { deriveArgon2idKey } from '../src/core/vault/kdf';
import { CANDIDATE_KDFS } from './candidates';
import { MNEMONIC, PASSWORD, VAULT_OBJECT } from './fixtures';
import { comparePair, timeOne } from './stats';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const ACCOUNTS = 100;

async function unlockBench() {
  const plaintext = new TextEncoder().encode(JSON.stringify(VAULT_OBJECT));
  const ours = (await createVault(PASSWORD, plaintext, CURRENT_KDF)).record;
  const theirs = await mmEncrypt(PASSWORD, VAULT_OBJECT); // defaults: PBKDF2-SHA256 900k + AES-GCM
  const iterations = (JSON.parse(theirs) as { keyMetadata?: { params?: { iterations?: number } } }).keyMetadata?.params
    ?.iterations;
  const r = await comparePair(
    async () => {
      const v = await openVault(PASSWORD, ours);
      if (v.upgraded) throw new Error('bench record should not need an upgrade');
    },
    () => mmDecrypt(PASSWORD, theirs),
    RUNS,
  );
  return { ...r, kdf: CURRENT_KDF, mmIterations: iterations };
}

/** Unlock time for stronger Argon2 settings, to show how much headroom the budget leaves. */
async function candidateBench(mmMedian: number) {
  const plaintext = new TextEncoder().encode(JSON.stringify(VAULT_OBJECT));
  const out = [];
  for (const kdf of CANDIDATE_KDFS) {
    const { record } = await createVault(PASSWORD, plaintext, kdf);
    const salt = base64ToBytes(parseRecord(record).kdf.salt)!;
    // openVault() would also upgrade records weaker than CURRENT_KDF, so time
    // exactly the unlock work instead: Argon2id + AES-GCM decrypt.
    const unlock = async () => openVaultWithKey(await deriveArgon2idKey(PASSWORD, salt, kdf), record);
    const s = await timeOne(unlock, Math.max(3, RUNS >> 1));
    out.push({ kdf, ours: s, ratio: s.median / mmMedian });
  }
  return out;
}

interface OurKeyring {
  ethAddresses(from: number, count: number): string[];
}

async function accountsBench() {
  let ourKeyring: { fromMnemonicAsync(phrase: string, passphrase?: string): Promise<OurKeyring> };
  try {
    ({ HdKeyring: ourKeyring } = await import('../src/core/keyring/index'));
  } catch (e) {
    return { error: `src/core/keyring not available: ${(e as Error).message.split('\n')[0]}` };
  }
  const ours = async () => {
    // fromMnemonicAsync: what the wallet's keyring service uses (WebCrypto PBKDF2 for the seed).
    const k = await ourKeyring.fromMnemonicAsync(MNEMONIC);
    return k.ethAddresses(0, ACCOUNTS);
  };
  const theirs = async () => {
    const k = new MetaMaskHdKeyring();
    await k.deserialize({ mnemonic: MNEMONIC, numberOfAccounts: 0 });
    return k.addAccounts(ACCOUNTS);
  };
  // Same work must give the same answer, or the comparison is meaningless.
  const a = (await ours()).map((x) => x.toLowerCase());
  const b = (await theirs()).map((x) => x.toLowerCase());
  const sameAddresses = a.length === ACCOUNTS && a.every((x, i) => x === b[i]);
  const r = await comparePair(ours, theirs, RUNS);
  return { ...r, sameAddresses, first: a[0] };
}

const unlock = await unlockBench();
const candidates = await candidateBench(unlock.theirs.median);
const accounts = await accountsBench();
console.log(JSON.stringify({ runs: RUNS, unlock, candidates, accounts }));
