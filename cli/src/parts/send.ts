// The "send" part (dist/cli-send.js): the sending core, the API client and the send command.
export { sendCommand } from '../send';
