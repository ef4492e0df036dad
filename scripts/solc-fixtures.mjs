// Compiles the Solidity TEST FIXTURES in test/fixtures/contracts with solc-js (the compiler as
// WASM, a devDependency), for the E2E suite, the unit tests that run anvil and `npm start`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const CONTRACTS = resolve(import.meta.dirname, '../test/fixtures/contracts');
/**
 * Compiled output on disk, by a hash of the compiler version and the whole compiler input: each
 * E2E file runs in a fresh module context, and loading solc (~1.5 s) plus compiling (~1 s per
 * set) in every one of them added up. A changed source, setting or solc version misses.
 */
const DISK_CACHE = resolve(import.meta.dirname, '../node_modules/.cache/duowallet-solc');
const SOLC_VERSION = createRequire(import.meta.url)('solc/package.json').version;
const cache = new Map();

/** { ContractName: { abi, bytecode (creation code), deployedBytecode (runtime code) } } for the given files. */
export async function compileFixtureContracts(files) {
  const id = files.join(',');
  if (cache.has(id)) return cache.get(id);
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(files.map((f) => [f, { content: readFileSync(resolve(CONTRACTS, f), 'utf8') }])),
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } } },
  };
  const inputJson = JSON.stringify(input);
  const file = resolve(DISK_CACHE, `${createHash('sha256').update(`solc ${SOLC_VERSION}\n${inputJson}`).digest('hex')}.json`);
  let compiled;
  try {
    compiled = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    compiled = await compile(inputJson);
    mkdirSync(DISK_CACHE, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(compiled));
    renameSync(tmp, file); // whole or not at all
  }
  cache.set(id, compiled);
  return compiled;
}

async function compile(inputJson) {
  const { default: solc } = await import('solc');
  const out = JSON.parse(solc.compile(inputJson));
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(`solc: ${errors.map((e) => e.formattedMessage).join('\n')}`);
  const compiled = {};
  for (const file of Object.values(out.contracts)) {
    for (const [name, c] of Object.entries(file)) compiled[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, deployedBytecode: `0x${c.evm.deployedBytecode.object}` };
  }
  return compiled;
}

/** Multicall3's canonical address (the same on every chain that has it). */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** Puts the Multicall3 TEST FIXTURE's runtime code at the canonical address of a local anvil. */
export async function installMulticall3(url) {
  const code = (await compileFixtureContracts(['Multicall3.sol'])).Multicall3.deployedBytecode;
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_setCode', params: [MULTICALL3_ADDRESS, code] }) });
  const body = await r.json();
  if (body.error) throw new Error(`anvil_setCode: ${body.error.message}`);
}
