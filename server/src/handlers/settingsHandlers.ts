// Settings and catalog changes from the extension: both make every open document worth checking again.
import {
  CatalogChangedNotification,
  DidChangeServerSettingsNotification,
  type ServerSettings,
} from '../../../common/src/protocol';
import { refusedFilePattern } from '../../../common/src/requestKinds';
import { type ServerState } from '../serverState';

/**
 * The settings as the server uses them. A `partnerCenter.requestFiles` pattern the matcher refuses
 * (an extglob, braces...) is left out and reported through `warn`, never dropped silently.
 */
export function normalizeSettings(value: Partial<ServerSettings> | undefined, warn: (message: string) => void): ServerSettings {
  const requestFiles: Record<string, string> = {};
  for (const [glob, kind] of Object.entries(value?.requestFiles ?? {})) {
    if (typeof kind !== 'string') continue;
    const refused = refusedFilePattern(glob);
    if (refused) warn(`partnerCenter.requestFiles: the pattern "${glob}" is ignored: ${refused}.`);
    else requestFiles[glob] = kind;
  }
  return { requestFiles };
}

/** Logs every refused pattern, and shows it once per pattern (settings arrive again on every change). */
export function settingsWarner(state: Pick<ServerState, 'connection'>): (message: string) => void {
  const shown = new Set<string>();
  return (message) => {
    state.connection.console.warn(message);
    if (shown.has(message)) return;
    shown.add(message);
    void state.connection.window.showWarningMessage(message);
  };
}

export function registerSettingsHandlers(state: ServerState, warn: (message: string) => void): void {
  state.connection.onNotification(DidChangeServerSettingsNotification.type, (settings) => {
    state.settings = normalizeSettings(settings, warn);
    state.requestRefresh();
  });
  state.connection.onNotification(CatalogChangedNotification.type, () => {
    state.catalog.invalidate();
    state.requestRefresh();
  });
}
