import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';

/** One request Chromium sent through the proxy. */
export interface ProxyRecord {
  at: number;
  /** 'http': a plain proxied request (absolute URL); 'connect': a tunnel (https, wss). */
  kind: 'http' | 'connect';
  host: string;
  port: number;
  method: string;
  /** Path of a plain request ('' for a tunnel: its content is encrypted or not ours to see). */
  path: string;
  /** False when the target was not on this machine: the proxy refused it (403). */
  forwarded: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
export const isLoopback = (host: string) => LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * A recording HTTP proxy on 127.0.0.1 for Chromium's --proxy-server. It forwards only to
 * loopback targets (our pages, anvil); anything else is recorded and refused, so a test
 * machine with internet access still sends nothing out.
 */
export async function startLoggingProxy(): Promise<{ port: number; records: ProxyRecord[]; args: string[]; close(): Promise<void> }> {
  const records: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URL expected');
      return;
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    const forwarded = target.protocol === 'http:' && isLoopback(host);
    records.push({ at: Date.now(), kind: 'http', host, port, method: req.method ?? 'GET', path: target.pathname + target.search, forwarded });
    if (!forwarded) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy: not a local endpoint');
      req.resume();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    delete headers['proxy-authorization'];
    const upstream = httpRequest({ host, port, method: req.method, path: target.pathname + target.search, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end('upstream unreachable');
      else res.destroy();
    });
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    const host = m?.[1] ?? req.url ?? '';
    const port = Number(m?.[2] ?? 0);
    const forwarded = m !== null && isLoopback(host);
    records.push({ at: Date.now(), kind: 'connect', host, port, method: 'CONNECT', path: '', forwarded });
    if (!forwarded) {
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await new Promise<number>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok((server.address() as { port: number }).port));
  });
  return {
    port,
    records,
    // <-loopback> removes Chromium's implicit bypass, so localhost traffic is recorded too.
    args: [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>'],
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

/**
 * Chromium's own background services that no command-line switch turns off (measured on
 * Chromium 156 with --disable-background-networking and --disable-component-update still
 * set): the account list of the profile (IdentityManager → accounts.google.com/ListAccounts)
 * and the component updater (update.googleapis.com/service/update2/json). These switches point
 * them at hosts of our own naming, so the record names them for what they are: nothing in the
 * wallet knows these names, and the proxy refuses them like any other non-local host.
 */
export const CHROMIUM_OWN = {
  gaia: 'gaia.chromium-own.invalid',
  componentUpdater: 'component-updater.chromium-own.invalid',
} as const;
export const CHROMIUM_OWN_ARGS = [`--gaia-url=http://${CHROMIUM_OWN.gaia}`, `--component-updater=url-source=http://${CHROMIUM_OWN.componentUpdater}/`];
export const isChromiumOwn = (r: ProxyRecord) => r.host === CHROMIUM_OWN.gaia || r.host === CHROMIUM_OWN.componentUpdater;

/** "host:port ×n" lines, for messages and the end-of-run report. */
export function describeRecords(records: ProxyRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) {
    const key = `${r.kind === 'connect' ? 'CONNECT' : r.method} ${r.host}:${r.port}${r.path ? ` ${r.path.split('?')[0]}` : ''}${r.forwarded ? '' : ' (refused)'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `  ${k}  ×${n}`).join('\n') || '  (nothing)';
}
