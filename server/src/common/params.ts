import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from './domain-error';

// A malformed id names nothing: 404, like an id the caller may not see.
export const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => notFound() });
