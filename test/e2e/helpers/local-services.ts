import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ROOT } from './paths';

export interface Service {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** True when nothing listens on 127.0.0.1:port. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer();
    s.once('error', () => ok(false));
    s.listen(port, '127.0.0.1', () => s.close(() => ok(true)));
  });
}

/** Our dApp pages (test/fixtures) on a random free localhost port. */
export async function servePages(): Promise<Service> {
  const { serveStatic } = (await import(resolve(ROOT, 'scripts/static-server.mjs'))) as {
    serveStatic: (dir: string, o: { port: number }) => Promise<{ url: string; close(): Promise<void> }>;
  };
  for (let attempt = 0; ; attempt++) {
    const port = 5800 + Math.floor(Math.random() * 1000);
    try {
      const s = await serveStatic(resolve(ROOT, 'test/fixtures'), { port });
      return { url: s.url, port, stop: () => s.close() };
    } catch (err) {
      if (attempt > 10) throw err;
    }
  }
}

async function answersChain(url: string, chainId: string): Promise<boolean> {
  try {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(2000),
    });
    return ((await r.json()) as { result?: string }).result === chainId;
  } catch {
    return false;
  }
}

/**
 * The local chain (anvil, chain 31337 on 127.0.0.1:8545) when one can be had: one that already
 * answers there, or our own when the port is free. null when the port is taken by something else.
 */
export async function localChainIfAvailable(): Promise<(Service & { ours: boolean }) | null> {
  const url = 'http://127.0.0.1:8545';
  if (await answersChain(url, '0x7a69')) return { url, port: 8545, ours: false, stop: () => Promise.resolve() };
  if (!(await portFree(8545))) return null;
  const { startAnvil } = (await import(resolve(ROOT, 'scripts/anvil.mjs'))) as {
    startAnvil: (o: { port: number }) => Promise<{ url: string; stop(): void }>;
  };
  const anvil = await startAnvil({ port: 8545 });
  return { url: anvil.url, port: 8545, ours: true, stop: () => Promise.resolve(anvil.stop()) };
}
