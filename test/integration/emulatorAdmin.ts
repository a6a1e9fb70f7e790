// Talks to the emulator's admin surface (/_emulator/...) from inside the extension host: what it
// recorded, and which faults it injects. Admin calls are never recorded, faulted or rate limited.
import { emulatorUrl } from './helpers';

export interface RecordedRequest { method: string; path: string; status: number }

async function admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulatorUrl()}/_emulator/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`emulator admin ${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

export const emulator = {
  health: () => admin<{ customers: number }>('GET', 'health'),
  requests: () => admin<RecordedRequest[]>('GET', 'requests'),
  resetRequests: () => admin('POST', 'requests/reset'),
  setFaults: (faults: Record<string, number>) => admin('POST', 'faults', faults),
};
