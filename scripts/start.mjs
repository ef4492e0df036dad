// npm start: build, start anvil and the demo dApp, open Chromium with the extension.
// Ctrl-C stops everything this script started.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startAnvil } from './anvil.mjs';
import { installMulticall3, MULTICALL3_ADDRESS } from './solc-fixtures.mjs';
import { serveStatic } from './static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const children = [];
let stopping = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  // Chromium first (it is the others' client), then the servers in reverse order of start.
  for (const c of children.reverse()) await c();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

await new Promise((ok, fail) => spawn(process.execPath, [resolve(root, 'scripts/build.mjs'), '--quiet', '--local'], { stdio: 'inherit' }).once('exit', (c) => (c === 0 ? ok() : fail(new Error('build failed')))));

const anvil = await startAnvil({ port: Number(process.env.ANVIL_PORT ?? 8545) });
children.push(() => anvil.stop());
// Multicall3 (a TEST FIXTURE with its ABI) at its canonical address, as on public chains: the
// wallet reads all balances in one eth_call here too.
await installMulticall3(anvil.url);
console.log(`anvil:     ${anvil.url} (chain id 31337; test accounts from "test test ... junk"; Multicall3 fixture at ${MULTICALL3_ADDRESS})`);

// Bitcoin: the regtest Esplora TEST FIXTURE (no Bitcoin node installs here) on electrs' regtest
// port, where the --local build's "Bitcoin Regtest" network points. Account 0 of the anvil test
// phrase gets 1.1 BTC; a block every 30 s confirms what you send.
const TEST_PHRASE = 'test test test test test test test test test test test junk';
const regtest = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'test/fixtures/regtest/cli.ts'), '--port', process.env.ESPLORA_PORT ?? '3002', '--fund-phrase', TEST_PHRASE, '--mine-every', '30'], { stdio: ['ignore', 'pipe', 'inherit'] });
children.push(() => regtest.kill('SIGTERM'));
await new Promise((ok, fail) => {
  regtest.once('exit', (c) => fail(new Error(`regtest fixture exited (${c})`)));
  regtest.stdout.once('data', (d) => {
    process.stdout.write(`bitcoin:   ${String(d).split('\n')[0].replace('regtest Esplora TEST FIXTURE listening on ', '')} (regtest Esplora TEST FIXTURE; 1.1 BTC for account 0 of the test phrase, a block every 30 s)\n`);
    ok();
  });
});
regtest.stdout.resume();

const dapp = await serveStatic(resolve(root, 'test/fixtures/dapp'), { port: Number(process.env.DAPP_PORT ?? 5173) });
children.push(() => dapp.close());
console.log(`demo dApp: ${dapp.url}`);

if (!existsSync(chromiumPath)) {
  console.log(`\nChromium not found at ${chromiumPath} (apt-get install -y chromium). Load dist/ by hand: see README.`);
} else {
  // WALLET_PROFILE lets a test run npm start without touching your own .wallet-profile/.
  const profile = resolve(process.env.WALLET_PROFILE ?? resolve(root, '.wallet-profile'));
  mkdirSync(profile, { recursive: true });
  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const dist = resolve(root, 'dist');
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(headed ? [] : ['--headless=new', '--remote-debugging-port=9222']),
    dapp.url,
  ];
  const chrome = spawn(chromiumPath, args, { stdio: 'ignore' });
  children.push(() => chrome.kill('SIGTERM'));
  chrome.once('exit', () => void stop(0));
  console.log(
    headed
      ? `chromium:  opened with the wallet loaded (profile in ${profile})`
      : 'chromium:  no display found, running headless with DevTools on http://127.0.0.1:9222\n' +
          '           (on a desktop, run npm start there, or load dist/ by hand as the README says)',
  );
}
console.log('\nPress Ctrl-C to stop everything.');
