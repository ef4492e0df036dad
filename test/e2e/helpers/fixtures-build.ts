import { resolve } from 'node:path';
import { build } from 'vite';
import { ROOT } from './paths';

/** Bundles the viem + mipd test dApp (test/fixtures/viem-dapp → its dist/). */
export async function buildViemDapp(): Promise<string> {
  const root = resolve(ROOT, 'test/fixtures/viem-dapp');
  const outDir = resolve(root, 'dist');
  await build({ root, base: './', logLevel: 'warn', configFile: false, build: { outDir, emptyOutDir: true, target: 'chrome111' } });
  return outDir;
}

/**
 * Bundles the sats-connect test dApp (test/fixtures/btc-dapp → its dist/). No polyfill config is
 * needed: sats-connect's core imports the `buffer` npm package (resolved from node_modules like
 * any dependency), and its dependencies read `global` only after `globalThis`/`self`/`window`.
 * The plain UniSat page next to it (test/fixtures/btc-dapp/unisat.html + unisat.js) needs no build.
 */
export async function buildBtcDapp(): Promise<string> {
  const root = resolve(ROOT, 'test/fixtures/btc-dapp');
  const outDir = resolve(root, 'dist');
  await build({ root, base: './', logLevel: 'warn', configFile: false, build: { outDir, emptyOutDir: true, target: 'chrome111' } });
  return outDir;
}
