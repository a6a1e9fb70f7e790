// Builds MSAL client applications with the three things this project insists on: the token
// cache in a SecretStore, HTTP through undici, and logs that are redacted and never carry PII.
import { type Configuration, ConfidentialClientApplication, LogLevel, PublicClientApplication } from '@azure/msal-node';
import { type AppRegistration, isMicrosoftAuthority } from './appRegistration';
import { SecretStoreCachePlugin } from './cachePlugin';
import { UndiciNetworkModule } from './network';
import { redactSecrets } from './redact';
import { type SecretStore } from './secretStore';

export type AuthLogLevel = 'error' | 'warn' | 'info' | 'debug';
export type AuthLog = (level: AuthLogLevel, message: string) => void;

export interface MsalEnvironment {
  secrets: SecretStore;
  /** Builds the HTTP module for an authority host; default: undici with the API's dispatcher rules. */
  network?: (authorityHost: string) => UndiciNetworkModule;
  log?: AuthLog;
  /** How much of MSAL's own logging to pass on. Default: warnings and errors. */
  msalLogLevel?: 'error' | 'warn' | 'info' | 'debug';
}

export interface MsalParts {
  plugin: SecretStoreCachePlugin;
  network: UndiciNetworkModule;
}

const LEVELS: Record<NonNullable<MsalEnvironment['msalLogLevel']>, LogLevel> = {
  error: LogLevel.Error,
  warn: LogLevel.Warning,
  info: LogLevel.Info,
  debug: LogLevel.Verbose,
};

export function createPublicApp(app: AppRegistration, env: MsalEnvironment, parts: MsalParts): PublicClientApplication {
  return new PublicClientApplication(configuration(app, env, parts));
}

export function createConfidentialApp(
  app: AppRegistration,
  env: MsalEnvironment,
  parts: MsalParts,
  credential: Pick<Configuration['auth'], 'clientSecret' | 'clientCertificate'>,
): ConfidentialClientApplication {
  const config = configuration(app, env, parts);
  return new ConfidentialClientApplication({ ...config, auth: { ...config.auth, ...credential } });
}

export function createParts(app: AppRegistration, env: MsalEnvironment, cacheKey: string): MsalParts {
  const network = env.network?.(app.authorityHost) ?? new UndiciNetworkModule({ authority: app.authorityHost });
  return { plugin: new SecretStoreCachePlugin(env.secrets, cacheKey), network };
}

function configuration(app: AppRegistration, env: MsalEnvironment, parts: MsalParts): Configuration {
  const log = env.log;
  return {
    auth: {
      clientId: app.clientId,
      authority: `${app.authorityHost}/${app.tenant}`,
      // MSAL looks up unknown hosts at login.microsoftonline.com first; a test or emulator
      // authority is declared as known so it is trusted as configured. Microsoft's own hosts get
      // MSAL's default, an empty list: `undefined` would replace that default, and MSAL then
      // fails on `knownAuthorities.filter` before any request, for every real cloud.
      knownAuthorities: isMicrosoftAuthority(app.authorityHost) ? [] : [new URL(app.authorityHost).host],
    },
    cache: { cachePlugin: parts.plugin },
    system: {
      networkClient: parts.network,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LEVELS[env.msalLogLevel ?? 'warn'],
        loggerCallback: (level, message) => {
          if (!log) return;
          const mapped: AuthLogLevel =
            level === LogLevel.Error ? 'error' : level === LogLevel.Warning ? 'warn' : level === LogLevel.Info ? 'info' : 'debug';
          log(mapped, `[msal] ${redactSecrets(message)}`);
        },
      },
    },
  };
}
