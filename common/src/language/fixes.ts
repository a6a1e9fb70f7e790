// Quick fixes travel inside diagnostics (`Diagnostic.data`), described rather than computed: a
// replacement is cheap to record, but an insertion or removal needs a pass over the text, so it
// is turned into edits only when someone asks for code actions on that diagnostic.
import { type Range } from 'vscode-languageserver-types';
import { type JSONPath } from 'jsonc-parser';

export interface FixSpec {
  title: string;
  /** Marks the one fix VS Code applies with "auto fix". */
  preferred?: boolean;
  /**
   * The fix changes only how the document says something, never what it asks Partner Center for
   * (spelling, a duplicate or read-only member Partner Center ignores, line numbers, "5" for 5):
   * "Fix all" applies these together. A guess (a suggested name), a purchase choice (term,
   * quantity) or an attestation is never safe: a person makes it.
   */
  safe?: boolean;
  /** Plain text replacements (ranges in the document as validated). */
  replace?: { range: Range; newText: string }[];
  /** Set these values (paths in the document's own spelling), adding properties as needed. */
  set?: { path: JSONPath; value: unknown }[];
  /** Remove the property or array element at this path. */
  remove?: JSONPath;
  /** Renumber the line items 0..n-1 (path of the lines array, property of their number). */
  renumber?: { arrayPath: JSONPath; numberProperty: string };
}

export interface DiagnosticData {
  fixes: FixSpec[];
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && Array.isArray((value as DiagnosticData).fixes);
}
