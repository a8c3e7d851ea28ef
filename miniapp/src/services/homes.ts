import type { PublicResults, SceneLookup } from '@pingjia/shared';
import { request } from './request';

/** Public: the home a QR scene points at and its open campaign, if any. */
export function lookupScene(scene: string): Promise<SceneLookup> {
  return request<SceneLookup>({ path: `/api/homes/scene/${encodeURIComponent(scene)}`, auth: 'none' });
}

/** Public: the latest published cycle of a home (figures as published, title, rectification plan). */
export function getPublicResults(homeId: string): Promise<PublicResults> {
  return request<PublicResults>({ path: `/api/homes/${encodeURIComponent(homeId)}/results`, auth: 'none' });
}
