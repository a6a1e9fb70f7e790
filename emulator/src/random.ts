// A small seeded PRNG. The data set, the ids of created resources and the fault draws each get
// their own stream, so switching a fault on never changes which ids a test sees.

const HEX = '0123456789abcdef';
/** Catalog ids use upper-case letters and digits (e.g. CFQ7TTC0LH18). */
export const CATALOG_ALPHABET = '0123456789BCDFGHJKLMNPQRSTVWXZ';
/** Availability term ids are lower-case letters and digits (e.g. 5aeco6mffyxo). */
export const TERM_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export class Random {
  private state: number;

  constructor(seed: number, stream = 0) {
    // Mix the stream into the seed so that streams of one seed are unrelated.
    this.state = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) | 0;
    for (let i = 0; i < 4; i++) this.next();
  }

  /** Uniform in [0, 1): a 32-bit mix in the style of mulberry32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  chars(length: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }

  hex(length: number): string {
    return this.chars(length, HEX);
  }

  /** A lower-case GUID (version nibble 4, like the service's ids). */
  guid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
  }
}
