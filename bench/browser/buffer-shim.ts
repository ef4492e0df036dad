// @metamask/browser-passworder calls Node's Buffer (MetaMask ships a Buffer
// polyfill in its bundle). This is the minimal subset it uses, so the page can
// run it without adding a dependency. Its cost is negligible next to PBKDF2.

class BufferShim extends Uint8Array {
  static override from(value: unknown, encoding?: unknown): BufferShim {
    if (typeof value === 'string') {
      if (encoding === 'base64') {
        const bin = atob(value);
        const out = new BufferShim(bin.length);
        for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
        return out;
      }
      const bytes = new TextEncoder().encode(value);
      const out = new BufferShim(bytes.length);
      out.set(bytes);
      return out;
    }
    const src = value instanceof ArrayBuffer ? new Uint8Array(value) : (value as ArrayLike<number>);
    const out = new BufferShim(src.length);
    out.set(src);
    return out;
  }

  static isBuffer(value: unknown): boolean {
    return value instanceof BufferShim;
  }

  override toString(encoding?: string): string {
    if (encoding === 'base64') {
      let bin = '';
      for (let i = 0; i < this.length; i++) bin += String.fromCharCode(this[i]!);
      return btoa(bin);
    }
    return new TextDecoder().decode(this);
  }
}

(globalThis as unknown as { Buffer: typeof BufferShim }).Buffer = BufferShim;
