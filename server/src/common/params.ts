import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from './domain-error';

// A malformed id names nothing: 404, like an id the caller may not see.
export const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => notFound() });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed campaign id (an optional query parameter) names nothing: 404 like one the caller may not see. */
export function campaignParam(campaignId: string | undefined): string | undefined {
  if (campaignId !== undefined && !UUID.test(campaignId)) throw notFound();
  return campaignId;
}
