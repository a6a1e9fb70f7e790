// Injected faults. Draws come from their own seeded stream, so a run with the same seed and the
// same request sequence fails the same requests, and data ids never shift when faults change.

import { type EmulatorFaults } from './options';
import { Random } from './random';

export type FaultName = 'status-503' | 'reset-before-commit' | 'reset-after-commit';

export class Faults {
  private current: EmulatorFaults = {};
  private readonly rng: Random;

  constructor(seed: number, initial: EmulatorFaults | undefined) {
    this.rng = new Random(seed, 2);
    this.set(initial);
  }

  set(faults: EmulatorFaults | undefined): void {
    this.current = { ...(faults ?? {}) };
  }

  get(): EmulatorFaults {
    return { ...this.current };
  }

  get latencyMs(): number {
    return Math.max(0, this.current.latencyMs ?? 0);
  }

  /** Draws only for faults that are switched on, so p = 1 always fires and p = 0 never does. */
  draw(name: FaultName): boolean {
    const p = name === 'status-503' ? this.current.status503 : name === 'reset-before-commit' ? this.current.resetBeforeCommit : this.current.resetAfterCommit;
    if (p === undefined || p <= 0) return false;
    return p >= 1 || this.rng.next() < p;
  }
}

/** Reads a faults object in any key casing or the CLI's kebab-case names; rejects bad values. */
export function parseFaults(value: unknown): EmulatorFaults {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('faults must be a JSON object');
  const out: EmulatorFaults = {};
  for (const [rawKey, raw] of Object.entries(value)) {
    const key = rawKey.toLowerCase().replace(/[-_\s]/g, '');
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(n) || n < 0) throw new Error(`fault '${rawKey}' needs a number >= 0`);
    if (key === 'latencyms') {
      out.latencyMs = n;
      continue;
    }
    if (n > 1) throw new Error(`fault '${rawKey}' is a probability between 0 and 1`);
    if (key === 'resetaftercommit') out.resetAfterCommit = n;
    else if (key === 'resetbeforecommit') out.resetBeforeCommit = n;
    else if (key === 'status503') out.status503 = n;
    else throw new Error(`unknown fault '${rawKey}' (reset-after-commit, reset-before-commit, status-503, latency-ms)`);
  }
  return out;
}
