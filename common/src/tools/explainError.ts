// partnercenter_explain_error: what a Partner Center error code means and what to do, from the same
// table the response document and the CLI use (send/errorAdvice.ts); a response body is read with
// the API client's own error parser, so every error shape the service uses is understood.
import { parseErrorBody } from '../api/errors';
import { adviceFor, adviceForCode } from '../send/errorAdvice';
import { type AgentTool, ToolInputError } from './toolTypes';

interface Input {
  code?: string | number;
  responseBody?: string;
  status?: number;
}

export const explainError: AgentTool<Input> = {
  name: 'partnercenter_explain_error',
  title: 'Explain a Partner Center error',
  description:
    'Explains a Partner Center error: what the code means and what to do about it. Give `code` (e.g. 900270 or 2002), ' +
    'or paste the error `responseBody` (the JSON the service answered) with its HTTP `status` when known. ' +
    'Use it for questions such as "why did this order fail with 900270?". Makes no call to Partner Center.',
  inputSchema: {
    type: 'object',
    properties: {
      code: { type: ['string', 'integer'], description: 'The Partner Center error code, e.g. 900270.' },
      responseBody: {
        type: 'string',
        minLength: 1,
        maxLength: 100_000,
        description: 'The error response body as received, e.g. {"code":2002,"description":"..."}.',
      },
      status: { type: 'integer', minimum: 100, maximum: 599, description: 'The HTTP status of the answer, e.g. 400.' },
    },
    additionalProperties: false,
  },
  readsPartnerCenter: false,
  run(input) {
    let code = input.code;
    let description: string | undefined;
    if (input.responseBody !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(input.responseBody);
      } catch {
        json = undefined;
      }
      const parsed = parseErrorBody(json, input.responseBody);
      code ??= parsed.code;
      description = parsed.description;
    }
    if (code === undefined && input.status === undefined) {
      throw new ToolInputError('Give code (a Partner Center error code), or responseBody, or status.');
    }
    const codeText = code === undefined ? undefined : String(code).trim();
    const advice = (codeText ? adviceForCode(codeText) : undefined) ?? adviceFor(input.status, codeText);
    const known = codeText !== undefined && adviceForCode(codeText) !== undefined;
    const head = codeText === undefined ? `HTTP ${input.status}` : `Partner Center error ${codeText}`;
    const lines = [
      advice
        ? `${head}: ${advice.meaning}\nWhat to do: ${advice.whatToDo}`
        : `${head} is not in the error table this extension knows (error-codes.md).`,
      known || !advice ? undefined : `(The code is not in the table; this advice is by HTTP status.)`,
      description ? `The service said: ${description}` : undefined,
    ].filter(Boolean);
    return Promise.resolve({
      text: lines.join('\n'),
      structured: {
        code: codeText,
        status: input.status,
        known,
        meaning: advice?.meaning,
        whatToDo: advice?.whatToDo,
        serviceDescription: description,
      },
    });
  },
};
