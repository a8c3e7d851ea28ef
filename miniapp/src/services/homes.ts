import type { SceneLookup } from '@pingjia/shared'
import { request } from './request'

/** Public: the home a QR scene points at and its open campaign, if any. */
export function lookupScene(scene: string): Promise<SceneLookup> {
  return request<SceneLookup>({ path: `/api/homes/scene/${encodeURIComponent(scene)}`, auth: 'none' })
}
