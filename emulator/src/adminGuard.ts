// Who may use the admin surface (/_emulator/...). It can switch faults on and read every recorded
// request, so a web page the developer happens to have open must not reach it: a page can send
// simple cross-origin POSTs (text/plain, no preflight), and through DNS rebinding can even read
// answers under its own host name. So: the Host must be loopback or the emulator's own address
// (defeats rebinding), an Origin header must be the emulator's own origin (defeats cross-site
// requests), POSTs must be JSON (a page cannot send that without a CORS preflight, which fails),
// and with `requireToken` the same bearer token as the API is required.

import { createHash, timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { type HttpAnswer } from './router';

export interface AdminGuard {
  requireToken?: string;
  /** The address the server was bound to (`--host`). */
  bindHost: string;
  /** The port it listens on (known once listening). */
  port(): number;
}

export function refuseAdmin(method: string, headers: IncomingHttpHeaders, guard: AdminGuard): HttpAnswer | undefined {
  const host = single(headers.host);
  if (host !== undefined && !ownHost(hostnameOf(`http://${host}`), guard)) {
    return refusal(
      403,
      `Host '${host}' is not this emulator; admin calls must address it by a loopback name or its own address.`,
    );
  }
  const origin = single(headers.origin);
  if (origin !== undefined && !ownOrigin(origin, guard)) {
    return refusal(403, `Origin '${origin}' may not call the admin endpoints.`);
  }
  if (guard.requireToken !== undefined && !sameSecret(bearer(single(headers.authorization)), guard.requireToken)) {
    return {
      ...refusal(401, 'The admin endpoints need the same bearer token as the API (--require-token).'),
      headers: { 'WWW-Authenticate': 'Bearer' },
    };
  }
  if (method === 'POST' && !isJson(single(headers['content-type']))) {
    return refusal(415, 'Admin POSTs must be sent with Content-Type: application/json.');
  }
  return undefined;
}

function refusal(status: number, error: string): HttpAnswer {
  return { status, body: { error } };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  } catch {
    return undefined;
  }
}

function ownOrigin(origin: string, guard: AdminGuard): boolean {
  let url: URL;
  try {
    url = new URL(origin); // "null" (sandboxed frames, file pages) does not parse, and is refused
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.port === String(guard.port()) && ownHost(hostnameOf(origin), guard);
}

/** Loopback names and addresses, the bind address, or an address of one of this machine's interfaces. */
function ownHost(hostname: string | undefined, guard: AdminGuard): boolean {
  if (hostname === undefined || hostname === '') return false;
  if (hostname === 'localhost' || hostname === guard.bindHost.toLowerCase()) return true;
  if (isIP(hostname) === 0) return false; // any other name could be an attacker's, rebound to us
  if (/^127\./.test(hostname) || hostname === '::1' || /^::ffff:127\./.test(hostname)) return true;
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => i.address.toLowerCase() === hostname));
}

function bearer(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S.*)$/i.exec(authorization ?? '')?.[1].trim();
}

/** Compares digests, so the time taken says nothing about how much of the token matched. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}
