// Other Argon2id settings timed alongside CURRENT_KDF (the OWASP floor and
// stronger ones), to show how much of the unlock budget (1.5x MetaMask) each
// would use. Informational only.
import type { KdfParams } from '../src/core/vault/index';

export const CANDIDATE_KDFS: readonly KdfParams[] = [
  { m: 19456, t: 2, p: 1 }, // OWASP minimum (the spec's floor)
  { m: 47104, t: 1, p: 1 }, // OWASP alternative (46 MiB, 1 pass)
  { m: 47104, t: 2, p: 1 },
  { m: 65536, t: 2, p: 1 },
];
