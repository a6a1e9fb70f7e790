// The parser for documents JSON.parse refuses (syntax errors, comments, a byte order mark):
// jsonc-parser's scanner-based visit(), which recovers from errors and reports each one. It builds
// the same tree wellFormedSource.ts reads from well-formed text.
import { type ParseError, visit } from 'jsonc-parser';
import { SourceBuilder } from './sourceBuilder';
import { type SourceContainer } from './sourceTree';

export interface TolerantResult {
  document: SourceContainer;
  errors: ParseError[];
}

/** Throws RangeError when the nesting is deep enough to exhaust the stack (jsonc-parser descends recursively). */
export function tolerantParse(text: string): TolerantResult {
  const builder = new SourceBuilder(text.length);
  const errors: ParseError[] = [];
  visit(
    text,
    {
      onObjectBegin: (offset) => builder.beginContainer('object', offset),
      onObjectProperty: (name, offset, length) => builder.property(name, offset, length),
      onObjectEnd: (offset, length) => builder.endContainer(offset, length),
      onArrayBegin: (offset) => builder.beginContainer('array', offset),
      onArrayEnd: (offset, length) => builder.endContainer(offset, length),
      onLiteralValue: (value: string | number | boolean | null, offset, length) => builder.scalar(value, offset, length),
      onSeparator: (separator, offset) => {
        if (separator === ',') builder.comma(offset);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    { allowTrailingComma: false, disallowComments: true },
  );
  return { document: builder.finish(), errors };
}
