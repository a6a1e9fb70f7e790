// The admin surface under /_emulator/, for tests that run in another process (e.g. inside the
// VS Code extension host). It is never faulted, rate limited or recorded; adminGuard.ts decides
// who may call it (the API's token with --require-token, and never a foreign web page).

import { type Faults, parseFaults } from './faults';
import { type EmulatorFixtures, type RecordedRequest } from './options';
import { type HttpAnswer } from './router';

export interface AdminState {
  requests: RecordedRequest[];
  faults: Faults;
  fixtures: EmulatorFixtures;
  seed: number;
  customers: number;
}

export function handleAdmin(method: string, path: string, raw: string, state: AdminState): HttpAnswer {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /_emulator/health':
      return ok({ status: 'ok', seed: state.seed, customers: state.customers, faults: state.faults.get() });
    case 'GET /_emulator/requests':
      return ok(state.requests);
    case 'POST /_emulator/requests/reset': {
      const cleared = state.requests.length;
      state.requests.length = 0; // same array: RunningEmulator.requests stays live
      return ok({ cleared });
    }
    case 'GET /_emulator/faults':
      return ok(state.faults.get());
    case 'POST /_emulator/faults':
      try {
        state.faults.set(parseFaults(raw.trim() === '' ? {} : JSON.parse(raw.replace(/^\uFEFF/, ''))));
        return ok(state.faults.get());
      } catch (e) {
        return { status: 400, body: { error: e instanceof Error ? e.message : String(e) } };
      }
    case 'GET /_emulator/fixtures':
      return ok(state.fixtures);
    default:
      return {
        status: 404,
        body: {
          error: `unknown admin endpoint ${route}`,
          endpoints: [
            'GET /_emulator/health',
            'GET /_emulator/requests',
            'POST /_emulator/requests/reset',
            'GET|POST /_emulator/faults',
            'GET /_emulator/fixtures',
          ],
        },
      };
  }
}

function ok(body: unknown): HttpAnswer {
  return { status: 200, body };
}
