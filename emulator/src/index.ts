// The emulator's public entry: start a local Partner Center on a loopback port. Everything the
// rest of the project needs is exported from here; nothing here imports from client/ or common/.

import { type EmulatorOptions, type RunningEmulator } from './options';
import { startServer } from './server';

export {
  type EmulatorFaults, type EmulatorFixtures, type EmulatorOptions, type RecordedRequest, type RunningEmulator, type SubscriptionRef,
} from './options';

/** Seeds the data set, listens, and resolves once the server accepts connections. */
export function startEmulator(options?: EmulatorOptions): Promise<RunningEmulator> {
  return startServer(options);
}
