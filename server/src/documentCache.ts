// Parsed documents by (uri, version): completion, hover and code actions right after a validation
// reuse its parse instead of parsing the text again. A handful of recent entries is plenty.
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { type ParsedRequest, type RequestLanguageService } from '../../common/src/language';

export class ParsedDocumentCache {
  private readonly entries = new Map<string, { version: number; parsed: ParsedRequest }>();

  constructor(private readonly capacity = 16) {}

  get(service: RequestLanguageService, document: TextDocument): ParsedRequest {
    const hit = this.entries.get(document.uri);
    if (hit && hit.version === document.version) {
      // Re-insert: Map order doubles as least-recently-used order.
      this.entries.delete(document.uri);
      this.entries.set(document.uri, hit);
      return hit.parsed;
    }
    const parsed = service.parse(document.uri, document.getText());
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, parsed });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return parsed;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
