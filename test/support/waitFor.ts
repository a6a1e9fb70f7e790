// Tests wait for what they expect to see, never for a fixed time: the one polling helper of every
// tier (unit tests, the extension host's integration suite). It looks again after a few
// milliseconds, then less often, so a quick event is seen at once and a slow one does not keep a
// shared machine busy.

/**
 * Resolves with the first value `probe` gives other than undefined or false. A probe that throws
 * (a provider not registered yet) is asked again; if the deadline passes, the error names `what`
 * and the probe's last error.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 2, 50)) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
