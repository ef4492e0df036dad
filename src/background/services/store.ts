/**
 * The slice of a storage area the services use. In the extension it is
 * browser.storage.local / .session; unit tests pass an in-memory area.
 */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface StorageAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export function storeFromArea(area: StorageAreaLike): Store {
  return {
    async get<T>(key: string) {
      const r = await area.get(key);
      return r[key] as T | undefined;
    },
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

/** In-memory area with the same copy-on-write semantics as chrome.storage (values cloned). */
export function memoryStore(initial: Record<string, unknown> = {}): Store & { dump(): Record<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  return {
    get: <T>(key: string) => Promise.resolve(structuredClone(data.get(key)) as T | undefined),
    set: (items) => {
      for (const [k, val] of Object.entries(items)) data.set(k, structuredClone(val));
      return Promise.resolve();
    },
    remove: (keys) => {
      for (const k of keys) data.delete(k);
      return Promise.resolve();
    },
    dump: () => structuredClone(Object.fromEntries(data)),
  };
}
