// The "emulator" part (dist/cli-emulator.js): the local Partner Center and its command, nothing else.
export { emulatorCommand } from '../../../emulator/src/command';
