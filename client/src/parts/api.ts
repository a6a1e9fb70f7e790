// The "api" part (dist/client-api.js), loaded with the first request: undici and the Partner Center
// API client, the catalog source the language server asks through, sign-in (msal) and the sending
// core. The entry reaches these only through apiPart() (client/src/parts.ts), so a window that
// never talks to Partner Center never loads them.
export { PartnerCenterClient } from '../../../common/src/api/client';
export { isPartnerCenterError } from '../../../common/src/api/errors';
export {
  PartnerCenterAuth,
  SignInError,
  UndiciNetworkModule,
  explainPartnerCenterAuthError,
  translateAuthError,
} from '../../../common/src/auth';
export { planFromText, recoverAll, runPlan } from '../../../common/src/send';
export { createExtensionCatalogSource } from '../language/catalogSource';
export { applyLifecycle, proposeLifecycle } from '../../../common/src/lifecycle/lifecycleChange';
export { reviewDocuments } from '../../../common/src/lifecycle/review';
export { applyUpgrade, proposeUpgrade, readUpgradeTargets, upgradeReview } from '../../../common/src/lifecycle/upgrade';
