// What the command line prints on standard output, written straight to file descriptor 1.
//
// Node makes `process.stdout` (a stream, and for a pipe the net module behind it) the first time it
// is touched: 2–3 ms of a `validate` run whose whole budget over node's own start is about 10 ms
// on Node 24 (issue 14). A command that prints its answer once needs none of it. The write is
// synchronous, as node's own stream is for files and terminals, so nothing is left unwritten when
// the process exits. Two things a stream would handle are handled here:
//  - EAGAIN: the pipe is non-blocking and full. It is non-blocking when stderr goes to the same
//    pipe (`2>&1`) and this process has written to stderr (node's stream sets the flag on the pipe
//    both descriptors share), or when another process sharing it did the same; wait a moment and
//    write the rest.
//  - EPIPE: the reader has gone (`partner-center validate big.order.json | head -1`); the rest has
//    nowhere to go and is dropped, and the command ends with its own exit status.
// On Windows the stream is kept: only it converts text for the console's code page.
// Commands that stream to stdout over time (the emulator, the MCP server) use `process.stdout`,
// with guardStdoutPipe.
import { writeSync } from 'node:fs';

/** Set once the reader of standard output has gone: later output is dropped too. */
let readerGone = false;

export function writeStdout(text: string): void {
  if (readerGone) return;
  if (process.platform === 'win32') {
    guardStdoutPipe();
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        waitMs(1);
      } else if (code === 'EPIPE') {
        readerGone = true;
        return;
      } else {
        throw err;
      }
    }
  }
}

/** Blocks the thread for `ms` (a synchronous write has no event loop to wait on). */
function waitMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

let guarded = false;

/**
 * For output written to `process.stdout` as a stream: a reader that stops early closes the pipe,
 * and the stream's EPIPE error ends the command as it would have ended, instead of killing it with
 * a stack trace. Installed once, by the commands that use the stream.
 */
export function guardStdoutPipe(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}
