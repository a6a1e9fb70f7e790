// Public surface of sign-in. Shared code: no `vscode` here; the extension adapts SecretStorage
// and its UI to these interfaces.
export { type AppCredential, parseCertificatePem, credentialKindLabel } from './appCredential';
export {
  type AppCredentialKind,
  type AppRegistration,
  type AppRegistrationInput,
  type AuthCloud,
  type SignInFlow,
  type UserFlow,
  cacheKey,
  credentialKey,
  resolveAppRegistration,
} from './appRegistration';
export { SecretStoreCachePlugin, isEmptyCache } from './cachePlugin';
export {
  SignInError,
  type SignInErrorContext,
  type SignInFailure,
  explainPartnerCenterAuthError,
  translateAuthError,
} from './errors';
export { type AuthLog, type AuthLogLevel, type MsalEnvironment } from './msalFactory';
export { SignInNetworkError, UndiciNetworkModule, type NetworkModuleOptions } from './network';
export {
  PartnerCenterAuth,
  REFRESH_MARGIN_MS,
  type SignedInAccount,
  type TokenOptions,
  type UserFlowRequest,
} from './partnerCenterAuth';
export { redactSecrets } from './redact';
export { MemorySecretStore, SECRET_PREFIX, type SecretStore } from './secretStore';
export { DEFAULT_BROWSER_TIMEOUT_MS, type DeviceCodeInfo, type DeviceCodeOptions, type InteractiveOptions } from './userSignIn';
