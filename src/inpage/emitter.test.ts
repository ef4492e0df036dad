import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from './emitter';

describe('createEmitter', () => {
  it('calls listeners in the order they were added, with the payload', () => {
    const e = createEmitter();
    const calls: string[] = [];
    e.on('x', (p) => calls.push(`a${String(p)}`));
    e.on('x', (p) => calls.push(`b${String(p)}`));
    e.on('y', () => calls.push('y'));
    expect(e.emit('x', 1)).toBe(true);
    expect(e.emit('nobody', 1)).toBe(false);
    expect(calls).toEqual(['a1', 'b1']);
  });

  it('once fires once; off removes the latest registration; removeAll clears', () => {
    const e = createEmitter();
    const fn = vi.fn();
    e.once('x', fn);
    e.emit('x', 1);
    e.emit('x', 2);
    expect(fn).toHaveBeenCalledTimes(1);
    // How many times one emit calls fn: the listeners registered for `event`.
    const calls = (event: string) => {
      fn.mockClear();
      e.emit(event, 0);
      return fn.mock.calls.length;
    };
    e.on('x', fn);
    e.on('x', fn);
    expect(calls('x')).toBe(2);
    e.off('x', fn);
    expect(calls('x')).toBe(1);
    e.off('x', () => undefined);
    expect(calls('x')).toBe(1);
    e.on('y', fn);
    e.removeAll('x');
    expect(calls('x')).toBe(0);
    expect(calls('y')).toBe(1);
    e.removeAll();
    expect(calls('y')).toBe(0);
  });

  it('does not call listeners added during an emit until the next one', () => {
    const e = createEmitter();
    const late = vi.fn();
    e.on('x', () => e.on('x', late));
    e.emit('x', 0);
    expect(late).not.toHaveBeenCalled();
    e.emit('x', 0);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('keeps going when a listener throws, and reports the error later', async () => {
    const e = createEmitter();
    const after = vi.fn();
    const reported = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    e.on('x', () => {
      throw new Error('dApp bug');
    });
    e.on('x', after);
    e.emit('x', 0);
    expect(after).toHaveBeenCalled();
    expect(((await reported) as Error).message).toBe('dApp bug');
  });

  it('rejects non-function listeners and is immune to Object.prototype pollution', () => {
    const e = createEmitter();
    expect(() => e.on('x', 'nope' as unknown as () => void)).toThrow(TypeError);
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = { fn: () => undefined, once: false };
    proto['1'] = { fn: () => undefined, once: false };
    try {
      expect(e.emit('polluted', 0)).toBe(false);
      expect(e.emit('__proto__', 0)).toBe(false);
      e.on('__proto__', () => undefined);
      expect(e.emit('__proto__', 0)).toBe(true);
    } finally {
      delete proto.polluted;
      delete proto['1'];
    }
  });
});
