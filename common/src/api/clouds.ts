// Where each Partner Center cloud lives (reference §1.1). The US Government cloud shares the
// global API host but signs in against its own authority, so host and authority are separate.
import { isIPv4 } from 'node:net';

export type CloudName = 'global' | 'usGovernment' | 'china21Vianet' | 'emulator' | 'custom';

export interface CloudInfo {
  name: CloudName;
  displayName: string;
  /** Base URL without `/v1`; undefined for clouds whose URL the user supplies. */
  endpoint?: string;
  /** Entra authority without the tenant segment. */
  authority?: string;
  /** Token scope for the v2 endpoint. */
  scope?: string;
}

export const clouds: Readonly<Record<CloudName, CloudInfo>> = {
  global: {
    name: 'global',
    displayName: 'Global',
    endpoint: 'https://api.partnercenter.microsoft.com',
    authority: 'https://login.microsoftonline.com',
    scope: 'https://api.partnercenter.microsoft.com/.default',
  },
  usGovernment: {
    name: 'usGovernment',
    displayName: 'US Government',
    endpoint: 'https://api.partnercenter.microsoft.com',
    authority: 'https://login.microsoftonline.us',
    scope: 'https://api.partnercenter.microsoft.com/.default',
  },
  china21Vianet: {
    name: 'china21Vianet',
    displayName: 'China (21Vianet)',
    endpoint: 'https://partner.partnercenterapi.microsoftonline.cn',
    authority: 'https://login.chinacloudapi.cn',
    scope: 'https://partner.partnercenterapi.microsoftonline.cn/.default',
  },
  // The emulator and custom endpoints take any base URL and need no real sign-in.
  emulator: { name: 'emulator', displayName: 'Local emulator' },
  custom: { name: 'custom', displayName: 'Custom endpoint' },
};

/**
 * The base URL to give PartnerCenterClient for a cloud. Emulator and custom clouds need `customUrl`.
 * A trailing slash or `/v1` typed by a user is removed: the client adds `/v1` itself.
 */
export function resolveEndpoint(cloud: CloudName, customUrl?: string): string {
  const fixed = clouds[cloud].endpoint;
  const raw = fixed ?? customUrl;
  if (!raw) {
    throw new Error(`The ${clouds[cloud].displayName} cloud needs a base URL (for example http://127.0.0.1:7071).`);
  }
  return normalizeEndpoint(raw);
}

export function normalizeEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`"${raw}" is not a valid URL for a Partner Center endpoint.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`A Partner Center endpoint must use http or https, not ${url.protocol}`);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '');
  return `${url.origin}${path}`;
}

/**
 * True for hosts that can only be the local machine: a proxy could never reach them, and no money
 * is spent there. Only `localhost`, `::1` and an IPv4 address in 127.0.0.0/8 qualify; a name that
 * merely starts with "127." (127.0.0.1.example.com) is an ordinary remote host.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return h === 'localhost' || h === '::1' || (isIPv4(h) && h.startsWith('127.'));
}
