// A body is checked with the same rules as a document of the kind its path belongs to (a POST to
// .../orders is checked as an order), so the envelope is not a way around validation. The language
// service does the checking; only its errors block a send. What is checked is the text the client
// sends (compact JSON), and with no size limit: the editor skips huge documents to stay responsive,
// but a send must never pass a body because it was too large to look at.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getLanguageService } from '../language';
import { type RequestKind } from '../requestKinds';

const service = getLanguageService({ maxDocumentLength: Number.POSITIVE_INFINITY });

/** Error messages for `body` as a document of `kind`; empty when it passes. */
export function validateBodyAs(body: unknown, kind: RequestKind): string[] {
  const text = JSON.stringify(body) ?? 'null';
  const parsed = service.parse(`partner-center-body:/body.${kind.id}.json`, text);
  return service
    .validate(parsed, kind, { reportSyntaxErrors: true })
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}
