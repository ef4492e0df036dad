// bip39 (the BIP39 reference package we use) calls Node's Buffer at run time; a service
// worker has none. Imported first by the background entry.
import { Buffer } from 'buffer';

const g = globalThis as { Buffer?: unknown };
g.Buffer ??= Buffer;
