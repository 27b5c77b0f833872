import { errorStatus, type ErrorCode } from './codes';

/**
 * The error every layer throws for an expected failure. The code is the API; the message shown to people is
 * looked up by code in the request's language, so `message` here is only for logs.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Values substituted into the localized message, e.g. {{field}}. */
  readonly params: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    options: { details?: unknown; params?: Record<string, string | number>; cause?: unknown; message?: string } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.params = options.params ?? {};
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (entity: string) => new AppError('not_found', { params: { entity }, details: { entity } });
export const forbidden = () => new AppError('forbidden');
export const staleVersion = (details: unknown) => new AppError('stale_version', { details });
