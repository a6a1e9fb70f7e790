// The command-line tool: one entry, one subcommand per job. Each subcommand lives with the part it
// drives (the emulator in emulator/, sending in cli/src/send.ts, validation in cli/src/validate.ts), and is
// loaded only when asked for (parts.ts): this file only dispatches, and loads nothing else.
import { saveCodeCaches } from './compileCache';
import { emulatorPart, mcpPart, sendPart, validatePart } from './parts';
import { guardStdoutPipe, writeStdout } from './stdout';

type Subcommand = (argv: string[]) => Promise<number>;

const subcommands: Record<string, { summary: string; run: Subcommand }> = {
  // The emulator and the MCP server stream to stdout as they run; the others print their answers with writeStdout.
  emulator: {
    summary: 'run the local Partner Center emulator',
    run: (argv) => {
      guardStdoutPipe();
      return emulatorPart().emulatorCommand(argv);
    },
  },
  validate: {
    summary: 'check Partner Center request files (orders, carts, ...)',
    run: (argv) => validatePart().validateCommand(argv),
  },
  send: {
    summary: 'send a request file (orders are confirmed and sent exactly once)',
    run: (argv) => sendPart().sendCommand(argv),
  },
  mcp: {
    summary: 'serve the agent tools to an MCP client over stdio (reads and checks only, never buys)',
    run: (argv) => {
      guardStdoutPipe();
      return mcpPart().mcpCommand(argv);
    },
  },
  subscription: {
    summary: 'change a subscription (quantity, auto-renew, suspend, cancel, ...) read-review-send, once',
    run: (argv) => sendPart().subscriptionCommand(argv),
  },
};

function usage(): string {
  const lines = Object.entries(subcommands).map(([name, s]) => `  ${name.padEnd(10)} ${s.summary}`);
  return [
    'usage: partner-center <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'Run a command with --help for its options.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    writeStdout(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = subcommands[name];
  if (!command) {
    process.stderr.write(`unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  )
  .finally(saveCodeCaches);
