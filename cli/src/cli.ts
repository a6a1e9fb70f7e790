// The command-line tool: one entry, one subcommand per job. Each subcommand lives with the part it
// drives (the emulator in emulator/, sending in cli/src/send.ts, validation in cli/src/validate.ts), and is
// loaded only when asked for (parts.ts): this file only dispatches, and loads nothing else.
import { saveCodeCaches } from './compileCache';
import { emulatorPart, mcpPart, sendPart, validatePart } from './parts';

type Subcommand = (argv: string[]) => Promise<number>;

const subcommands: Record<string, { summary: string; run: Subcommand }> = {
  emulator: { summary: 'run the local Partner Center emulator', run: (argv) => emulatorPart().emulatorCommand(argv) },
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
    run: (argv) => mcpPart().mcpCommand(argv),
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
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = subcommands[name];
  if (!command) {
    process.stderr.write(`unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  return command.run(rest);
}

// A reader that stops early (`partner-center validate big.order.json | head -1`) closes the pipe:
// the rest of the output has nowhere to go and is dropped. The command ends as it would have, with
// its own exit status, instead of dying of an unhandled EPIPE with a stack trace. Only stdout, where
// the output goes: making stderr's stream as well would cost every run's start.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

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
