// Errors a handler can throw. Each names a condition of the table in errorCodes.ts, which gives
// its code and HTTP status; the server turns it into the documented error body
// `{code, description, data, source: "PartnerFD"}` (none where the docs show the answer without a code).

import { ERRORS, type ErrorName } from './errorCodes';
import { type HttpAnswer } from './router';

export interface ApiErrorExtras {
  data?: unknown[];
  /** Replaces the standard body (the agreements API answers in a newer shape). */
  body?: unknown;
  headers?: Record<string, string>;
  /** The reason phrase, where the docs show one other than the standard (e.g. "Unauthorized - MFA required"). */
  statusText?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: number | null;

  constructor(
    readonly condition: ErrorName,
    readonly description: string,
    readonly extras: ApiErrorExtras = {},
  ) {
    const { code, status } = ERRORS[condition];
    super(`${code ?? status}: ${description}`);
    this.status = status;
    this.code = code;
  }

  toAnswer(): HttpAnswer {
    const body = this.extras.body ?? (this.code === null ? undefined : errorBody(this.code, this.description, this.extras.data));
    return { status: this.status, body, headers: this.extras.headers ?? {}, statusText: this.extras.statusText };
  }
}

function errorBody(code: number, description: string, data: unknown[] = []): unknown {
  return { code, description, data, source: 'PartnerFD' };
}

/** The generic validation failure. */
export function invalidInput(description: string, data: unknown[] = []): ApiError {
  return new ApiError('invalidInput', description, { data });
}

/** An enum value that is none of its values. */
export function badEnum(field: string, value: unknown): ApiError {
  return new ApiError('enumNotParsed', `Unable to parse the value '${String(value)}' of '${field}'.`);
}

export function customerNotFound(id: string): ApiError {
  return new ApiError('notFound', `Customer ${id} was not found.`);
}

export function routeNotFound(path: string): ApiError {
  return new ApiError('notFound', `The resource ${path} was not found.`);
}
