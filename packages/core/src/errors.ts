/** The kinds of failure the platform distinguishes; each maps to exactly one HTTP status. */
export const errorKinds = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

const statusByKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The one place where an error kind becomes an HTTP status. */
export function httpStatusOf(kind: ErrorKind): number {
  return statusByKind[kind];
}

/** The uniform error body every API answer uses: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * An expected failure with a stable machine-readable `code` (snake_case) and a human message.
 * Throw it from services; the server maps it to HTTP in one place.
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: unknown;

  constructor(kind: ErrorKind, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return httpStatusOf(this.kind);
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }

  static invalid(code: string, message: string, details?: unknown): AppError {
    return new AppError('invalid', code, message, details);
  }
  static notFound(what: string, id?: string): AppError {
    return new AppError(
      'not_found',
      `${what}_not_found`,
      id ? `${what} ${id} was not found` : `${what} was not found`,
    );
  }
  static conflict(code: string, message: string, details?: unknown): AppError {
    return new AppError('conflict', code, message, details);
  }
  static forbidden(code: string, message: string, details?: unknown): AppError {
    return new AppError('forbidden', code, message, details);
  }
  static unauthorized(code: string, message: string): AppError {
    return new AppError('unauthorized', code, message);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
