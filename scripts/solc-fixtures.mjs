// Compiles the Solidity TEST FIXTURES in test/fixtures/contracts with solc-js (the compiler as
// WASM, a devDependency), for the E2E suite, the unit tests that run anvil and `npm start`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import solc from 'solc';

const CONTRACTS = resolve(import.meta.dirname, '../test/fixtures/contracts');
const cache = new Map();

/** { ContractName: { abi, bytecode (creation code), deployedBytecode (runtime code) } } for the given files. */
export function compileFixtureContracts(files) {
  const id = files.join(',');
  if (cache.has(id)) return cache.get(id);
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(files.map((f) => [f, { content: readFileSync(resolve(CONTRACTS, f), 'utf8') }])),
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } } },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(`solc: ${errors.map((e) => e.formattedMessage).join('\n')}`);
  const compiled = {};
  for (const file of Object.values(out.contracts)) {
    for (const [name, c] of Object.entries(file)) compiled[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, deployedBytecode: `0x${c.evm.deployedBytecode.object}` };
  }
  cache.set(id, compiled);
  return compiled;
}

/** Multicall3's canonical address (the same on every chain that has it). */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** Puts the Multicall3 TEST FIXTURE's runtime code at the canonical address of a local anvil. */
export async function installMulticall3(url) {
  const code = compileFixtureContracts(['Multicall3.sol']).Multicall3.deployedBytecode;
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_setCode', params: [MULTICALL3_ADDRESS, code] }) });
  const body = await r.json();
  if (body.error) throw new Error(`anvil_setCode: ${body.error.message}`);
}
