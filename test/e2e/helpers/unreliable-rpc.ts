import { createServer, type ServerResponse } from 'node:http';

export type RpcMode = 'proxy' | 'hang' | 'garbage';

/**
 * A local JSON-RPC endpoint that goes bad on command: 'proxy' forwards to anvil (so the wallet
 * accepts it as the chain's RPC), 'hang' never answers, 'garbage' answers HTTP 200 with text
 * that is not JSON-RPC. The wallet must then say "unavailable", never show a number.
 */
export async function startUnreliableRpc(target: string): Promise<{ url: string; mode: RpcMode; close(): Promise<void> }> {
  const held = new Set<ServerResponse>();
  const state = { mode: 'proxy' as RpcMode };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (state.mode === 'hang') return void held.add(res);
      if (state.mode === 'garbage') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","result":0x1d<html>');
      void fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw }).then(
        async (r) => res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text()),
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return Object.assign(state, {
    url,
    close: () =>
      new Promise<void>((ok) => {
        for (const r of held) r.destroy();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  });
}
