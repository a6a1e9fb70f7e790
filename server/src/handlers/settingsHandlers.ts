// Settings and catalog changes from the extension: both make every open document worth checking again.
import { CatalogChangedNotification, DidChangeServerSettingsNotification, type ServerSettings } from '../../../common/src/protocol';
import { type ServerState } from '../serverState';

export function normalizeSettings(value: Partial<ServerSettings> | undefined): ServerSettings {
  const requestFiles: Record<string, string> = {};
  for (const [glob, kind] of Object.entries(value?.requestFiles ?? {})) if (typeof kind === 'string') requestFiles[glob] = kind;
  return { requestFiles };
}

export function registerSettingsHandlers(state: ServerState): void {
  state.connection.onNotification(DidChangeServerSettingsNotification.type, (settings) => {
    state.settings = normalizeSettings(settings);
    state.requestRefresh();
  });
  state.connection.onNotification(CatalogChangedNotification.type, () => {
    state.catalog.invalidate();
    state.requestRefresh();
  });
}
