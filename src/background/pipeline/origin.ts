import type { Runtime } from 'webextension-polyfill';
import { RPC, WalletError } from '../../shared/errors';

/**
 * The requesting origin, from what Chrome says about the sender — never from the page.
 * A sub-frame's request belongs to the frame's own origin; opaque origins (sandboxed
 * frames, data: URLs) and anything but http(s) are refused.
 */
export function originFromSender(sender: Runtime.MessageSender & { origin?: string }): string {
  const raw = sender.origin ?? (sender.url ? safeOrigin(sender.url) : 'null');
  if (!raw || raw === 'null') throw new WalletError(RPC.unauthorized, 'Requests from an opaque origin (sandboxed frame) are not allowed');
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new WalletError(RPC.unauthorized, 'Unrecognised origin');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new WalletError(RPC.unauthorized, `Requests from ${u.protocol} pages are not allowed`);
  return u.origin;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}
