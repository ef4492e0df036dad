// Builds the unpacked extension into dist/: the popup app first (it empties dist/), then
// each script, then the manifest with the package version.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';

// Always React's production build. Vite keeps a NODE_ENV it inherits, and one inherited
// from a test runner ('test') silently shipped React's development build (2.5× the bytes).
process.env.NODE_ENV = 'production';

const root = resolve(import.meta.dirname, '..');
const quiet = process.argv.includes('--quiet');
// --local: the wallet starts on Localhost 8545 (chain 31337) and Bitcoin regtest instead of mainnets.
if (process.argv.includes('--local')) {
  process.env.DUOWALLET_DEFAULT_CHAIN = '31337';
  process.env.DUOWALLET_DEFAULT_BTC = 'regtest';
}

for (const mode of ['app', 'boot', 'background', 'content', 'inpage']) {
  await build({ configFile: resolve(root, 'vite.config.ts'), mode, logLevel: quiet ? 'warn' : 'info' });
}
const manifest = JSON.parse(await readFile(resolve(root, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));
manifest.version = pkg.version;
await writeFile(resolve(root, 'dist/manifest.json'), JSON.stringify(manifest, null, 2));
console.log(`built dist/ (v${pkg.version}${process.env.DUOWALLET_DEFAULT_CHAIN ? `, default chain ${process.env.DUOWALLET_DEFAULT_CHAIN}` : ''})`);
