// The "send" part (dist/cli-send.js): the sending core, the API client, the send command and the
// subscription lifecycle command that sends through the same core.
export { sendCommand } from '../send';
export { subscriptionCommand } from '../subscription';
