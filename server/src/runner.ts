// Every request handler runs through these wrappers: a cancelled request answers RequestCancelled,
// a failure is logged and answers a harmless default instead of an exception.
import { type CancellationToken, type Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export async function runSafeAsync<T>(
  connection: Connection,
  run: () => Promise<T> | T,
  defaultValue: T,
  what: string,
  token: CancellationToken,
): Promise<T | ResponseError<void>> {
  if (token.isCancellationRequested) return cancelled();
  try {
    const result = await run();
    return token.isCancellationRequested ? cancelled() : result;
  } catch (err) {
    connection.console.error(`${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return defaultValue;
  }
}
