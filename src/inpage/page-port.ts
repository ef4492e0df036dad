import { PAGE_CHANNEL } from '../shared/provider-protocol';
import { accessorOf, apply, isObject, own } from './intrinsics';
import type { PagePort, TransportHost } from './transport';

// Captured while inpage.js is evaluated (document_start, before any page script): the page
// may later redefine these accessors and methods on the prototypes; we keep calling the
// originals through apply() (so they are deliberately unbound). Module-level on purpose.
/* eslint-disable @typescript-eslint/unbound-method */
const messageEventProto = typeof MessageEvent === 'function' ? MessageEvent.prototype : undefined;
const getData = accessorOf(messageEventProto, 'data', 'get');
const getSource = accessorOf(messageEventProto, 'source', 'get');
const getPorts = accessorOf(messageEventProto, 'ports', 'get');
const stopImmediatePropagation = typeof Event === 'function' ? Event.prototype.stopImmediatePropagation : undefined;
const messagePortProto = typeof MessagePort === 'function' ? MessagePort.prototype : undefined;
const portPostMessage = messagePortProto?.postMessage;
const setOnMessage = accessorOf(messagePortProto, 'onmessage', 'set');
/* eslint-enable @typescript-eslint/unbound-method */

function read(getter: ((this: unknown, ...args: unknown[]) => unknown) | undefined, event: object): unknown {
  return getter ? apply(getter, event, []) : undefined;
}

/**
 * The page end of the private channel to the content script. The content script creates a
 * MessageChannel at document_start and posts one end to this window as
 * `{ channel: PAGE_CHANNEL, dir: 'port' }`; the first such message whose source is this window
 * is taken (and hidden from every later listener). From then on requests, responses and
 * events travel only over that port, which no page script can reach: a page can neither see
 * request ids nor forge a response or an event (window messages on our channel are ignored).
 *
 * The handshake message is queued at document_start, before any page script can post one of
 * its own, so the first one is always the content script's.
 */
export function windowHost(win: Window): TransportHost {
  const addEventListener = win.addEventListener.bind(win);
  return {
    connect(onPort) {
      let taken = false;
      addEventListener(
        'message',
        (event: MessageEvent) => {
          if (taken || read(getSource, event) !== win) return;
          const data = read(getData, event);
          if (!isObject(data) || own(data, 'channel') !== PAGE_CHANNEL || own(data, 'dir') !== 'port') return;
          const ports = read(getPorts, event) as readonly MessagePort[] | undefined;
          const port = ports && ports.length === 1 ? ports[0] : undefined;
          if (!port || !portPostMessage || !setOnMessage) return;
          if (stopImmediatePropagation) apply(stopImmediatePropagation, event, []);
          taken = true;
          const pagePort: PagePort = {
            post: (message) => apply(portPostMessage, port, [message]),
            listen: (handler) => apply(setOnMessage, port, [(e: MessageEvent) => handler(read(getData, e))]),
          };
          onPort(pagePort);
        },
        true,
      );
    },
  };
}
