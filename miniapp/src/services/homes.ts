import type { CycleMessageStatus, PublicResults, SceneLookup } from '@pingjia/shared';
import { memberRequest } from './auth';
import { request } from './request';

/** Public: the home a QR scene points at and its open campaign, if any. */
export function lookupScene(scene: string): Promise<SceneLookup> {
  return request<SceneLookup>({ path: `/api/homes/scene/${encodeURIComponent(scene)}`, auth: 'none' });
}

/** Public: the latest published cycle of a home (figures as published, title, rectification plan). */
export function getPublicResults(homeId: string): Promise<PublicResults> {
  return request<PublicResults>({ path: `/api/homes/${encodeURIComponent(homeId)}/results`, auth: 'none' });
}

/** Public: whether members can ask to be told when a cycle opens, and the template to ask for. */
export function getCycleMessages(): Promise<CycleMessageStatus> {
  return request<CycleMessageStatus>({ path: '/api/cycle-messages', auth: 'none' });
}

/** The member allowed the "cycle opened" message in WeChat's popup: one message when the next cycle opens here. */
export function acceptCycleMessage(homeId: string, templateIds: string[]): Promise<{ subscribed: boolean }> {
  return memberRequest<{ subscribed: boolean }>({
    method: 'POST',
    path: `/api/homes/${encodeURIComponent(homeId)}/cycle-messages`,
    data: { templateIds },
  });
}
