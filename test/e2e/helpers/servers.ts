import { resolve } from 'node:path';
import { startRegtestEsplora, type RegtestEsplora } from '../../fixtures/regtest';
import { installMulticall3 } from './erc20';
import { ROOT } from './paths';

interface Started {
  url: string;
  stop(): void | Promise<void>;
}

/**
 * anvil on 8545 (the built-in "Localhost 8545" network, with the Multicall3 TEST FIXTURE at its
 * canonical address, as on public chains) and our dApp pages on localhost.
 */
type StartAnvil = (o: { port: number; chainId?: number; hardfork?: string }) => Promise<Started>;

export async function startChainAndPages(): Promise<{ anvil: Started; pages: Started & { port: number }; startAnvil: StartAnvil }> {
  const { startAnvil } = (await import(resolve(ROOT, 'scripts/anvil.mjs'))) as { startAnvil: StartAnvil };
  const { serveStatic } = (await import(resolve(ROOT, 'scripts/static-server.mjs'))) as {
    serveStatic: (dir: string, o: { port: number }) => Promise<{ url: string; close(): Promise<void> }>;
  };
  const anvil = await startAnvil({ port: 8545 });
  await installMulticall3(anvil.url);
  const port = 5400 + Math.floor(Math.random() * 400);
  const server = await serveStatic(resolve(ROOT, 'test/fixtures'), { port });
  return { anvil, startAnvil, pages: { url: server.url, port, stop: () => server.close() } };
}

/**
 * The regtest Esplora TEST FIXTURE on 127.0.0.1:3002, where the E2E build's "Bitcoin Regtest"
 * network points (src/shared/btc-networks.ts).
 */
export async function startRegtest(): Promise<RegtestEsplora> {
  return startRegtestEsplora({ port: 3002 });
}
