/**
 * Language built-ins captured when inpage.js is evaluated, i.e. before any page script runs
 * (MAIN world, document_start). Later tampering with the globals or their prototypes
 * (`Object.freeze = …`, `Promise = …`, `Object.prototype.then = …`) cannot reach the
 * provider, which only calls these.
 *
 * Conventions in this folder, so prototype pollution has nothing to hook into:
 * - objects are built with literals (define semantics: no inherited setter runs);
 * - dictionaries are `dict()` objects (null prototype), never Map/Set (their methods live on
 *   patchable prototypes);
 * - fields of incoming objects are read with `own()`;
 * - no Array.prototype / String.prototype / Promise.prototype method is called; arrays are
 *   grown with `append()`;
 * - platform methods and accessors (MessageEvent data/source/ports, MessagePort postMessage,
 *   stopImmediatePropagation) are captured here or in page-port.ts and called with `apply`.
 */
export const freeze = Object.freeze;
export const defineProperty = Object.defineProperty;
export const hasOwn = Object.hasOwn;
/** Own enumerable string keys (a fresh array; nothing inherited). */
export const keys = Object.keys;
const create = Object.create;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const isArray = Array.isArray;
export const isSafeInteger = Number.isSafeInteger;
export const NativePromise = Promise;
export const NativeError = Error;
export const NativeTypeError = TypeError;
/** Reflect.apply: calls a captured method without Function.prototype.call/apply (both patchable). */
export const apply = Reflect.apply;
/** A structured copy of request params, taken when request() is called (later page edits cannot reach it). */
export const clone: <T>(value: T) => T = structuredClone;
/** Reports an error thrown by a listener without breaking the caller. */
export const reportLater: (task: () => void) => void = queueMicrotask.bind(globalThis);
const getRandomValues: (array: Uint8Array) => Uint8Array = crypto.getRandomValues.bind(crypto);
const NativeUint8Array = Uint8Array;

/** The getter (or setter) of `proto[key]` as it is now (at load), or undefined. */
export function accessorOf(proto: object | undefined, key: string, kind: 'get' | 'set'): ((this: unknown, ...args: unknown[]) => unknown) | undefined {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- unbound on purpose: called only through apply()
  return proto ? (getOwnPropertyDescriptor(proto, key)?.[kind] as ((this: unknown, ...args: unknown[]) => unknown) | undefined) : undefined;
}

/** A dictionary with no prototype: `d['__proto__']` or a polluted `Object.prototype` mean nothing to it. */
export function dict<T>(): Record<string, T> {
  return create(null) as Record<string, T>;
}

/** `obj[key]` if it is an own property, else undefined (a polluted prototype cannot inject it). */
export function own(obj: object, key: string): unknown {
  return hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/**
 * `obj[key] = value` as a plain assignment would make it (writable, enumerable, configurable),
 * but defined: an inherited setter (a polluted prototype) cannot intercept it.
 */
export function setOwn(obj: object, key: PropertyKey, value: unknown): void {
  defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** arr.push(value) without Array.prototype (an inherited index setter cannot intercept it). */
export function append<T>(arr: T[], value: T): void {
  setOwn(arr, arr.length, value);
}

const HEX = '0123456789abcdef';

/**
 * A random UUID v4. Built on getRandomValues rather than crypto.randomUUID, which exists only
 * in secure contexts while this script also runs on plain-http pages.
 */
export function randomUuid(): string {
  const bytes = getRandomValues(new NativeUint8Array(16));
  let out = '';
  for (let i = 0; i < 16; i++) {
    let byte = bytes[i] ?? 0;
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += (HEX[byte >> 4] ?? '') + (HEX[byte & 15] ?? '');
  }
  return out;
}
