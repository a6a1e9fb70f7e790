// partnercenter_validate_request: the language server's diagnostics for a request document's text,
// with the catalog rules against the live catalog when the host is connected.
import { requestKindById, requestKinds } from '../requestKinds';
import { type AgentTool, ToolInputError } from './toolTypes';
import { checkDocument, describeDiagnostics, kindOfText } from './checkDocument';
import { plural } from './format';

interface Input {
  document: string;
  kind?: string;
  fileName?: string;
}

/** 5 MB: what the editor checks as you type; an agent pasting more has made a mistake. */
const MAX_DOCUMENT = 5_000_000;

export const validateRequest: AgentTool<Input> = {
  name: 'partnercenter_validate_request',
  title: 'Check a Partner Center request document',
  description:
    'Checks the text of a Partner Center request document (an order, cart, subscription update, new customer, or a ' +
    '*.request.json call) with the same rules as the editor: the schema, term and billing-cycle pairs, line numbering, ' +
    'provisioning context and, against the live catalog, that each item exists, is purchasable and sells that term and quantity. ' +
    'Answers each diagnostic: code (pc.…), severity, message and line. Nothing is sent. Give `kind`, or a `fileName` such as ' +
    '"x.order.json", unless the document names its `$schema`.',
  inputSchema: {
    type: 'object',
    properties: {
      document: { type: 'string', minLength: 1, maxLength: MAX_DOCUMENT, description: 'The JSON text of the request document.' },
      kind: {
        type: 'string',
        enum: requestKinds.map((k) => k.id),
        description: 'Which kind of request the document is.',
      },
      fileName: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        description: 'The file name, e.g. "fabrikam.order.json": its pattern decides the kind when `kind` is not given.',
      },
    },
    required: ['document'],
    additionalProperties: false,
  },
  readsPartnerCenter: true,
  async run(input, ctx) {
    const fileName = input.fileName ?? (input.kind ? `document.${input.kind}.json` : 'document.json');
    const kind = input.kind ? requestKindById(input.kind) : kindOfText(fileName, input.document);
    if (!kind) {
      throw new ToolInputError(
        `Cannot tell what kind of request this is: give kind (${requestKinds.map((k) => k.id).join(', ')}), a fileName such as x.order.json, or a $schema in the document.`,
      );
    }
    const diagnostics = await checkDocument(input.document, kind, fileName, ctx);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const verdict =
      errors === 0
        ? `No errors: Partner Center's documented rules accept this ${kind.title.toLowerCase()} document.`
        : `${plural(errors, 'error')}: fix them before sending.`;
    return {
      text: `${verdict}${diagnostics.length > 0 ? `\n${describeDiagnostics(diagnostics)}` : ''}`,
      structured: { kind: kind.id, valid: errors === 0, diagnostics },
    };
  },
};
