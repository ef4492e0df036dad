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
