// A generic request's body is checked with the same rules as a document of the kind its path
// belongs to (a POST to .../orders is checked as an order), so the envelope is not a way around
// validation. The language service does the checking; only its errors block a send.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getLanguageService } from '../language';
import { type RequestKind } from '../requestKinds';

const service = getLanguageService();

/** Error messages for `body` as a document of `kind`; empty when it passes. */
export function validateBodyAs(body: unknown, kind: RequestKind): string[] {
  const text = JSON.stringify(body, null, 2) ?? 'null';
  const parsed = service.parse(`partner-center-body:/body.${kind.id}.json`, text);
  return service.validate(parsed, kind, { reportSyntaxErrors: true })
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}
