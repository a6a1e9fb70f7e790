// The emulator as a test starts it: one per test, closed when the test is over whether it passed
// or failed, so no test sees another's orders, faults or rate-limit window.
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../emulator/src/index';

/** What node:test gives a test that this needs: a way to run something once the test has ended. */
export interface TestScope {
  after(fn: () => Promise<void>): void;
}

/**
 * Orders settle after 50 ms instead of the emulator's 3 s, so a test that follows one to the end
 * does not wait; a test about provisioning says its own delay.
 */
const TEST_DEFAULTS: EmulatorOptions = { provisioningDelayMs: 50 };

/**
 * Starts an emulator for one test. Given the test's context it closes when the test ends; given a
 * function, when that function settles.
 */
export function withEmulator(t: TestScope, options?: EmulatorOptions): Promise<RunningEmulator>;
export function withEmulator(run: (emu: RunningEmulator) => Promise<void>, options?: EmulatorOptions): Promise<void>;
export async function withEmulator(
  scope: TestScope | ((emu: RunningEmulator) => Promise<void>),
  options: EmulatorOptions = {},
): Promise<RunningEmulator | void> {
  const emu = await startEmulator({ ...TEST_DEFAULTS, ...options });
  if (typeof scope !== 'function') {
    scope.after(() => emu.close());
    return emu;
  }
  try {
    await scope(emu);
  } finally {
    await emu.close();
  }
}
