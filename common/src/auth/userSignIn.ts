// The two App+User flows. Interactive: authorization code with PKCE through MSAL's loopback
// redirect, the browser opened by the caller (VS Code's openExternal). Device code: the caller
// shows the code; it works where no browser can reach this machine (remote, SSH, containers).
import { type AuthenticationResult, type DeviceCodeRequest, type PublicClientApplication } from '@azure/msal-node';
import { request } from 'undici';
import { SignInError } from './errors';

export interface InteractiveOptions {
  /** Opens the authorization URL in a browser. The URL carries no secret, only the PKCE challenge. */
  openBrowser(url: string): Promise<void>;
  signal?: AbortSignal;
  /** How long the browser may take. Default 5 minutes. */
  timeoutMs?: number;
  loginHint?: string;
}

export interface DeviceCodeInfo {
  userCode: string;
  verificationUri: string;
  expiresInSeconds: number;
}

export interface DeviceCodeOptions {
  /** Shows the code to the person; called once, before polling starts. */
  onCode(info: DeviceCodeInfo): void;
  signal?: AbortSignal;
}

export const DEFAULT_BROWSER_TIMEOUT_MS = 5 * 60_000;

const SUCCESS_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Partner Center</title><p>You are signed in to Partner Center. You can close this tab and return to VS Code.</p>';
const ERROR_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Partner Center</title><p>The sign-in did not complete. Return to VS Code to see what to do next.</p>';

export async function signInInteractive(
  pca: PublicClientApplication,
  scopes: string[],
  options: InteractiveOptions,
): Promise<AuthenticationResult> {
  if (options.signal?.aborted) throw new SignInError('cancelled', 'Sign-in was cancelled.');
  // MSAL waits on its loopback server without a time limit. To stop it (timeout, cancel) we
  // answer the loopback ourselves with an error, which makes MSAL close the server and reject.
  let loopback: { redirectUri: string; state: string } | undefined;
  let stopped: 'timeout' | 'cancelled' | undefined;
  const stop = (why: 'timeout' | 'cancelled') => {
    if (stopped) return;
    stopped = why;
    if (loopback) void answerLoopback(loopback.redirectUri, loopback.state);
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_BROWSER_TIMEOUT_MS;
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('cancelled');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await pca.acquireTokenInteractive({
      scopes,
      prompt: 'select_account',
      loginHint: options.loginHint,
      successTemplate: SUCCESS_PAGE,
      errorTemplate: ERROR_PAGE,
      openBrowser: async (url) => {
        const parsed = new URL(url);
        loopback = { redirectUri: parsed.searchParams.get('redirect_uri') ?? '', state: parsed.searchParams.get('state') ?? '' };
        if (stopped) {
          void answerLoopback(loopback.redirectUri, loopback.state);
          return;
        }
        await options.openBrowser(url);
      },
    });
  } catch (err) {
    if (stopped === 'timeout') {
      throw new SignInError(
        'browserTimedOut',
        `The browser sign-in did not finish within ${Math.round(timeoutMs / 60_000) || 1} minute(s); the browser tab may have been closed. Run Sign In again, or switch partnerCenter.auth.flow to "deviceCode" if the browser cannot reach VS Code (remote or SSH sessions).`,
      );
    }
    if (stopped === 'cancelled') throw new SignInError('cancelled', 'Sign-in was cancelled.');
    throw err;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Posts an error to MSAL's loopback the way the authority would, so MSAL stops waiting. */
async function answerLoopback(redirectUri: string, state: string): Promise<void> {
  if (redirectUri === '' || state === '') return;
  // MSAL listens on 127.0.0.1 but names it "localhost", which may resolve to ::1 first.
  const url = new URL(redirectUri);
  url.hostname = '127.0.0.1';
  const body = new URLSearchParams({
    error: 'access_denied',
    error_description: 'The sign-in was stopped in VS Code.',
    state,
  }).toString();
  try {
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(5000),
    });
    await res.body.dump();
  } catch {
    // The server may already be closed: then MSAL is not waiting any more either.
  }
}

export async function signInWithDeviceCode(
  pca: PublicClientApplication,
  scopes: string[],
  options: DeviceCodeOptions,
): Promise<AuthenticationResult> {
  const req: DeviceCodeRequest = {
    scopes,
    deviceCodeCallback: (response) =>
      options.onCode({
        userCode: response.userCode,
        verificationUri: response.verificationUri,
        expiresInSeconds: response.expiresIn,
      }),
  };
  // MSAL reads `cancel` on the request object between polls.
  const onAbort = () => {
    req.cancel = true;
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await pca.acquireTokenByDeviceCode(req);
    if (!result) throw new SignInError('unknown', 'The device code sign-in ended without a token. Run Sign In again.');
    return result;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
