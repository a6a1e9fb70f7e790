// The whole-document snippets (snippets/requests.code-snippets), offered by the server in an empty
// request document instead of being contributed to every JSON file: contributed snippets showed in
// package.json too, and crowded the list while a value was being typed (issue 12).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DocumentSnippet } from '../../common/src/language';

type SnippetFile = Record<string, { prefix: string | string[]; description?: string; body: string | string[] }>;

let loaded: Promise<DocumentSnippet[]> | undefined;

/** Read once; the file sits beside the bundle's folder (dist/../snippets), in the checkout and in the .vsix. */
export function documentSnippets(log: (message: string) => void): Promise<DocumentSnippet[]> {
  return (loaded ??= readFile(join(__dirname, '..', 'snippets', 'requests.code-snippets'), 'utf8').then(
    (text) =>
      Object.values(JSON.parse(text) as SnippetFile).map((snippet) => ({
        prefix: ([] as string[]).concat(snippet.prefix)[0],
        description: snippet.description ?? '',
        body: ([] as string[]).concat(snippet.body).join('\n'),
      })),
    (err: unknown) => {
      log(`The request snippets could not be read: ${String(err)}`);
      return [];
    },
  ));
}
