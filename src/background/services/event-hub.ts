import type { PortEvent, ProviderChain } from '../../shared/provider-protocol';
import { Mutex } from './mutex';
import type { Store } from './store';

const KEY = 'providerFrames';

export interface FrameRef {
  tabId: number;
  frameId: number;
  /** Targets the exact document: a frame that navigated away gets nothing meant for the old page. */
  documentId?: string;
  origin: string;
}

/**
 * Delivers provider events (accountsChanged, chainChanged…) to the frames that talk to us.
 * Frames are remembered in storage.session and reached with tabs.sendMessage, so events
 * still arrive after the worker restarted and before the page's port reconnects.
 */
export class EventHub {
  private readonly lock = new Mutex();
  constructor(private readonly session: Store) {}

  async remember(frame: FrameRef): Promise<void> {
    await this.lock.run(async () => {
      const list = await this.frames();
      if (list.some((f) => f.tabId === frame.tabId && f.frameId === frame.frameId && f.documentId === frame.documentId)) return;
      // A frame that navigated to another origin is replaced, not added.
      const rest = list.filter((f) => !(f.tabId === frame.tabId && f.frameId === frame.frameId));
      await this.session.set({ [KEY]: [...rest, frame] });
    });
  }

  async forgetTab(tabId: number): Promise<void> {
    await this.lock.run(async () => {
      await this.session.set({ [KEY]: (await this.frames()).filter((f) => f.tabId !== tabId) });
    });
  }

  /** `data` may depend on the origin (accountsChanged carries that site's accounts). */
  async emit(chain: ProviderChain, event: string, data: (origin: string) => unknown, origins?: Set<string>): Promise<void> {
    const frames = (await this.frames()).filter((f) => !origins || origins.has(f.origin));
    const byOrigin = new Map<string, unknown>();
    for (const f of frames) {
      if (!byOrigin.has(f.origin)) byOrigin.set(f.origin, await data(f.origin));
      const msg: PortEvent = { type: 'evt', chain, event, data: byOrigin.get(f.origin), origin: f.origin };
      // chrome.* directly: the polyfill's types lack documentId. A gone frame just fails.
      const target = f.documentId ? { documentId: f.documentId } : { frameId: f.frameId };
      chrome.tabs.sendMessage(f.tabId, msg, target).catch(() => undefined);
    }
  }

  private async frames(): Promise<FrameRef[]> {
    const list = await this.session.get<FrameRef[]>(KEY);
    return Array.isArray(list) ? list : [];
  }
}
