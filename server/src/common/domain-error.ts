import { ERRORS, ErrorCode } from '@pingjia/shared';

// Services throw this; the one exception filter turns it into `{ code, message, fields? }`.
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? ERRORS[code].message);
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export const notFound = () => new DomainError('NOT_FOUND');
export const invalid = (fields: Record<string, string>, message?: string) => new DomainError('VALIDATION_FAILED', message, fields);
