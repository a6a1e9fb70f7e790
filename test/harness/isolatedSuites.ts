// Suites that need an extension host of their own: each runs alone, in a fresh workspace made from
// its fixture folder, and every other pass leaves it out. Restricted Mode needs an untrusted folder;
// the start-up suite needs a host where nothing has used the extension yet (issue 14).
export interface IsolatedSuite {
  /** The Mocha suite's title (a prefix of each of its tests' full titles). */
  title: string;
  trusted: boolean;
  /** The folder under test/fixtures the workspace is copied from. */
  fixture: string;
}

export const ISOLATED_SUITES: readonly IsolatedSuite[] = [
  { title: 'Untrusted workspace', trusted: false, fixture: 'workspace' },
  { title: 'Start-up cost', trusted: true, fixture: 'startup' },
];

/** What a pass that runs everything else hands the suite (test/integration/index.ts reads it). */
export function excludeIsolatedSuites(): Record<string, string> {
  return { PC_TEST_EXCLUDE: JSON.stringify(ISOLATED_SUITES.map((s) => s.title)) };
}
