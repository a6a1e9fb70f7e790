// Matches a method and a path (without /v1) to a handler. Literal segments compare
// case-insensitively, as the real service's paths do (`provisioningStatus` = `provisioningstatus`).

import { type IncomingHttpHeaders } from 'node:http';
import { type Store } from './data/store';
import { type FaultName } from './faults';

export interface RequestContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  /** JSON body with keys in canonical camelCase (see casing.ts); undefined when empty. */
  body: unknown;
  headers: IncomingHttpHeaders;
  now: number;
  store: Store;
  provisioningDelayMs: number;
  /** App-only callers are refused on App+User-only APIs (900329). */
  appOnly: boolean;
  /** Draws a fault a route applies itself (checkout order errors); true when it fires. */
  fault(name: FaultName): boolean;
}

/** What the emulator answers a request with; server.ts writes it with the service's headers. */
export interface HttpAnswer {
  status: number;
  /** A reason phrase other than the standard one for the status. */
  statusText?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => HttpAnswer;

interface CompiledRoute {
  method: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  match(method: string, path: string): RouteMatch {
    const parts = split(path);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith('{') && p.endsWith('}')) {
      params[p.slice(1, -1)] = decodeURIComponent(parts[i]);
    } else if (p.toLowerCase() !== parts[i].toLowerCase()) {
      return undefined;
    }
  }
  return params;
}
