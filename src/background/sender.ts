import type { Runtime } from 'webextension-polyfill';

/**
 * True only for the extension's own pages (popup, approval window, expanded tab).
 * Content scripts share our extension id, so the id alone is not enough: their sender
 * URL is the web page's, which never starts with our origin.
 */
export function isInternalSender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
