import type { EndorsementFigures, EndorsementRequest, EndorsementVerdict, MyEndorsement } from '@pingjia/shared';
import { memberRequest } from './auth';
import { request } from './request';

const base = (campaignId: string, homeId: string) =>
  `/api/campaigns/${encodeURIComponent(campaignId)}/homes/${encodeURIComponent(homeId)}/endorsements`;

/** Public: how many members answered (rounded down to 5 until sign-off), and the split after it. */
export function getEndorsementFigures(campaignId: string, homeId: string): Promise<EndorsementFigures> {
  return request<EndorsementFigures>({ path: base(campaignId, homeId), auth: 'none' });
}

export function getMyEndorsement(campaignId: string, homeId: string): Promise<MyEndorsement> {
  return memberRequest<MyEndorsement>({ path: `${base(campaignId, homeId)}/mine` });
}

export function putMyEndorsement(campaignId: string, homeId: string, verdict: EndorsementVerdict): Promise<MyEndorsement> {
  const body: EndorsementRequest = { verdict };
  return memberRequest<MyEndorsement>({ method: 'PUT', path: `${base(campaignId, homeId)}/mine`, data: body });
}
