import { mkdtempSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, DIST, PROFILES } from './paths';

/**
 * One Chromium with the built extension in a persistent profile. Closing and launching
 * again on the same profileDir is a browser restart (storage.local kept, storage.session gone).
 */
export class WalletBrowser {
  private constructor(
    readonly context: BrowserContext,
    readonly profileDir: string,
    readonly extensionId: string,
  ) {}

  static newProfileDir(): string {
    mkdirSync(PROFILES, { recursive: true });
    return mkdtempSync(join(PROFILES, 'p-'));
  }

  /** `options.args` are appended to Chromium's command line (e.g. a logging proxy); the default launch is unchanged. */
  static async launch(profileDir = WalletBrowser.newProfileDir(), options: { args?: string[] } = {}): Promise<WalletBrowser> {
    const installs = readdirSync(profileDir).length === 0; // a new profile: the extension installs and opens onboarding
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: false, // '--headless=new' below: the only headless mode that loads extensions
      ignoreDefaultArgs: ['--disable-extensions', '--headless'],
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${DIST}`,
        `--load-extension=${DIST}`,
        ...(options.args ?? []),
      ],
      viewport: { width: 360, height: 600 },
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const wb = new WalletBrowser(context, profileDir, extensionId);
    if (installs) await wb.onboardingTabOpened();
    return wb;
  }

  /**
   * The install opens onboarding in a tab of its own, in front of any tab opened before it. A tab
   * behind another gets no animation frames in headless Chromium, so each Playwright click there
   * waits ~2 s for its stability check: waiting for that tab here puts every later page in front.
   */
  private async onboardingTabOpened(): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!this.context.pages().some((p) => p.url().startsWith(this.popupUrl))) {
      if (Date.now() > deadline) throw new Error('the install did not open the onboarding tab within 15 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  get popupUrl(): string {
    return `chrome-extension://${this.extensionId}/popup.html`;
  }

  /** Opens popup.html in a tab, as the toolbar popup would show it. */
  async openPopup(hash = ''): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.popupUrl + hash);
    return page;
  }

  worker(): Worker | undefined {
    return this.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${this.extensionId}/`));
  }

  /**
   * Stops the extension's service worker the way Chrome does when it is idle (CDP), from
   * a quiet extension page (manifest.json: it sends no message that would wake the worker).
   */
  async stopServiceWorker(): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/manifest.json`);
    const cdp = await this.context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (e.versions.some((v) => v.scriptURL.includes(this.extensionId) && v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
    await page.close();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
