// Browser side of the unlock bench: both implementations bundled into one page.
// Order matters: hash-wasm (inside the vault) captures globalThis.Buffer when it
// loads, so it is imported before the shim and keeps its browser code path.
// browser-passworder only touches Buffer when called.
import { base64ToBytes, createVault, CURRENT_KDF, openVault, openVaultWithKey, parseRecord } from '../../src/core/vault/index';
import { deriveArgon2idKey } from '../../src/core/vault/kdf';
import './buffer-shim';
import { decrypt as mmDecrypt, encrypt as mmEncrypt } from '@metamask/browser-passworder';
import { PASSWORD, VAULT_OBJECT } from '../fixtures';
import { CANDIDATE_KDFS } from '../candidates';
import { comparePair, timeOne } from '../stats';

async function run(runs: number) {
  const plaintext = new TextEncoder().encode(JSON.stringify(VAULT_OBJECT));
  const ours = (await createVault(PASSWORD, plaintext, CURRENT_KDF)).record;
  const theirs = await mmEncrypt(PASSWORD, VAULT_OBJECT);
  // Sanity: both really decrypt to the same thing.
  const a = new TextDecoder().decode((await openVault(PASSWORD, ours)).plaintext);
  const b = JSON.stringify(await mmDecrypt(PASSWORD, theirs));
  if (a !== b) throw new Error('implementations disagree');
  const r = await comparePair(() => openVault(PASSWORD, ours), () => mmDecrypt(PASSWORD, theirs), runs);
  const candidates = [];
  for (const kdf of CANDIDATE_KDFS) {
    const { record } = await createVault(PASSWORD, plaintext, kdf);
    const salt = base64ToBytes(parseRecord(record).kdf.salt)!;
    // openVault() would also upgrade records weaker than CURRENT_KDF, so time
    // exactly the unlock work instead: Argon2id + AES-GCM decrypt.
    const unlock = async () => openVaultWithKey(await deriveArgon2idKey(PASSWORD, salt, kdf), record);
    const s = await timeOne(unlock, Math.max(3, runs >> 1));
    candidates.push({ kdf, ours: s, ratio: s.median / r.theirs.median });
  }
  return { ...r, kdf: CURRENT_KDF, candidates, userAgent: navigator.userAgent };
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
document.title = 'ready';
