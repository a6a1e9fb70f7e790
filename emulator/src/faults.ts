// Injected faults. Draws come from their own seeded stream, so a run with the same seed and the
// same request sequence fails the same requests, and data ids never shift when faults change.

import { type EmulatorFaults, type RecordedRequest } from './options';
import { Random } from './random';

export type FaultName = NonNullable<RecordedRequest['fault']>;

/** Each probability fault: its name on the command line and its key in EmulatorFaults. */
const PROBABILITIES: Record<FaultName, keyof EmulatorFaults> = {
  'reset-before-commit': 'resetBeforeCommit',
  'reset-after-commit': 'resetAfterCommit',
  'status-503': 'status503',
  'status-500': 'status500',
  'status-500-after-commit': 'status500AfterCommit',
  'status-200-error': 'status200Error',
  'checkout-order-errors': 'checkoutOrderErrors',
  'slow-patch': 'slowPatch',
};

export class Faults {
  private current: EmulatorFaults = {};
  private fired = 0;
  private readonly rng: Random;

  constructor(seed: number, initial: EmulatorFaults | undefined) {
    this.rng = new Random(seed, 2);
    this.set(initial);
  }

  /** Replaces the faults and restarts the `limit` count. */
  set(faults: EmulatorFaults | undefined): void {
    this.current = { ...(faults ?? {}) };
    this.fired = 0;
  }

  get(): EmulatorFaults {
    return { ...this.current };
  }

  get latencyMs(): number {
    return Math.max(0, this.current.latencyMs ?? 0);
  }

  /** Draws only for faults that are switched on, so p = 1 always fires and p = 0 never does;
   * once `limit` faults have fired, none fires until the faults are set again. */
  draw(name: FaultName): boolean {
    const p = this.current[PROBABILITIES[name]];
    if (p === undefined || p <= 0) return false;
    if (this.current.limit !== undefined && this.fired >= this.current.limit) return false;
    const fires = p >= 1 || this.rng.next() < p;
    if (fires) this.fired++;
    return fires;
  }
}

const KEYS = new Map<string, keyof EmulatorFaults>([
  ...Object.entries(PROBABILITIES).map(([name, key]) => [normal(name), key] as const),
  ['latencyms', 'latencyMs'],
  ['limit', 'limit'],
]);

function normal(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/** Reads a faults object in any key casing or the CLI's kebab-case names; rejects bad values. */
export function parseFaults(value: unknown): EmulatorFaults {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('faults must be a JSON object');
  const out: EmulatorFaults = {};
  for (const [rawKey, raw] of Object.entries(value)) {
    const key = KEYS.get(normal(rawKey));
    if (key === undefined) {
      throw new Error(`unknown fault '${rawKey}' (${[...Object.keys(PROBABILITIES), 'latency-ms', 'limit'].join(', ')})`);
    }
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(n) || n < 0) throw new Error(`fault '${rawKey}' needs a number >= 0`);
    if (key === 'limit' && !Number.isInteger(n)) throw new Error(`fault '${rawKey}' is a whole number of faults`);
    if (key !== 'latencyMs' && key !== 'limit' && n > 1) throw new Error(`fault '${rawKey}' is a probability between 0 and 1`);
    out[key] = n;
  }
  return out;
}
