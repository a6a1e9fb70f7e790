// The first sign-in, step by step: which cloud, which app registration (client id), which
// tenant, which way to sign in, and whether the account is production or an integration
// sandbox. The answers become settings (nothing secret); a client secret or certificate goes
// straight to SecretStorage with the sign-in.
import * as vscode from 'vscode';
import { type AppCredential, parseCertificatePem } from '../../../common/src/auth/appCredential';
import { type SignInFlow } from '../../../common/src/auth/appRegistration';
import { type Config, type EnvironmentName } from '../config';

export interface GuidedAnswers {
  credential?: AppCredential;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Asks the questions and writes the settings; undefined when the person cancelled. */
export async function runGuidedSetup(config: Config): Promise<GuidedAnswers | undefined> {
  const current = config.auth;
  const title = 'Set Up Partner Center Sign-In';
  const cloud = await vscode.window.showQuickPick(
    [
      { label: 'Global', description: 'api.partnercenter.microsoft.com', value: 'global' as EnvironmentName },
      { label: 'US Government', description: 'Microsoft Cloud for US Government', value: 'usGovernment' as EnvironmentName },
      {
        label: 'China (21Vianet)',
        description: 'Partner Center operated by 21Vianet',
        value: 'china21Vianet' as EnvironmentName,
      },
    ],
    { title: `${title} (1/5)`, placeHolder: 'Which Partner Center cloud is your account in?', ignoreFocusOut: true },
  );
  if (!cloud) return undefined;
  const clientId = await vscode.window.showInputBox({
    title: `${title} (2/5)`,
    value: current.clientId,
    ignoreFocusOut: true,
    prompt:
      'Application (client) ID of your Entra ID app registration. It must be added in Partner Center → Account settings → App management.',
    validateInput: (v) => (GUID.test(v.trim()) ? undefined : 'Enter a GUID such as 00000000-0000-0000-0000-000000000000.'),
  });
  if (clientId === undefined) return undefined;
  const flow = await vscode.window.showQuickPick(
    [
      { label: 'Browser', description: 'App+User: sign in with your account in the browser', value: 'interactive' as SignInFlow },
      {
        label: 'Device code',
        description: 'App+User: enter a code on any device (remote, SSH)',
        value: 'deviceCode' as SignInFlow,
      },
      { label: 'Client secret', description: 'App-only: the app signs in with its secret', value: 'clientSecret' as SignInFlow },
      {
        label: 'Certificate',
        description: 'App-only: the app signs in with a certificate (PEM)',
        value: 'clientCertificate' as SignInFlow,
      },
    ],
    {
      title: `${title} (3/5)`,
      placeHolder: 'How do you sign in? Some APIs (entitlements, agreements) need App+User.',
      ignoreFocusOut: true,
    },
  );
  if (!flow) return undefined;
  const appOnly = flow.value === 'clientSecret' || flow.value === 'clientCertificate';
  const tenant = await vscode.window.showInputBox({
    title: `${title} (4/5)`,
    value: current.tenant === 'organizations' && appOnly ? '' : current.tenant,
    ignoreFocusOut: true,
    prompt: appOnly
      ? 'Your partner tenant id or domain (e.g. contoso.onmicrosoft.com).'
      : 'Your partner tenant id or domain, or "organizations" for any work account.',
    validateInput: (v) =>
      /^[A-Za-z0-9.-]+$/.test(v.trim()) && !(appOnly && v.trim() === 'organizations')
        ? undefined
        : 'Enter a tenant id or domain.',
  });
  if (tenant === undefined) return undefined;
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Production', description: 'orders are real and cost money', sandbox: false },
      { label: 'Integration sandbox', description: 'a Partner Center test account', sandbox: true },
    ],
    { title: `${title} (5/5)`, placeHolder: 'Is this account production or an integration sandbox?', ignoreFocusOut: true },
  );
  if (!kind) return undefined;
  let credential: AppCredential | undefined;
  if (appOnly) {
    credential = await askCredential(flow.value === 'clientSecret' ? 'clientSecret' : 'clientCertificate');
    if (!credential) return undefined;
  }
  await config.saveSignInSetup({
    environment: cloud.value,
    clientId: clientId.trim(),
    tenant: tenant.trim(),
    flow: flow.value,
    integrationSandbox: kind.sandbox,
  });
  return { credential };
}

/** Asks for a client secret (masked) or a PEM file; the value goes to SecretStorage only. */
export async function askCredential(kind: 'clientSecret' | 'clientCertificate'): Promise<AppCredential | undefined> {
  if (kind === 'clientSecret') {
    const secret = await vscode.window.showInputBox({
      title: 'Partner Center App Credential',
      password: true,
      ignoreFocusOut: true,
      prompt:
        'Client secret value of the app (Entra ID → Certificates & secrets). It is stored in the OS keychain, never in settings.',
      validateInput: (v) => (v.trim() === '' ? 'Enter the secret value (not its id).' : undefined),
    });
    return secret === undefined ? undefined : { kind, secret: secret.trim() };
  }
  const files = await vscode.window.showOpenDialog({
    title: 'Certificate and private key (PEM)',
    canSelectMany: false,
    filters: { 'PEM files': ['pem', 'crt', 'key'] },
  });
  if (!files?.[0]) return undefined;
  const pem = Buffer.from(await vscode.workspace.fs.readFile(files[0])).toString('utf8');
  // Fail here, with the file's problem, rather than later at sign-in.
  parseCertificatePem(pem);
  return { kind, pem };
}
