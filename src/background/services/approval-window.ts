import browser from 'webextension-polyfill';
import { Mutex } from './mutex';
import type { Store } from './store';

const KEY = 'approvalWindowId';
const WIDTH = 380;
const HEIGHT = 640;

/**
 * The one approval window (a windows.create popup). A flood of requests focuses the same
 * window instead of opening more; its id lives in storage.session to survive a worker restart.
 */
export class ApprovalWindow {
  // show() and closeIfEmpty() never interleave: otherwise a close decided just before a new
  // request arrived would remove the window that request was just shown in.
  private readonly lock = new Mutex();

  constructor(
    private readonly session: Store,
    private readonly hasPending: () => Promise<boolean>,
  ) {}

  show(approvalId: string): Promise<void> {
    return this.lock.run(() => this.showNow(approvalId));
  }

  closeIfEmpty(): Promise<void> {
    return this.lock.run(() => this.closeNow());
  }

  private async showNow(approvalId: string): Promise<void> {
    const id = await this.session.get<number>(KEY);
    if (typeof id === 'number') {
      try {
        await browser.windows.update(id, { focused: true });
        return;
      } catch {
        // closed meanwhile: open a new one below
      }
    }
    const win = await browser.windows.create({
      url: browser.runtime.getURL(`popup.html#/approve/${approvalId}`),
      type: 'popup',
      width: WIDTH,
      height: HEIGHT,
      focused: true,
    });
    if (win.id !== undefined) await this.session.set({ [KEY]: win.id });
  }

  private async closeNow(): Promise<void> {
    if (await this.hasPending()) return;
    const id = await this.session.get<number>(KEY);
    if (typeof id !== 'number') return;
    await this.session.remove([KEY]);
    await browser.windows.remove(id).catch(() => undefined);
  }

  /** True when the closed window was ours (the caller then rejects what was pending). */
  async onRemoved(windowId: number): Promise<boolean> {
    const id = await this.session.get<number>(KEY);
    if (id !== windowId) return false;
    await this.session.remove([KEY]);
    return true;
  }
}
