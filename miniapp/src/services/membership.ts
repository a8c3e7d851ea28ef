import type { MembershipRequest, MembershipStatus } from '@pingjia/shared';
import { memberRequest } from './auth';

const membershipPath = (homeId: string) => `/api/homes/${encodeURIComponent(homeId)}/membership`;

/** Whether the member may rate this home: open homes always, roster homes once verified. */
export function getMembershipStatus(homeId: string): Promise<MembershipStatus> {
  return memberRequest<MembershipStatus>({ path: membershipPath(homeId) });
}

/** Resolves when the roster has this member (204); 404 no match or bound to another account (alike), 409 this account holds another entry, 429 too many tries. */
export async function verifyMembership(homeId: string, body: MembershipRequest): Promise<void> {
  await memberRequest<void>({ method: 'POST', path: membershipPath(homeId), data: body });
}
