import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface HangingRpc {
  url: string;
  /** requests it holds open right now */
  held(): number;
  stop(): Promise<void>;
}

/**
 * A JSON-RPC node on loopback that hangs: it answers eth_chainId with `chainId` (so the wallet
 * accepts it as that chain's RPC) and never answers anything else. With `chainId` null it
 * answers nothing at all.
 */
export async function startHangingRpc(chainId: string | null): Promise<HangingRpc> {
  const open = new Set<ServerResponse>();
  const hold = (res: ServerResponse) => {
    open.add(res);
    res.on('close', () => open.delete(res));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // The extension's fetch is cross-origin: a JSON POST is preflighted first (answered, unless the node is fully silent).
    if (req.method === 'OPTIONS') {
      if (!chainId) return hold(res);
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' }).end();
      return;
    }
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        // not JSON: held like the rest
      }
      const one = body as { id?: unknown; method?: unknown } | null;
      if (chainId && one && !Array.isArray(one) && one.method === 'eth_chainId') {
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify({ jsonrpc: '2.0', id: one.id, result: chainId }));
        return;
      }
      hold(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    held: () => open.size,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
