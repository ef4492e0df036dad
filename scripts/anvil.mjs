// Starts a local anvil (chain id 31337 by default, funded test accounts) from the npm-shipped binary
// and resolves once it answers JSON-RPC. `hardfork: 'berlin'` gives a chain without a base fee
// (legacy gas-price transactions only).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ANVIL = resolve(import.meta.dirname, '../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil');

export async function startAnvil({ port = 8545, chainId = 31337, quiet = true, hardfork = undefined } = {}) {
  const args = ['--port', String(port), '--chain-id', String(chainId), '--silent', ...(hardfork ? ['--hardfork', hardfork] : [])];
  const proc = spawn(ANVIL, args, { stdio: quiet ? 'ignore' : 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((_, reject) => proc.once('exit', (code) => reject(new Error(`anvil exited early (code ${code}); is port ${port} in use?`))));
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const r = await Promise.race([
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) }),
        exited,
      ]);
      if (r.ok) break;
    } catch (err) {
      if (String(err).includes('anvil exited')) throw err;
      if (Date.now() > deadline) {
        proc.kill();
        throw new Error(`anvil did not answer on ${url} within 15 s`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, stop: () => proc.kill('SIGTERM'), proc };
}
