import browser from 'webextension-polyfill';

export const AUTO_LOCK_ALARM = 'auto-lock';

/**
 * Idle lock through chrome.alarms: alarms outlive a stopped worker, a setTimeout would not.
 * Re-armed on user activity (any internal request), at most every few seconds.
 */
export class AutoLock {
  private lastArm = 0;

  async arm(minutes: number): Promise<void> {
    this.lastArm = Date.now();
    await browser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: minutes });
  }

  async touch(minutes: number): Promise<void> {
    if (Date.now() - this.lastArm < 5_000) return;
    await this.arm(minutes);
  }

  async disarm(): Promise<void> {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
  }
}
