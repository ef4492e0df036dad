// Runs the unlock comparison (a) inside headless Chromium: bundles
// bench/browser/ with vite (no project config), serves it on 127.0.0.1
// (a secure context, so WebCrypto is available) and drives it with
// playwright-core. Prints one JSON line.

import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('./browser/', import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'vault-bench-'));

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

let server;
let browser;
try {
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify: true, target: 'es2022' },
  });

  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => globalThis.document.title === 'ready' || undefined, null, { timeout: 30_000 }).catch(() => {
    throw new Error(`bench page did not load: ${errors.join('; ') || 'timeout'}`);
  });
  const result = await page.evaluate((runs) => globalThis.runBench(runs), RUNS);
  console.log(JSON.stringify({ version: browser.version(), ...result }));
} finally {
  await browser?.close();
  server?.close();
  await rm(outDir, { recursive: true, force: true });
}
