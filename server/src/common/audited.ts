import { SetMetadata } from '@nestjs/common';

// The @Audited marker: features mark their handlers with it; the audit module's interceptor reads it
// and writes the log entry. It lives here, below the features, so marking a handler does not make a
// feature depend on the audit module (which itself reads the orgs and campaigns it logs).

/** a small detail of an audit entry; never personal data */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditedOptions {
  action: string;
  target: 'org' | 'home' | 'campaign';
  /** where the target's id is: the route's :id, or the `id` of the answer (for creations) */
  idFrom: 'param' | 'result';
  /** a small detail from the answer; never personal data */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer's type differs by route
  detail?: (result: any) => AuditDetail;
}

export const AUDITED = 'audited';
/** Records the action in the audit log after the handler succeeded. */
export const Audited = (options: AuditedOptions) => SetMetadata(AUDITED, options);
