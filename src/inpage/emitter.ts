import { dict, NativeTypeError, reportLater } from './intrinsics';

export type Listener = (payload: unknown) => void;

interface Entry {
  fn: Listener;
  once: boolean;
}

/** A minimal event emitter whose state page scripts cannot reach or pollute. */
export interface Emitter {
  on(event: string, fn: Listener): void;
  once(event: string, fn: Listener): void;
  /** Removes the most recently added registration of `fn` for `event` (as Node's removeListener). */
  off(event: string, fn: Listener): void;
  /** Removes every listener of `event`, or of every event when it is undefined. */
  removeAll(event?: string): void;
  /** Calls the listeners registered when the emit started; returns whether there were any. */
  emit(event: string, payload: unknown): boolean;
}

export function createEmitter(): Emitter {
  // event → (sequence number → entry). Integer keys enumerate in ascending order, so
  // for-in visits listeners in the order they were added.
  let byEvent = dict<Record<string, Entry>>();
  let seq = 0;

  const add = (event: string, fn: Listener, once: boolean): void => {
    if (typeof fn !== 'function') throw new NativeTypeError('The "listener" argument must be a function');
    const key = `${event}`;
    const entries = byEvent[key] ?? (byEvent[key] = dict<Entry>());
    entries[++seq] = { fn, once };
  };

  return {
    on: (event, fn) => add(event, fn, false),
    once: (event, fn) => add(event, fn, true),
    off(event, fn) {
      const entries = byEvent[`${event}`];
      if (!entries) return;
      let last: string | undefined;
      for (const k in entries) if (entries[k]?.fn === fn) last = k;
      if (last !== undefined) delete entries[last];
    },
    removeAll(event) {
      if (event === undefined) byEvent = dict();
      else delete byEvent[`${event}`];
    },
    emit(event, payload) {
      const entries = byEvent[event];
      if (!entries) return false;
      const limit = seq; // listeners added while emitting wait for the next emit
      let called = false;
      for (const k in entries) {
        const entry = entries[k];
        if (!entry || +k > limit) continue;
        if (entry.once) delete entries[k];
        called = true;
        try {
          entry.fn(payload);
        } catch (err) {
          // One faulty dApp listener must not stop the others; still surface it.
          reportLater(() => {
            throw err;
          });
        }
      }
      return called;
    },
  };
}

/** The Node-style listener methods a provider exposes over `emitter`; each returns `self()` for chaining. */
export function listenerMethods<T>(emitter: Emitter, self: () => T) {
  return {
    on: (event: string, listener: Listener): T => (emitter.on(event, listener), self()),
    addListener: (event: string, listener: Listener): T => (emitter.on(event, listener), self()),
    once: (event: string, listener: Listener): T => (emitter.once(event, listener), self()),
    removeListener: (event: string, listener: Listener): T => (emitter.off(event, listener), self()),
    off: (event: string, listener: Listener): T => (emitter.off(event, listener), self()),
    removeAllListeners: (event?: string): T => (emitter.removeAll(event), self()),
  };
}
