// `partner-center validate <files...>`: the language service on files, for CI and scripts. Same
// rules as the editor, syntax errors included. With --endpoint the catalog rules run against that
// service. A gate must never pass a file it did not check: every file is checked whatever its size
// (the editor's size limit is for checking as you type), and what the editor shows as notes (the
// catalog did not answer) is an error here. The exit code: 2 when a file could not be checked
// fully (or a usage problem), else 1 when any error, else 0.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { CATALOG_OFF, catalogView, type CatalogView } from '../../common/src/language/catalog';
import { codes } from '../../common/src/language/codes';
import { getLanguageService } from '../../common/src/language/languageService';
import { requestKindById } from '../../common/src/requestKinds';
import { InvalidUtf8Error, readUtf8File } from '../../common/src/utf8File';
import * as sharedOptions from './cliOptions';
import { catalogPart } from './parts';
import { writeStdout } from './stdout';

const USAGE = `usage: partner-center validate <files...> [--format text|json] [--kind <kind>] [--endpoint <url>] [--country <cc>]

Checks Partner Center request bodies (*.order.json, *.cart.json, *.subscription.json, *.customer.json).
Without --endpoint the catalog rules are off; with it, give the token in ${sharedOptions.TOKEN_ENV} or --token-file.

exit status: 0 every file checked, no errors; 1 some file has errors; 2 a usage problem, or some
file not checked fully (unreadable, not a request file, nested too deeply,
or --endpoint given and the catalog did not answer or refused the token).

options:
  --format text|json   text lines (default) or one JSON array of diagnostics
  --country <cc>       the market whose catalog is checked (default US)
${sharedOptions.HELP}`;

interface Options extends sharedOptions.SharedCliOptions {
  files: string[];
  format: 'text' | 'json';
  country?: string;
}

export interface JsonDiagnostic {
  file: string;
  range: Diagnostic['range'];
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

const SEVERITY: Record<number, JsonDiagnostic['severity']> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function parseArgs(argv: string[]): Options | string {
  const options: Options = { files: [], format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const shared = sharedOptions.readOption(argv, i, options);
    if (typeof shared === 'string') return shared;
    if (typeof shared === 'number') {
      i = shared;
      continue;
    }
    const value = (): string | undefined => argv[++i];
    switch (arg) {
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json') return `--format must be text or json`;
        options.format = format;
        break;
      }
      case '--country':
        options.country = value();
        break;
      default:
        if (arg.startsWith('--')) return `unknown option ${arg}`;
        options.files.push(arg);
    }
  }
  if (options.files.length === 0) return 'no files given';
  const problem = sharedOptions.checkOptions(options);
  if (problem) return problem;
  if ((options.token !== undefined || options.tokenFile !== undefined) && options.endpoint === undefined) {
    return 'a token needs --endpoint';
  }
  return options;
}

export async function validateCommand(argv: string[]): Promise<number> {
  const options = sharedOptions.readCommandLine(argv, USAGE, parseArgs, {
    out: writeStdout,
    err: (t) => process.stderr.write(t),
  });
  if (typeof options === 'number') return options;
  // No size limit: a file too large to check as you type is still checked here, whole.
  const service = getLanguageService({ maxDocumentLength: Infinity });
  const { token, error } = await sharedOptions.resolveToken(options, process.env);
  if (error) {
    process.stderr.write(`${error}\n`);
    return 2;
  }
  // The API client is loaded only for --endpoint: without it validate needs the language core alone.
  const remote = options.endpoint ? catalogPart().openCatalog(options.endpoint, token, options.country) : undefined;
  const catalog = remote?.source;
  const results: JsonDiagnostic[] = [];
  let usageProblem = false;
  let notFullyChecked = 0;
  try {
    for (const file of options.files) {
      let text: string;
      try {
        text = await readUtf8File(file);
      } catch (err) {
        process.stderr.write(
          err instanceof InvalidUtf8Error
            ? `${err.message}\n`
            : `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`,
        );
        usageProblem = true;
        continue;
      }
      const parsed = service.parse(pathToFileURL(resolve(file)).href, text.replace(/^\uFEFF/, ''));
      const kind = options.kind ? requestKindById(options.kind) : service.kindOf(parsed);
      if (!kind) {
        process.stderr.write(`${file}: not a known request file name; name it *.order.json, *.cart.json, ... or pass --kind\n`);
        usageProblem = true;
        continue;
      }
      let diagnostics: Diagnostic[];
      try {
        let view: CatalogView = {
          ...CATALOG_OFF,
          reason: `pass --endpoint (with the token in ${sharedOptions.TOKEN_ENV} or --token-file) to check catalog items, terms, quantities and attestation.`,
        };
        if (catalog) {
          const answer = await catalog.resolveItems(service.catalogItemIds(parsed, kind));
          const reason =
            `the catalog at ${options.endpoint} could not be used, so this file was not fully checked. ${answer.reason ?? ''}`.trim();
          view = catalogView(answer.available, Object.entries(answer.items), answer.available ? undefined : reason);
        }
        // The fixes are the editor's; this prints none.
        diagnostics = service.validate(parsed, kind, { catalog: view, fixes: false });
      } catch (err) {
        // One file the checker fails on must not take the others' results with it.
        diagnostics = [service.notChecked(err)];
      }
      let checkedFully = true;
      for (const d of diagnostics) {
        const code = String(d.code);
        const blocking = isNotChecked(code, catalog !== undefined);
        if (blocking) checkedFully = false;
        const severity = blocking ? 'error' : SEVERITY[d.severity ?? DiagnosticSeverity.Error];
        results.push({
          file,
          range: d.range,
          severity,
          code,
          message: typeof d.message === 'string' ? d.message : d.message.value,
        });
      }
      if (!checkedFully) notFullyChecked++;
    }
  } finally {
    await remote?.close();
  }
  writeStdout(options.format === 'json' ? `${JSON.stringify(results, null, 2)}\n` : formatText(results, notFullyChecked));
  if (usageProblem || notFullyChecked > 0) return 2;
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}

/**
 * Diagnostics that mean part of the file was not checked: the document was too large or deep to
 * read, the checker failed on it, or the catalog the run asked for (--endpoint) did not answer.
 * Without --endpoint the catalog checks are off by choice, and saying so is only a note.
 */
function isNotChecked(code: string, catalogRequested: boolean): boolean {
  return (
    code === codes.tooLarge ||
    code === codes.tooDeep ||
    code === codes.notChecked ||
    (catalogRequested && code === codes.catalogUnavailable)
  );
}

function formatText(results: readonly JsonDiagnostic[], notFullyChecked: number): string {
  const lines = results.map(
    (r) => `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} ${r.code}: ${r.message}`,
  );
  const errors = results.filter((r) => r.severity === 'error').length;
  const warnings = results.filter((r) => r.severity === 'warning').length;
  const unchecked = notFullyChecked > 0 ? `; ${notFullyChecked} file${notFullyChecked === 1 ? '' : 's'} not fully checked` : '';
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${unchecked}`);
  return `${lines.join('\n')}\n`;
}
