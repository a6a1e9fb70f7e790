// Errors a handler can throw; the server turns them into the documented error bodies
// `{code, description, data, source: "PartnerFD"}` with the HTTP status the code goes with.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly description: string,
    readonly data: unknown[] = [],
    /** Replaces the standard body (the agreements API answers in a newer shape). */
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${description}`);
  }

  toBody(): unknown {
    return this.body ?? errorBody(this.code, this.description, this.data);
  }
}

export function errorBody(code: number, description: string, data: unknown[] = []): unknown {
  return { code, description, data, source: 'PartnerFD' };
}

/** 800002 "Invalid request input": the generic validation failure. */
export function invalidInput(description: string, data: unknown[] = []): ApiError {
  return new ApiError(400, 800002, description, data);
}

/** 900126 "Unable to parse enum". */
export function badEnum(field: string, value: unknown): ApiError {
  return new ApiError(400, 900126, `Unable to parse the value '${String(value)}' of '${field}'.`);
}

export function customerNotFound(id: string): ApiError {
  return new ApiError(404, 1000, `Customer ${id} was not found.`);
}

export function routeNotFound(path: string): ApiError {
  return new ApiError(404, 1000, `The resource ${path} was not found.`);
}
