/** Serialises async sections so two vault writes never interleave. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    // Settle the tail with undefined, not with fn's result: the last result (e.g. the decrypted
    // keyring an unlock returns) must not stay reachable from here after the caller dropped it.
    this.tail = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }
}
