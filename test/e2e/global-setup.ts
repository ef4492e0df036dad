import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, DIST } from './helpers/paths';

/** Fails loudly (never skips) when what the E2E suite needs is missing. */
export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get update && sudo apt-get install -y chromium ` +
        `(or set CHROMIUM_PATH). The E2E suite does not download browsers.`,
    );
  }
  if (!existsSync(`${DIST}/manifest.json`)) throw new Error(`No built extension in ${DIST}: run npm run build first.`);
}
