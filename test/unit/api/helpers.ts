// Plumbing for the API client's tests: a client with fast back-off, against the emulator for
// service behaviour and against scripted servers (test/support/scriptedServer.ts) for the wire.
import { type TestContext } from 'node:test';
import {
  PartnerCenterClient,
  type PartnerCenterClientOptions,
  type RequestLogEvent,
  type TokenProvider,
} from '../../../common/src/api';
import { type EmulatorOptions, type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';

export const TOKEN = 'test-token-abc123-SECRET';

export const tokenProvider: TokenProvider = { getToken: () => Promise.resolve(TOKEN) };

/** A client with fast back-off so retry tests stay quick. */
export function makeClient(endpoint: string, extra: Partial<PartnerCenterClientOptions> = {}): PartnerCenterClient {
  return new PartnerCenterClient({
    endpoint,
    tokenProvider,
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
    ...extra,
  });
}

/** An emulator and a client with fast back-off for one test; both close when the test ends. */
export async function emulatorAndClient(
  t: TestContext,
  options: EmulatorOptions = {},
  clientOptions: Partial<PartnerCenterClientOptions> = {},
): Promise<{ emu: RunningEmulator; client: PartnerCenterClient }> {
  const emu = await withEmulator(t, options);
  const client = makeClient(emu.url, clientOptions);
  t.after(() => client.close());
  return { emu, client };
}

/** A clock for the emulator that stands still until the test moves it, so rate-limit windows and
 * Retry-After values do not depend on how fast the machine runs the test. */
export function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let now = Date.now();
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

export function collectLogs(): { events: RequestLogEvent[]; logger: (e: RequestLogEvent) => void } {
  const events: RequestLogEvent[] = [];
  return { events, logger: (e) => events.push(e) };
}

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
