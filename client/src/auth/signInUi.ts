// What a person sees during an App+User sign-in: a cancellable notification while the browser
// is open, or the device code with a "Copy Code and Open" action. The code itself appears only
// in that notification; it is never logged.
import * as vscode from 'vscode';
import { type DeviceCodeInfo, type UserFlowRequest } from '../../../common/src/auth';
import { apiPart } from '../parts';

/** Runs `signIn` with the flow's UI; the flow object carries the callbacks MSAL needs. */
export async function withUserSignInUi<T>(
  flow: 'interactive' | 'deviceCode',
  where: string,
  signIn: (request: UserFlowRequest) => Promise<T>,
): Promise<T> {
  const title =
    flow === 'interactive'
      ? `Signing in to Partner Center (${where}) in your browser…`
      : `Waiting for the device code sign-in to Partner Center (${where})…`;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      const request: UserFlowRequest =
        flow === 'interactive'
          ? { flow, openBrowser, signal: controller.signal }
          : { flow, onCode: (info) => void showDeviceCode(info), signal: controller.signal };
      return signIn(request).finally(() => subscription.dispose());
    },
  );
}

async function openBrowser(url: string): Promise<void> {
  const opened = await vscode.env.openExternal(vscode.Uri.parse(url));
  // The api part's own class: its translateAuthError recognises the error as a sign-in error.
  if (!opened) {
    throw new (apiPart().SignInError)(
      'cancelled',
      'The browser was not opened, so the sign-in was cancelled. Set partnerCenter.auth.flow to "deviceCode" to sign in without a browser on this machine.',
    );
  }
}

async function showDeviceCode(info: DeviceCodeInfo): Promise<void> {
  const minutes = Math.max(1, Math.round(info.expiresInSeconds / 60));
  const copyAndOpen = 'Copy Code and Open';
  const choice = await vscode.window.showInformationMessage(
    `To sign in to Partner Center, open ${info.verificationUri} and enter the code ${info.userCode} (valid for ${minutes} minutes).`,
    copyAndOpen,
  );
  if (choice === copyAndOpen) {
    await vscode.env.clipboard.writeText(info.userCode);
    await vscode.env.openExternal(vscode.Uri.parse(info.verificationUri));
  }
}
