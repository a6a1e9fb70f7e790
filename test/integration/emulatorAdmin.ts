// Talks to the emulator's admin surface (/_emulator/...) from inside the extension host: what it
// recorded, and which faults it injects. Admin calls are never recorded, faulted or rate limited.
import { emulatorUrl } from './helpers';

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
}

async function admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulatorUrl()}/_emulator/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  if (!res.ok) throw new Error(`emulator admin ${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

export interface Fixtures {
  customerId: string;
  customersWithoutMca: string[];
  catalog: { license: string; [kind: string]: string };
}

/** Calls the emulator's Partner Center API directly (not through the extension), as another tool would. */
export async function partnerCenterApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulatorUrl()}/v1${path}`, {
    method,
    headers: {
      authorization: 'Bearer integration-test',
      'content-type': 'application/json',
      'ms-requestid': crypto.randomUUID(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = (await res.text()).replace(/^\uFEFF/, '');
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export const emulator = {
  fixtures: () => admin<Fixtures>('GET', 'fixtures'),
  health: () => admin<{ customers: number }>('GET', 'health'),
  requests: () => admin<RecordedRequest[]>('GET', 'requests'),
  resetRequests: () => admin('POST', 'requests/reset'),
  setFaults: (faults: Record<string, number>) => admin('POST', 'faults', faults),
};
