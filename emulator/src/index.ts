// The emulator's public entry: start a local Partner Center on a loopback port. Everything the
// rest of the project needs is exported from here; nothing here imports from client/ or common/.

export {
  type EmulatorFaults,
  type EmulatorFixtures,
  type EmulatorOptions,
  type RecordedRequest,
  type RunningEmulator,
  type SubscriptionRef,
} from './options';
export { startEmulator } from './server';
