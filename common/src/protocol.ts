// The messages between the extension and the language server, defined once and imported by both
// sides (esbuild bundles this file into each). The server never holds a token: whatever it needs
// from Partner Center it asks the extension for through these requests.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Sent by the extension after start and whenever settings change: where the server may look. */
export interface ServerSettings {
  /** Extra glob → request kind associations from `partnerCenter.requestFiles`. */
  requestFiles: Record<string, string>;
}

export namespace ServerStatusNotification {
  /** Sent by the server when it is ready (and after any state change worth showing in the status bar). */
  export const method = 'partnerCenter/serverStatus' as const;
  export const type = new NotificationType<{ ready: boolean; message?: string }>(method);
}

export namespace ServerInfoRequest {
  /** Sent by the extension (and the tests) to ask which request kinds the server knows, for diagnostics of the wiring. */
  export const method = 'partnerCenter/serverInfo' as const;
  export const type = new RequestType<void, { version: string; kinds: string[] }, void>(method);
}
